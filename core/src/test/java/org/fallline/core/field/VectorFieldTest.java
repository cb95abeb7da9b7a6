package org.fallline.core.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The gradient flow's field F = −∇V and its Jacobian −∇²V. */
class VectorFieldTest {

    /** Component i of F, with row i of J as its gradient, for {@link GradientCheck}. */
    private static ScalarField component(VectorField f, int i) {
        return new ScalarField() {
            @Override
            public List<String> variables() {
                return List.of("x", "y", "z").subList(0, f.dimension());
            }

            @Override
            public double value(double[] x) {
                return f.value(x)[i];
            }

            @Override
            public double gradient(double[] x, double[] gradient) {
                double[] row = f.jacobian(x)[i];
                System.arraycopy(row, 0, gradient, 0, row.length);
                return value(x);
            }

            @Override
            public double hessian(double[] x, double[] gradient, double[][] hessian) {
                // the gradient check does not ask; numerical second derivatives keep the contract
                NumericalField.of(variables(), this::value).hessian(x, gradient, hessian);
                return gradient(x, gradient);
            }
        };
    }

    @Test
    void jacobianAgreesWithNumericalDifferentiation() {
        ScalarField v = Expression.parse("exp(x)*cos(y) - x - 1 + 0.3*x*y^3*z + sin(z)^2", List.of("x", "y", "z"));
        NegativeGradient f = VectorField.negativeGradient(v);
        assertSame(v, f.potential());
        assertEquals(3, f.dimension());
        double[][] points = {{0.2, -0.7, 1.1}, {-1.3, 2.0, 0.4}, {0.0, 0.5, -2.2}};
        for (double[] x : points) {
            for (int i = 0; i < 3; i++) {
                GradientCheck.Report r = GradientCheck.gradient(component(f, i), x);
                assertTrue(r.consistent(), "row " + i + " at " + java.util.Arrays.toString(x) + ": " + r);
            }
            // F = −∇V exactly, and J = −∇²V is symmetric
            double[] g = v.gradient(x);
            double[] value = f.value(x);
            double[][] j = f.jacobian(x);
            for (int i = 0; i < 3; i++) {
                assertEquals(-g[i], value[i], 0.0);
                for (int k = 0; k < 3; k++) {
                    assertEquals(j[i][k], j[k][i], 0.0);
                }
            }
        }
    }

    @Test
    void quadraticPotentialGivesTheLinearField() {
        // V = ½xᵀAx − bᵀx: F = b − Ax, J = −A
        double[][] a = {{4, 1}, {1, 3}};
        double[] b = {1, -2};
        NegativeGradient f = VectorField.negativeGradient(new QuadraticField(a, b, 0.0));
        double[] x = {0.5, 0.25};
        assertArrayEquals(new double[] {1 - (4 * 0.5 + 0.25), -2 - (0.5 + 3 * 0.25)}, f.value(x), 1e-15);
        double[][] j = new double[2][2];
        f.jacobian(x, j);
        assertArrayEquals(new double[] {-4, -1}, j[0], 0.0);
        assertArrayEquals(new double[] {-1, -3}, j[1], 0.0);
    }
}
