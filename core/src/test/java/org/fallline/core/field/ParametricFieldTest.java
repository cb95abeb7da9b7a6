package org.fallline.core.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fallline.core.CoreException;
import org.junit.jupiter.api.Test;

/** Fields over space and time: parameters bound per evaluation and never differentiated. */
class ParametricFieldTest {

    private static final List<String> XY = List.of("x", "y");
    private static final List<String> T = List.of("t");

    private static ParametricField field(String text) {
        return Expression.parse(text).field(XY, T);
    }

    @Test
    void derivativesAreOverTheSpatialVariablesOnly() {
        // u = sin(x) e^(-t): ∇u = (cos x e^(-t), 0), ∇²u = diag(−sin x e^(-t), 0)
        ParametricField u = field("sin(x)*exp(-t)");
        for (double t : new double[] {0.0, 0.7, 3.0}) {
            double[] x = {0.3, -1.1};
            double[] p = {t};
            double e = Math.exp(-t);
            double[] g = new double[2];
            double[][] h = new double[2][2];
            assertEquals(Math.sin(0.3) * e, u.value(x, p), 1e-16);
            assertEquals(Math.sin(0.3) * e, u.gradient(x, p, g), 1e-16);
            assertArrayEquals(new double[] {Math.cos(0.3) * e, 0.0}, g, 1e-16);
            u.hessian(x, p, g, h);
            assertArrayEquals(new double[] {-Math.sin(0.3) * e, 0.0}, h[0], 1e-16);
            assertArrayEquals(new double[] {0.0, 0.0}, h[1], 0.0);
            assertEquals(-Math.sin(0.3) * e, u.laplacian(x, p), 1e-16);
        }
    }

    @Test
    void parameterTimesPolynomialIsRecomputedForEveryParameterValue() {
        // t x² + t y + x: of degree 2 in (x, y), so its Hessian 2t is constant in x but not in t
        ParametricField u = field("t*x^2 + y*t + x");
        double[] x = {1.5, -2.0};
        for (double t : new double[] {0.0, 2.0, -3.0, 2.0}) {
            double[] g = new double[2];
            double[][] h = new double[2][2];
            assertEquals(t * 2.25 - 2.0 * t + 1.5, u.hessian(x, new double[] {t}, g, h), 1e-14);
            assertArrayEquals(new double[] {2 * t * 1.5 + 1, t}, g, 1e-14);
            assertArrayEquals(new double[] {2 * t, 0.0}, h[0], 0.0);
            assertArrayEquals(new double[] {0.0, 0.0}, h[1], 0.0);
            assertEquals(2 * t, u.laplacian(x, new double[] {t}), 0.0);
            // a linear term t·y: constant Hessian (zero), gradient t
            double[] gl = new double[2];
            field("t*y").gradient(x, new double[] {t}, gl);
            assertArrayEquals(new double[] {0.0, t}, gl, 0.0);
        }
        assertTrue(u.bind(5.0).hasConstantHessian(), "quadratic in x for fixed t");
        assertFalse(field("sin(x)*t").bind(1.0).hasConstantHessian());
    }

    @Test
    void aFieldOfTheParametersAloneHasNoDerivatives() {
        ParametricField u = field("exp(t) + 2");
        double[] g = {7.0, 7.0};
        double[][] h = {{7.0, 7.0}, {7.0, 7.0}};
        assertEquals(Math.exp(1.25) + 2, u.hessian(new double[] {1, 2}, new double[] {1.25}, g, h), 0.0);
        assertArrayEquals(new double[2], g, 0.0);
        assertArrayEquals(new double[2], h[0], 0.0);
        assertArrayEquals(new double[2], h[1], 0.0);
        assertEquals(0.0, u.laplacian(new double[] {1, 2}, new double[] {1.25}), 0.0);
    }

    @Test
    void laplacianIsTheTraceOfTheHessian() {
        // Δ(t x² y² + sin y) = 2t y² + 2t x² − sin y
        ParametricField u = field("t*x^2*y^2 + sin(y)");
        double x = 0.4;
        double y = -1.3;
        double t = 1.7;
        assertEquals(2 * t * y * y + 2 * t * x * x - Math.sin(y), u.laplacian(new double[] {x, y}, new double[] {t}),
                1e-14);
    }

    @Test
    void boundFieldAgreesWithNumericalDerivatives() {
        ParametricField u = Expression.parse("sin(x*t)*exp(-y*a^2) + x^3*y/(1 + t^2) + a")
                .field(XY, List.of("t", "a"));
        ScalarField v = u.bind(0.8, -1.2);
        assertEquals(XY, v.variables());
        double[] x = {0.6, 0.35};
        GradientCheck.Report g = GradientCheck.gradient(v, x);
        assertTrue(g.consistent(), g.toString());
        GradientCheck.HessianReport h = GradientCheck.hessian(v, x);
        assertTrue(h.consistent(), h.toString());
        assertEquals(u.value(x, new double[] {0.8, -1.2}), v.value(x), 0.0);
    }

