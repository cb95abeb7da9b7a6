package org.fallline.physics.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ScalarField;
import org.junit.jupiter.api.Test;

/** The heavy-ball flow x″ + bx′ + ∇V = 0 and its energy E = ½|v|² + V (reference README §4). */
class HeavyBallFlowTest {

    private static final ScalarField SADDLE = Expression.parse("exp(x)*cos(y) - x - 1");

    private static FlowResult run(double friction) {
        return new FlowSolver(FlowOptions.defaults().withEndTime(1).withTolerance(1e-12).withFriction(friction))
                .solve(SADDLE, new double[] {0.5, 0.5});
    }

    @Test
    void energyFiguresOfTheReference() {
        FlowResult b1 = run(1);
        FlowResult b3 = run(3);
        assertEquals(-0.0531109634158307, b1.initialEnergy(), 1e-15);
        assertEquals(-0.196416868283768, b1.finalEnergy(), 1e-10);
        assertEquals(-0.203715340070125, b3.finalEnergy(), 1e-10);
        assertEquals(FlowStop.END_TIME, b1.stop());
    }

    @Test
    void energyFallsAtTheRateFrictionTimesSpeedSquared() {
        double b = 1;
        FlowResult r = new FlowSolver(FlowOptions.defaults().withEndTime(1).withTolerance(1e-12).withFriction(b)
                .withSamples(2001)).solve(SADDLE, new double[] {0.5, 0.5});
        // E(1) − E(0) = −b∫|v|² dt, by Simpson's rule on the dense output (h = 5e-4, error ~ h⁴)
        double integral = 0;
        int m = r.samples().size() - 1;
        double dt = 1.0 / m;
        for (int k = 0; k <= m; k++) {
            double[] v = r.samples().get(k).velocity();
            double w = (k == 0 || k == m) ? 1 : (k % 2 == 1 ? 4 : 2);
            integral += w * (v[0] * v[0] + v[1] * v[1]);
        }
        integral *= dt / 3;
        assertEquals(-b * integral, r.finalEnergy() - r.initialEnergy(), 1e-9);
        for (int k = 1; k <= m; k++) {
            assertTrue(r.samples().get(k).energy() <= r.samples().get(k - 1).energy() + 1e-14);
        }
    }

    @Test
    void startsAtRest() {
        FlowResult r = run(1);
        double[] v0 = r.samples().get(0).velocity();
        assertEquals(0, v0[0], 0);
        assertEquals(0, v0[1], 0);
    }
}
