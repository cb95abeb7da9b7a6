package org.fallline.core.field;

import org.fallline.core.CoreException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extrapolated central differences against exact derivatives: every estimate must lie within its
 * own stated error of the truth, and the stated error must be small for smooth functions.
 */
class NumericalFieldTest {

    /** e^x cos y and its exact derivatives. */
    private static final NumericalField SADDLE = NumericalField.of(List.of("x", "y"),
            p -> Math.exp(p[0]) * Math.cos(p[1]));

    private static double[] saddleGradient(double x, double y) {
        return new double[] {Math.exp(x) * Math.cos(y), -Math.exp(x) * Math.sin(y)};
    }

    private static double[][] saddleHessian(double x, double y) {
        double c = Math.exp(x) * Math.cos(y);
        double s = Math.exp(x) * Math.sin(y);
        return new double[][] {{c, -s}, {-s, -c}};
    }

    /**
     * The estimate is within its stated error of the truth, and that error is at most 1e-8 relative
     * to the larger of the field's scale and the derivative itself.
     */
    private static void withinStatedError(double exact, double estimate, double error, double scale, String what) {
        assertTrue(Math.abs(estimate - exact) <= error,
                what + ": |" + estimate + " − " + exact + "| = " + Math.abs(estimate - exact) + " > " + error);
        assertTrue(error <= 1e-8 * Math.max(scale, Math.abs(exact)), what + ": error estimate " + error + " is not small");
    }

    @Test
    void saddleGradientAndHessianWithinTheirStatedError() {
        for (double x : new double[] {-1.2, 0.0, 0.4, 2.0}) {
            for (double y : new double[] {-2.5, 0.0, 0.9, 3.0}) {
                double[] p = {x, y};
                double scale = Math.exp(x);
                NumericalField.Estimate g = SADDLE.gradientWithError(p);
                double[] exact = saddleGradient(x, y);
                for (int i = 0; i < 2; i++) {
                    withinStatedError(exact[i], g.gradient()[i], g.error()[i], scale, "∂" + i + " at " + x + "," + y);
                }
                NumericalField.HessianEstimate h = SADDLE.hessianWithError(p);
                double[][] exactH = saddleHessian(x, y);
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        withinStatedError(exactH[i][j], h.hessian()[i][j], h.error()[i][j], scale,
                                "∂" + i + "∂" + j + " at " + x + "," + y);
                    }
                }
                assertEquals(h.hessian()[0][1], h.hessian()[1][0]);
            }
        }
    }

    @Test
    void polynomialsWithinTheirStatedError() {
        // V = x³y² − 4xy + 7y⁴ − 2x + 1, over x1, x2
        NumericalField f = NumericalField.of(2, p -> {
            double x = p[0];
            double y = p[1];
            return x * x * x * y * y - 4 * x * y + 7 * y * y * y * y - 2 * x + 1;
        });
        assertEquals(List.of("x1", "x2"), f.variables());
        for (double[] p : new double[][] {{0, 0}, {1.5, -0.5}, {-3, 2}, {100, 0.01}}) {
            double x = p[0];
            double y = p[1];
            double[] g = {3 * x * x * y * y - 4 * y - 2, 2 * x * x * x * y - 4 * x + 28 * y * y * y};
            double[][] h = {{6 * x * y * y, 6 * x * x * y - 4}, {6 * x * x * y - 4, 2 * x * x * x + 84 * y * y}};
            double scale = Math.max(1, Math.abs(f.value(p)));
            NumericalField.Estimate ge = f.gradientWithError(p);
            NumericalField.HessianEstimate he = f.hessianWithError(p);
            for (int i = 0; i < 2; i++) {
                withinStatedError(g[i], ge.gradient()[i], ge.error()[i], scale, "g" + i + " at " + x + "," + y);
                for (int j = 0; j < 2; j++) {
                    withinStatedError(h[i][j], he.hessian()[i][j], he.error()[i][j], scale,
                            "h" + i + j + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void scalarFieldMethodsGiveTheEstimates() {
        double[] p = {0.3, -0.7};
        double[] g = new double[2];
        double[][] h = new double[2][2];
        double v = SADDLE.hessian(p, g, h);
        assertEquals(Math.exp(0.3) * Math.cos(-0.7), v);
        assertEquals(SADDLE.gradientWithError(p).gradient()[1], g[1]);
        assertEquals(SADDLE.hessianWithError(p).hessian()[0][1], h[0][1]);
        assertEquals(saddleGradient(0.3, -0.7)[0], SADDLE.gradient(p)[0], 1e-10);
        assertFalse(SADDLE.hasConstantHessian());
        assertEquals(2, SADDLE.dimension());
    }

    @Test
    void nonFiniteFunctionsAreReported() {
        NumericalField log = NumericalField.of(1, p -> Math.log(p[0]));
        CoreException ex = assertThrows(CoreException.class, () -> log.gradientWithError(new double[] {-1}));
        assertTrue(ex.getMessage().startsWith("cannot estimate ∂V/∂x1 at [-1.0]"), ex.getMessage());
        assertTrue(Double.isNaN(log.gradient(new double[] {-1})[0]));
        // near the edge of the domain the large steps are dropped and the estimate stays good
        NumericalField.Estimate near = log.gradientWithError(new double[] {1e-3});
        assertEquals(1e3, near.gradient()[0], near.error()[0]);
        assertTrue(near.error()[0] < 1e-4);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(CoreException.class, () -> NumericalField.of(List.of("x", "x"), p -> 0));
        assertThrows(CoreException.class, () -> NumericalField.of(-1, p -> 0));
        assertThrows(CoreException.class, () -> SADDLE.value(new double[3]));
    }

    @Test
    void theFunctionMayScribbleOnItsArgument() {
        NumericalField f = NumericalField.of(2, p -> {
            double v = p[0] * p[0] * p[1];
            p[0] = 99;
            p[1] = -99;
            return v;
        });
        double[] x = {1.5, 2.0};
        NumericalField.Estimate e = f.gradientWithError(x);
        assertEquals(6.0, e.gradient()[0], e.error()[0]);
        assertEquals(2.25, e.gradient()[1], e.error()[1]);
        assertEquals(1.5, x[0]);
    }
}