    @Test
    void batchValuesEqualSingleValuesBitForBit() {
        ParametricField u = field("exp(-t)*sin(3*x)*cos(2*y) + x*y*t + (x - t)^2");
        double[] p = {0.45};
        double[][] axes = {{-1.0, -0.3, 0.0, 0.2, 0.9, 1.7, 2.0}, {-2.0, -0.5, 0.25, 0.75, 3.0}};
        int nodes = 35;
        double[] values = new double[nodes];
        double[] values2 = new double[nodes];
        double[] gradients = new double[2 * nodes];
        u.valuesOnGrid(axes, p, values);
        u.gradientsOnGrid(axes, p, values2, gradients);
        double[][] points = new double[nodes][];
        for (int j = 0, k = 0; j < axes[1].length; j++) {
            for (int i = 0; i < axes[0].length; i++, k++) {
                double[] x = {axes[0][i], axes[1][j]};
                points[k] = x;
                double[] g = new double[2];
                double v = u.gradient(x, p, g);
                assertEquals(u.value(x, p), values[k], 0.0);
                assertEquals(v, values2[k], 0.0);
                assertEquals(g[0], gradients[2 * k], 0.0);
                assertEquals(g[1], gradients[2 * k + 1], 0.0);
            }
        }
        double[] listed = new double[nodes];
        u.values(points, p, listed);
        assertArrayEquals(values, listed, 0.0);
        double[] listedValues = new double[nodes];
        double[] listedGradients = new double[2 * nodes];
        u.gradients(points, p, listedValues, listedGradients);
        assertArrayEquals(values2, listedValues, 0.0);
        assertArrayEquals(gradients, listedGradients, 0.0);
        // a range of nodes fills just its part
        double[] part = new double[nodes];
        u.valuesOnGrid(axes, p, part, 9, 23);
        for (int k = 0; k < nodes; k++) {
            assertEquals(k >= 9 && k < 23 ? values[k] : 0.0, part[k], 0.0);
        }
    }

    @Test
    void threeDimensionalGridIsInLexicographicOrderFirstAxisFastest() {
        ParametricField u = Expression.parse("x + 10*y + 100*z + 1000*t").field(List.of("x", "y", "z"), T);
        double[][] axes = {{0, 1}, {0, 1, 2}, {0, 1}};
        double[] out = new double[12];
        u.valuesOnGrid(axes, new double[] {1}, out);
        for (int k = 0; k < 12; k++) {
            int i = k % 2;
            int j = (k / 2) % 3;
            int l = k / 6;
            assertEquals(i + 10 * j + 100 * l + 1000, out[k], 0.0);
        }
    }

    @Test
    void parallelEvaluationEqualsSerial() throws Exception {
        ParametricField u = field("exp(-t)*sin(3*x)*cos(2*y) + x*y*t + (x - t)^2");
        int m = 300;
        double[] axis = new double[m];
        for (int i = 0; i < m; i++) {
            axis[i] = -1.0 + 2.0 * i / (m - 1);
        }
        double[][] axes = {axis, axis};
        int nodes = m * m;
        double[] p = {0.3};
        double[] serial = new double[nodes];
        double[] serialGradients = new double[2 * nodes];
        u.gradientsOnGrid(axes, p, serial, serialGradients);
        double[] parallel = new double[nodes];
        double[] parallelGradients = new double[2 * nodes];
        double[] single = new double[nodes];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            int chunks = 8;
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) nodes * c / chunks);
                int to = (int) ((long) nodes * (c + 1) / chunks);
                tasks.add(pool.submit(() -> u.gradientsOnGrid(axes, p, parallel, parallelGradients, from, to)));
                // single-point calls with another parameter value in between, on the same threads
                tasks.add(pool.submit(() -> {
                    for (int k = from; k < to; k++) {
                        u.value(new double[] {0.5, 0.5}, new double[] {9.0});
                        single[k] = u.value(new double[] {axis[k % m], axis[k / m]}, p);
                    }
                }));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(serial, parallel, 0.0);
        assertArrayEquals(serialGradients, parallelGradients, 0.0);
        assertArrayEquals(serial, single, 0.0);
    }

    @Test
    void unknownNameIsReportedWithItsColumnAndTheNamesAllowed() {
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> Expression.parse("sin(x)*exp(-s)").field(XY, T));
        assertEquals("unknown name 's' at column 13; the names allowed are the variables x, y and the parameter t",
                e.getMessage());
        assertEquals(13, e.column());
        ExpressionException z = assertThrows(ExpressionException.class,
                () -> Expression.parse("x + z").field(XY, List.of("t", "c")));
        assertEquals("unknown name 'z' at column 5; the names allowed are the variables x, y and the parameters t, c",
                z.getMessage());
        ExpressionException none = assertThrows(ExpressionException.class,
                () -> Expression.parse("x + t").field(XY, List.of()));
        assertEquals("unknown variable 't' at column 5; the variables are x, y", none.getMessage());
    }

    @Test
    void badListsAndArraysAreRefused() {
        Expression e = Expression.parse("x + t");
        assertThrows(CoreException.class, () -> e.field(XY, List.of("x")));
        assertThrows(CoreException.class, () -> e.field(XY, List.of("pi")));
        assertThrows(CoreException.class, () -> e.field(XY, List.of("sin")));
        ParametricField u = e.field(XY, T);
        assertThrows(IllegalArgumentException.class, () -> u.value(new double[] {1, 2}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> u.value(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> u.valuesOnGrid(new double[][] {{1, 2}}, new double[] {0}, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> u.valuesOnGrid(new double[][] {{1, 2}, {1, 2}}, new double[] {0}, new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> u.valuesOnGrid(new double[][] {{1, 2}, {1, 2}}, new double[] {0}, new double[4], 2, 5));
    }
}
