package org.fallline.physics.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fallline.core.descent.StopReason;
import org.fallline.core.field.Expression;
import org.fallline.core.field.QuadraticField;
import org.fallline.physics.PhysicsException;
import org.junit.jupiter.api.Test;

/**
 * Gradient descent against the exact gradient flow on quadratics: descent is (I − ηA)^k(x₀ − x*) + x*, the
 * flow x* + e^{−At}(x₀ − x*); first order in η at fixed t; stable iff η &lt; 2/λmax (reference B1: 2/100).
 */
class FlowVersusDescentTest {

    private static final QuadraticField B1 = new QuadraticField(List.of("x", "y"),
            new double[][] {{50.5, 49.5}, {49.5, 50.5}}, new double[] {1, 2}, 0);
    private static final double[] X_STAR = {-0.485, 0.515};

    // x₀ = 0: x₀ − x* = c_fast (1,1)/√2·√2/2… written out: (0.485, −0.515) = 0.5·(1,−1)·1 + (−0.015)·(1,1)
    private static double[] closedForm(double fastFactor, double slowFactor) {
        double fast = -0.015 * fastFactor;
        double slow = 0.5 * slowFactor;
        return new double[] {X_STAR[0] + fast + slow, X_STAR[1] + fast - slow};
    }

    @Test
    void bothSidesMatchTheirClosedFormsBelowTheLimit() {
        double eta = 0.0198;
        FlowVersusDescent c = FlowVersusDescent.compare(B1, new double[] {0, 0}, eta, 300);
        assertTrue(c.stable());
        assertEquals(0.02, c.stabilityLimit(), 1e-15);
        assertEquals(100, c.largestEigenvalue(), 1e-12);
        assertEquals(301, c.rows().size());
        for (FlowVersusDescent.Row r : c.rows()) {
            int k = r.iteration();
            assertEquals(k * eta, r.time(), 1e-15);
            double[] gd = closedForm(Math.pow(1 - 100 * eta, k), Math.pow(1 - eta, k));
            double[] flow = closedForm(Math.exp(-100 * r.time()), Math.exp(-r.time()));
            for (int i = 0; i < 2; i++) {
                assertEquals(gd[i], r.descent()[i], 1e-13, "descent at k = " + k);
                assertEquals(flow[i], r.flow()[i], 1e-14, "flow at t = " + r.time());
            }
        }
    }

    @Test
    void aboveTheLimitDescentDivergesWhileTheFlowDoesNot() {
        FlowVersusDescent c = FlowVersusDescent.compare(B1, new double[] {0, 0}, 0.021, 400);
        assertFalse(c.stable());
        List<FlowVersusDescent.Row> rows = c.rows();
        FlowVersusDescent.Row last = rows.get(rows.size() - 1);
        // the fast mode is multiplied by 1 − 2.1 = −1.1 per step: descent follows its closed form away from x*
        for (FlowVersusDescent.Row r : rows) {
            double[] gd = closedForm(Math.pow(1 - 100 * 0.021, r.iteration()), Math.pow(1 - 0.021, r.iteration()));
            double scale = Math.max(1, Math.abs(gd[0]));
            assertEquals(gd[0], r.descent()[0], 1e-12 * scale, "descent at k = " + r.iteration());
        }
        assertTrue(last.error() > 100 * rows.get(1).error(), "error " + last.error());
        double d0 = Math.hypot(X_STAR[0], X_STAR[1]);
        for (FlowVersusDescent.Row r : rows) {
            assertTrue(Math.hypot(r.flow()[0] - X_STAR[0], r.flow()[1] - X_STAR[1]) <= d0 + 1e-15);
        }
        assertEquals(StopReason.DIVERGED, c.descentStop());
    }

    @Test
    void descentIsFirstOrderInTheStepAtFixedTime() {
        QuadraticField a = new QuadraticField(List.of("x", "y"), new double[][] {{2, 1}, {1, 2}},
                new double[] {0, 0}, 0);
        double e1 = FlowVersusDescent.compare(a, new double[] {1, 0}, 1e-2, 100).rows().get(100).error();
        double e2 = FlowVersusDescent.compare(a, new double[] {1, 0}, 5e-3, 200).rows().get(200).error();
        assertEquals(1, Math.log(e1 / e2) / Math.log(2), 0.02);
    }

    @Test
    void theExactFlowAgreesWithTheIntegratedOne() {
        double tol = 1e-12;
        double[] integrated = new FlowSolver(FlowOptions.defaults().withEndTime(1).withTolerance(tol))
                .solve(B1, new double[] {0, 0}).point();
        double[] exact = QuadraticFlow.of(B1).at(new double[] {0, 0}, 1);
        assertEquals(exact[0], integrated[0], 100 * tol);
        assertEquals(exact[1], integrated[1], 100 * tol);
    }

    @Test
    void aSaddleQuadraticGrowsAlongItsNegativeEigenvalue() {
        // V = ½(y² − x²): x(t) = x₀eᵗ, y(t) = y₀e^{−t}
        double[] x = QuadraticFlow.of(Expression.parse("0.5*(y^2 - x^2)")).at(new double[] {1e-3, 1}, 2);
        assertEquals(1e-3 * Math.exp(2), x[0], 1e-17);
        assertEquals(Math.exp(-2), x[1], 1e-15);
    }

    @Test
    void aNonQuadraticIsBadInput() {
        PhysicsException e = assertThrows(PhysicsException.class, () -> FlowVersusDescent.compare(
                Expression.parse("exp(x)*cos(y) - x - 1"), new double[] {0, 0}, 0.1, 10));
        assertEquals(PhysicsException.Kind.BAD_INPUT, e.kind());
    }
}
