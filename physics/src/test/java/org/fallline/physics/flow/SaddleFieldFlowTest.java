package org.fallline.physics.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ScalarField;
import org.junit.jupiter.api.Test;

/**
 * The gradient flow of the saddle field V = eˣcos y − x − 1 against its closed form (reference README §4):
 * H = eˣ sin y − y is conserved, y(t) = −H + (y₀ + H)eᵗ, x = ln((y + H)/sin y), blow-up at
 * t* = ln((π + H)/(y₀ + H)).
 */
class SaddleFieldFlowTest {

    private static final ScalarField SADDLE = Expression.parse("exp(x)*cos(y) - x - 1");

    private static double h(double[] p) {
        return Math.exp(p[0]) * Math.sin(p[1]) - p[1];
    }

    @Test
    void matchesTheClosedFormAtTimeOneAndConservesH() {
        double tol = 1e-10;
        FlowResult r = new FlowSolver(FlowOptions.defaults().withEndTime(1).withTolerance(tol))
                .solve(SADDLE, new double[] {0.5, 0.5});
        assertEquals(FlowStop.END_TIME, r.stop());
        // reference: (x, y)(1) = (0.8067143179731826, 1.8581971131897816), V = −2.44181744406206
        assertEquals(0.8067143179731826, r.point()[0], 100 * tol);
        assertEquals(1.8581971131897816, r.point()[1], 100 * tol);
        assertEquals(-2.44181744406206, r.value(), 100 * tol);
        double h0 = 0.290439083213615;
        assertEquals(h0, h(new double[] {0.5, 0.5}), 1e-15);
        for (FlowSample s : r.samples()) {
            assertEquals(h0, h(s.point()), 100 * tol, "H at t = " + s.time());
            // y(t) = −H + (y₀ + H)eᵗ
            assertEquals(-h0 + (0.5 + h0) * Math.exp(s.time()), s.point()[1], 100 * tol, "y at t = " + s.time());
        }
        assertEquals(101, r.samples().size());
        assertEquals(1.0, r.samples().get(100).time(), 1e-15);
    }

    @Test
    void finiteTimeBlowUpIsAnEscapeAtTheClosedFormTime() {
        FlowResult r = new FlowSolver(FlowOptions.defaults()).solve(SADDLE, new double[] {0.5, 0.5});
        assertEquals(FlowStop.ESCAPED, r.stop());
        double h0 = h(new double[] {0.5, 0.5});
        double tStar = Math.log((Math.PI + h0) / (0.5 + h0));
        assertEquals(1.46831911528861, tStar, 1e-13);
        assertTrue(r.time() < tStar, "the escape is reported before the blow-up");
        assertEquals(tStar, r.time(), 1e-6);
        assertTrue(Double.isFinite(r.value()) && Double.isFinite(r.point()[0]));
        assertEquals(r.time(), r.samples().get(r.samples().size() - 1).time());
    }

    @Test
    void aFixedStepThatOvershootsIntoOverflowIsAnEscapeAtTheLastAcceptedStep() {
        // rk4 with h = 1e-2 steps over t* = 1.4683…: a trial stage lands where e^x overflows
        FlowResult r = new FlowSolver(FlowOptions.defaults().withIntegrator(Integrator.RK4).withStep(1e-2))
                .solve(SADDLE, new double[] {0.5, 0.5});
        assertEquals(FlowStop.ESCAPED, r.stop(), r.reason());
        assertTrue(Double.isFinite(r.value()) && Double.isFinite(r.gradientNorm()));
        assertTrue(Math.abs(r.time() - 1.46831911528861) < 0.05, "t = " + r.time());
    }

    @Test
    void blowUpOnTheLineYEqualsPiAtLogTwo() {
        FlowResult r = new FlowSolver(FlowOptions.defaults()).solve(SADDLE, new double[] {0, Math.PI});
        assertEquals(FlowStop.ESCAPED, r.stop());
        assertEquals(Math.log(2), r.time(), 1e-6);
    }

    @Test
    void stableManifoldTheXAxis() {
        double tol = 1e-10;
        FlowResult r = new FlowSolver(FlowOptions.defaults().withEndTime(1).withTolerance(tol))
                .solve(SADDLE, new double[] {1, 0});
        // x(t) = −ln(1 + (e^{−x0} − 1)e^{−t}); x0 = 1: x(1) = 0.264674335944481
        assertEquals(0.264674335944481, r.point()[0], 100 * tol);
        assertEquals(0, r.point()[1], 0);
    }

    @Test
    void valueEventLocatedToItsThreshold() {
        double tol = 1e-12;
        FlowResult r = new FlowSolver(FlowOptions.defaults().withTolerance(tol).withUntilValue(-1))
                .solve(SADDLE, new double[] {0.5, 0.5});
        assertEquals(FlowStop.VALUE_REACHED, r.stop());
        // threshold 1e-12·T = 1e-11; reference: first V = −1 at t = 0.677591951462912
        assertEquals(0.677591951462912, r.time(), 1e-11 + 1e-12);
        assertEquals(-1, r.value(), 1e-10);
    }
}
