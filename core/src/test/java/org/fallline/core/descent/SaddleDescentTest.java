package org.fallline.core.descent;

import org.fallline.core.testing.TestFields;
import org.fallline.core.field.ScalarField;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Gradient descent near the saddle of V = eˣ cos y − x − 1 (Hessian eigenvalues ±1 at 0), from
 * /work/shared/reference/physics/README.md §4: "GD on the stable manifold from x0 = 1: 25 (η=0.5),
 * 6 (η=1), 164 (η=1.9) iterations to |x| ≤ 1e-8; η = 2.1 does not converge (limit 2/V''(0) = 2). GD from
 * (1, 1e-6) leaves the saddle: |y| > 1 after 136 (η=0.1) / 33 (η=0.5) iterations".
 */
class SaddleDescentTest {

    private static final ScalarField SADDLE = new TestFields.Saddle();

    private static int firstWithinOfOrigin(double step) {
        DescentResult r = new GradientDescent(step).minimize(SADDLE, new double[] {1, 0}, new StoppingCriteria(1e-10, 10_000));
        assertEquals(StopReason.CONVERGED, r.stopReason());
        return r.trajectory().firstWithin(new double[] {0, 0}, 1e-8);
    }

    @Test
    void onTheStableManifoldGradientDescentReachesTheSaddle() {
        assertEquals(25, firstWithinOfOrigin(0.5));
        assertEquals(6, firstWithinOfOrigin(1.0));
        assertEquals(164, firstWithinOfOrigin(1.9));
    }

    @Test
    void beyondTheStabilityLimitItDoesNotConverge() {
        DescentResult r = new GradientDescent(2.1).minimize(SADDLE, new double[] {1, 0}, new StoppingCriteria(1e-10, 5_000));
        assertNotEquals(StopReason.CONVERGED, r.stopReason());
        assertEquals(-1, r.trajectory().firstWithin(new double[] {0, 0}, 1e-8));
    }

    private static int firstEscape(double step) {
        DescentResult r = new GradientDescent(step).minimize(SADDLE, new double[] {1, 1e-6}, new StoppingCriteria(1e-10, 10_000));
        // V is unbounded below, so the run cannot converge: it leaves every bound.
        assertEquals(StopReason.DIVERGED, r.stopReason());
        Trajectory t = r.trajectory();
        for (int k = 0; k < t.size(); k++) {
            if (Math.abs(t.coordinate(k, 1)) > 1) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void offTheStableManifoldGradientDescentLeavesTheSaddle() {
        assertEquals(136, firstEscape(0.1));
        assertEquals(33, firstEscape(0.5));
    }
}
