package org.fallline.core.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.fallline.core.field.GradientCheck;
import org.fallline.core.field.ScalarField;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ScalarField} implementation keeps, as a test each implementation's test class runs by
 * extending this one (the pattern of EJML's {@code Generic*Checks} and Hipparchus' {@code *AbstractTest}):
 * distinct variable names matching the dimension; value, gradient and Hessian calls that agree with each other;
 * an analytic gradient and Hessian consistent with Ridders–Richardson differences ({@link GradientCheck}); a
 * symmetric Hessian; evaluation that leaves the point untouched; and, when {@link ScalarField#hasConstantHessian()}
 * says so, the same Hessian everywhere.
 */
public abstract class ScalarFieldContract {

    /** The field under test. */
    protected abstract ScalarField field();

    /** Points at which the field is smooth and finite (at least two). */
    protected abstract List<double[]> points();

    @Test
    void variablesAreDistinctAndMatchTheDimension() {
        ScalarField f = field();
        assertEquals(f.dimension(), f.variables().size());
        assertEquals(f.dimension(), new HashSet<>(f.variables()).size(), "variable names must be distinct");
    }

    @Test
    void valueGradientAndHessianCallsAgree() {
        ScalarField f = field();
        int n = f.dimension();
        for (double[] x : points()) {
            double[] g1 = new double[n];
            double[] g2 = new double[n];
            double v0 = f.value(x);
            double v1 = f.gradient(x, g1);
            double v2 = f.hessian(x, g2, new double[n][n]);
            assertEquals(v0, v1, Tolerances.ROUNDING * Math.max(1, Math.abs(v0)), "value from gradient()");
            assertEquals(v0, v2, Tolerances.ROUNDING * Math.max(1, Math.abs(v0)), "value from hessian()");
            for (int i = 0; i < n; i++) {
                assertEquals(g1[i], g2[i], Tolerances.ROUNDING * Math.max(1, Math.abs(g1[i])), "gradient from hessian()");
            }
        }
    }

    @Test
    void gradientAndHessianAgreeWithNumericalDerivatives() {
        ScalarField f = field();
        for (double[] x : points()) {
            GradientCheck.Report g = GradientCheck.gradient(f, x);
            assertTrue(g.consistent(), () -> "gradient at " + java.util.Arrays.toString(x) + ": " + g);
            GradientCheck.HessianReport h = GradientCheck.hessian(f, x);
            assertTrue(h.consistent(), () -> "Hessian at " + java.util.Arrays.toString(x) + ": " + h);
        }
    }

    @Test
    void hessianIsSymmetric() {
        ScalarField f = field();
        int n = f.dimension();
        for (double[] x : points()) {
            double[][] h = new double[n][n];
            f.hessian(x, new double[n], h);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    assertEquals(h[i][j], h[j][i], Tolerances.ROUNDING * Math.max(1, Math.abs(h[i][j])),
                            "H[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void evaluationLeavesThePointUntouched() {
        ScalarField f = field();
        int n = f.dimension();
        for (double[] x : points()) {
            double[] copy = x.clone();
            f.hessian(x, new double[n], new double[n][n]);
            f.gradient(x, new double[n]);
            f.value(x);
            assertArrayEquals(copy, x);
        }
    }

    @Test
    void aConstantHessianIsTheSameEverywhere() {
        ScalarField f = field();
        if (!f.hasConstantHessian()) {
            return;
        }
        int n = f.dimension();
        List<double[]> xs = points();
        double[][] first = new double[n][n];
        f.hessian(xs.get(0), new double[n], first);
        for (double[] x : xs) {
            double[][] h = new double[n][n];
            f.hessian(x, new double[n], h);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(first[i], h[i], Tolerances.ROUNDING * (1 + Math.abs(first[i][i])));
            }
        }
    }
}
