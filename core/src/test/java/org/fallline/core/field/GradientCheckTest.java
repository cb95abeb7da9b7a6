package org.fallline.core.field;

import org.fallline.core.CoreException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The gradient check accepts exact derivatives and catches wrong ones. */
class GradientCheckTest {

    /** e^x cos y − x − 1 written by hand, with a mistake in the gradient or Hessian if asked. */
    private static ScalarField handWritten(double gradientError, double hessianError) {
        return new ScalarField() {
            @Override
            public List<String> variables() {
                return List.of("x", "y");
            }

            @Override
            public double value(double[] p) {
                return Math.exp(p[0]) * Math.cos(p[1]) - p[0] - 1;
            }

            @Override
            public double gradient(double[] p, double[] g) {
                double e = Math.exp(p[0]);
                g[0] = e * Math.cos(p[1]) - 1;
                g[1] = -e * Math.sin(p[1]) * (1 + gradientError);
                return value(p);
            }

            @Override
            public double hessian(double[] p, double[] g, double[][] h) {
                double e = Math.exp(p[0]);
                double c = e * Math.cos(p[1]);
                double s = e * Math.sin(p[1]);
                h[0][0] = c;
                h[0][1] = -s * (1 + hessianError);
                h[1][0] = h[0][1];
                h[1][1] = -c;
                return gradient(p, g);
            }
        };
    }

    private static final double[][] POINTS = {{0.3, -0.8}, {-1.0, 2.0}, {1.2, 0.5}};

    @Test
    void expressionFieldsPass() {
        for (String text : new String[] {"exp(x)*cos(y) - x - 1", "log(1 + x^2) * atan(y) + x^y",
                "sqrt(x^2 + y^2 + 1) - tanh(x*y) + abs(x - 3)", "(x - 1)^2 + 100*(y - x^2)^2"}) {
            Expression e = Expression.parse(text);
            for (double[] p : POINTS) {
                double[] q = {Math.abs(p[0]) + 0.1, p[1]};
                GradientCheck.Report g = GradientCheck.gradient(e, q);
                assertTrue(g.consistent(), text + ": " + g);
                assertTrue(g.maxRelativeDiscrepancy() < 1e-8, text + ": " + g.maxRelativeDiscrepancy());
                GradientCheck.HessianReport h = GradientCheck.hessian(e, q);
                assertTrue(h.consistent(), text + ": Hessian");
                assertTrue(h.maxRelativeDiscrepancy() < 1e-6, text + ": " + h.maxRelativeDiscrepancy());
            }
        }
    }

    @Test
    void correctHandWrittenDerivativesPass() {
        ScalarField right = handWritten(0, 0);
        for (double[] p : POINTS) {
            assertTrue(GradientCheck.gradient(right, p).consistent());
            assertTrue(GradientCheck.hessian(right, p).consistent());
        }
        // at the equilibrium the gradient vanishes: the check must still pass
        GradientCheck.Report atOrigin = GradientCheck.gradient(right, new double[] {0, 0});
        assertTrue(atOrigin.consistent());
        assertEquals(0.0, atOrigin.analytic()[0]);
    }

    @Test
    void wrongGradientsAreCaught() {
        // a relative mistake of 1e-6 in one component is far beyond the numerical error
        ScalarField wrong = handWritten(1e-6, 0);
        for (double[] p : POINTS) {
            GradientCheck.Report r = GradientCheck.gradient(wrong, p);
            assertFalse(r.consistent());
            assertTrue(r.maxRelativeDiscrepancy() > 1e-7 && r.maxRelativeDiscrepancy() < 1e-5,
                    "discrepancy " + r.maxRelativeDiscrepancy());
        }
        ScalarField sign = handWritten(-2, 0);
        assertFalse(GradientCheck.gradient(sign, POINTS[0]).consistent());
    }

    @Test
    void wrongHessiansAreCaught() {
        ScalarField wrong = handWritten(0, 1e-4);
        for (double[] p : POINTS) {
            GradientCheck.HessianReport r = GradientCheck.hessian(wrong, p);
            assertFalse(r.consistent());
            assertTrue(GradientCheck.gradient(wrong, p).consistent());
        }
    }

    @Test
    void reportsCarryTheirParts() {
        GradientCheck.Report r = GradientCheck.gradient(Expression.parse("x^2 + 3*y"), new double[] {2, 5});
        assertEquals(4.0, r.analytic()[0]);
        assertEquals(3.0, r.analytic()[1]);
        assertEquals(4.0, r.numerical()[0], r.error()[0]);
        assertEquals(3.0, r.numerical()[1], r.error()[1]);
        assertThrows(CoreException.class, () -> GradientCheck.gradient(handWritten(0, 0), POINTS[0], 0.5));
    }
}
