package org.fallline.core.descent;

import org.fallline.core.testing.Benchmarks;
import org.fallline.core.testing.TestFields;
import org.fallline.core.field.ScalarField;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V is a Lyapunov function of the line-search methods: gd-armijo, steepest and newton never increase it
 * (Nocedal and Wright, §3.1), on convex, non-convex and unbounded fields alike.
 */
class LyapunovTest {

    private static final List<DescentMethod> MONOTONE = List.of(new ArmijoDescent(1.0), new SteepestDescent(),
            new NewtonMethod());

    private static void assertNonIncreasing(DescentResult r, String what) {
        double[] v = r.trajectory().values();
        for (int k = 1; k < v.length; k++) {
            assertTrue(v[k] <= v[k - 1], what + ": V rose at step " + k + " from " + v[k - 1] + " to " + v[k]);
        }
    }

    @Test
    void valuesNeverIncrease() {
        Object[][] cases = {
            {new TestFields.Rosenbrock(), new double[] {-1.2, 1}},
            {new TestFields.DoubleWell(), new double[] {0.3, -1.7}},
            {new TestFields.Saddle(), new double[] {0.5, 0.5}},
            {new TestFields.SinSin(), new double[] {3.0, 3.3}},
            {Benchmarks.b2(), new double[50]},
        };
        for (Object[] c : cases) {
            ScalarField f = (ScalarField) c[0];
            for (DescentMethod m : MONOTONE) {
                DescentResult r = m.minimize(f, (double[]) c[1], new StoppingCriteria(1e-9, 2_000));
                assertTrue(r.iterations() > 0);
                assertNonIncreasing(r, m.name() + " on " + f.getClass().getSimpleName());
            }
        }
    }

    /**
     * Rosenbrock's minimum (1, 1) from the classical start (−1.2, 1): Newton and nonlinear CG (curvature
     * information) reach it in a few dozen steps; gradient descent with Armijo steps gets there too, slowly.
     */
    @Test
    void lineSearchMethodsSolveRosenbrock() {
        ScalarField f = new TestFields.Rosenbrock();
        for (DescentMethod m : List.of(new NewtonMethod(), new ConjugateGradient())) {
            DescentResult r = m.minimize(f, new double[] {-1.2, 1}, new StoppingCriteria(1e-8, 200));
            assertEquals(StopReason.CONVERGED, r.stopReason(), m.name());
            assertArrayEquals(new double[] {1, 1}, r.finalPoint(), 1e-8, m.name());
        }
        DescentResult armijo = new ArmijoDescent(1.0).minimize(f, new double[] {-1.2, 1}, new StoppingCriteria(1e-6, 50_000));
        assertEquals(StopReason.CONVERGED, armijo.stopReason());
        assertArrayEquals(new double[] {1, 1}, armijo.finalPoint(), 1e-5);
    }

    /** Steepest descent with the Brent line search (the field is not quadratic) finds the minima of sin x sin y. */
    @Test
    void steepestDescentWithBrentLineSearch() {
        DescentResult r = new SteepestDescent().minimize(new TestFields.SinSin(), new double[] {3.0, 3.3},
                new StoppingCriteria(1e-8, 200));
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertArrayEquals(new double[] {Math.PI / 2, 3 * Math.PI / 2}, r.finalPoint(), 1e-8);
        assertEquals(-1, r.finalValue(), 1e-15);
    }

    /** Near a saddle the modified Newton step goes downhill instead of being attracted to the saddle. */
    @Test
    void newtonLeavesASaddle() {
        DescentResult r = new NewtonMethod().minimize(new TestFields.DoubleWell(), new double[] {0.01, 1.02},
                new StoppingCriteria(1e-10, 100));
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertArrayEquals(new double[] {1, 1}, r.finalPoint(), 1e-10);
    }

    /** The saddle field is unbounded below: the line-search methods run off to −∞ and say so. */
    @Test
    void unboundedBelowIsReportedAsDivergence() {
        for (DescentMethod m : MONOTONE) {
            DescentResult r = m.minimize(new TestFields.Saddle(), new double[] {0.5, 0.5}, new StoppingCriteria(1e-9, 20_000));
            assertEquals(StopReason.DIVERGED, r.stopReason(), m.name());
            assertTrue(Double.isFinite(r.finalValue()));
        }
    }
}
