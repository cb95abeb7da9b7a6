package org.fallline.core.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/** Whole fields: the saddle e^x cos y − x − 1, a 10-variable quadratic, and parallel evaluation. */
class ExpressionFieldsTest {

    private static final Expression SADDLE = Expression.parse("exp(x)*cos(y) - x - 1");

    @Test
    void saddleHasTheClosedFormDerivatives() {
        for (double x = -1.5; x <= 1.5; x += 0.75) {
            for (double y = -3; y <= 3; y += 0.6) {
                Derivatives d = SADDLE.derivatives(new double[] {x, y});
                double ex = Math.exp(x);
                double c = Math.cos(y);
                double s = Math.sin(y);
                assertEquals(ex * c - x - 1, d.value(), 1e-14 * Math.max(1, ex));
                assertEquals(ex * c - 1, d.gradient()[0], 1e-14 * ex);
                assertEquals(-ex * s, d.gradient()[1], 1e-14 * ex);
                double[][] h = d.hessian();
                assertEquals(ex * c, h[0][0], 1e-14 * ex);
                assertEquals(-ex * s, h[0][1], 1e-14 * ex);
                assertEquals(-ex * s, h[1][0], 1e-14 * ex);
                assertEquals(-ex * c, h[1][1], 1e-14 * ex);
                // e^x cos y is harmonic: the trace of the Hessian vanishes everywhere
                assertEquals(0.0, h[0][0] + h[1][1], 1e-15 * ex);
                // its eigenvalues are ±e^x
                double[] eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(h)).getRealEigenvalues();
                Arrays.sort(eigen);
                assertEquals(-ex, eigen[0], 1e-14 * ex);
                assertEquals(ex, eigen[1], 1e-14 * ex);
            }
        }
    }

    @Test
    void saddleHasAnEquilibriumAtTheOrigin() {
        Derivatives d = SADDLE.derivatives(new double[] {0, 0});
        assertEquals(0.0, d.value());
        assertArrayEquals(new double[] {0, 0}, d.gradient());
        assertArrayEquals(new double[] {1, 0}, d.hessian()[0]);
        assertArrayEquals(new double[] {0, -1}, d.hessian()[1]);
    }

    /** A random symmetric positive definite A and b, and ½xᵀAx − bᵀx written out term by term. */
    private static final int N = 10;
    private static final double[][] A = new double[N][N];
    private static final double[] B = new double[N];
    private static final String QUADRATIC;

    static {
        Random random = new Random(20240601);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j <= i; j++) {
                double a = random.nextDouble() - 0.5;
                A[i][j] = a;
                A[j][i] = a;
            }
            A[i][i] += N;
            B[i] = random.nextDouble() * 4 - 2;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < N; i++) {
            // diagonal terms as 0.5*a*x^2 with a = A_ii, so that the Hessian is A_ii exactly
            text.append(i == 0 ? "" : " + ").append("0.5*").append(A[i][i]).append("*x").append(i + 1).append("^2");
            for (int j = i + 1; j < N; j++) {
                text.append(A[i][j] < 0 ? " - " : " + ").append(Math.abs(A[i][j]))
                        .append("*x").append(i + 1).append("*x").append(j + 1);
            }
        }
        for (int i = 0; i < N; i++) {
            text.append(B[i] < 0 ? " + " : " - ").append(Math.abs(B[i])).append("*x").append(i + 1);
        }
        QUADRATIC = text.toString();
    }

    @Test
    void quadraticHasGradientAxMinusBAndHessianAExactly() {
        Expression q = Expression.parse(QUADRATIC);
        assertEquals(N, q.dimension());
        assertEquals("x1", q.variables().get(0));
        assertEquals("x10", q.variables().get(9));
        assertTrue(q.hasConstantHessian());
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = random.nextGaussian() * 3;
            }
            Derivatives d = q.derivatives(x);
            double value = 0;
            for (int i = 0; i < N; i++) {
                double ax = 0;
                for (int j = 0; j < N; j++) {
                    ax += A[i][j] * x[j];
                }
                assertEquals(ax - B[i], d.gradient()[i], 1e-12 * (1 + Math.abs(ax)), "gradient " + i);
                value += x[i] * (0.5 * ax - B[i]);
                // the Hessian is A exactly: each coefficient is the number written in the text
                assertArrayEquals(A[i], d.hessian()[i], 0.0, "Hessian row " + i);
            }
            assertEquals(value, d.value(), 1e-12 * (1 + Math.abs(value)));
        }
    }

    @Test
    void longSumsAreFlatNotDeep() {
        // the longest x+x+…+x the length limit allows: must parse, compile and evaluate without recursion
        int terms = (100_000 + 1) / 2;
        String text = "x" + "+x".repeat(terms - 1);
        assertEquals(99_999, text.length());
        Expression e = Expression.parse(text);
        Derivatives d = e.derivatives(new double[] {0.5});
        assertEquals(terms * 0.5, d.value());
        assertEquals(terms, d.gradient()[0]);
        assertEquals(0.0, d.hessian()[0][0]);
        // 60,000 terms take 119,999 characters: over the limit, refused before any parsing
        ExpressionException tooLong = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> Expression.parse("x" + "+x".repeat(59_999)));
        assertEquals("expression too long: 119999 characters (the limit is 100000)", tooLong.getMessage());
        // long products and mixed chains too
        String product = "x" + "*x".repeat(30_000);
        assertEquals(1.0, Expression.parse(product).value(new double[] {1.0}));
        String chain = "x" + "-x/2+x*x".repeat(10_000);
        Derivatives c = Expression.parse(chain).derivatives(new double[] {2.0});
        assertEquals(2.0 + 10_000 * (-1.0 + 4.0), c.value());
        assertEquals(1.0 + 10_000 * (-0.5 + 4.0), c.gradient()[0]);
        assertEquals(10_000 * 2.0, c.hessian()[0][0]);
    }

    @Test
    void parallelEvaluationGivesTheSameNumbers() throws Exception {
        Expression[] fields = {SADDLE, Expression.parse(QUADRATIC),
            Expression.parse("log(1 + x^2 + y^2) * atan(x - y) + min(x, y)^3")};
        int points = 2_000;
        for (Expression field : fields) {
            int n = field.dimension();
            double[][] xs = new double[points][n];
            Random random = new Random(11);
            for (double[] x : xs) {
                for (int i = 0; i < n; i++) {
                    x[i] = random.nextGaussian();
                }
            }
            List<Derivatives> sequential = new ArrayList<>();
            for (double[] x : xs) {
                sequential.add(field.derivatives(x));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int task = 0; task < 8; task++) {
                    final int offset = task;
                    results.add(pool.submit(() -> {
                        double[] g = new double[n];
                        double[][] h = new double[n][n];
                        for (int k = 0; k < points; k++) {
                            int p = (k * 7 + offset * 131) % points;
                            Derivatives expected = sequential.get(p);
                            double v = field.hessian(xs[p], g, h);
                            if (v != expected.value() || !Arrays.equals(g, expected.gradient())
                                    || !Arrays.deepEquals(h, expected.hessian())
                                    || field.value(xs[p]) != expected.value()) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> r : results) {
                    assertTrue(r.get(), field.text());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void repeatedSubexpressionsAndNestingAgreeWithDirectEvaluation() {
        Expression e = Expression.parse("sin(x*y) + sin(y*x) + (x*y)^2 - 2*(-(-x))*y/(1+x^2)");
        double x = 0.8;
        double y = -1.3;
        double expected = 2 * Math.sin(x * y) + x * y * x * y - 2 * x * y / (1 + x * x);
        assertEquals(expected, e.value(new double[] {x, y}), 1e-14);
        GradientCheck.Report check = GradientCheck.gradient(e, new double[] {x, y});
        assertTrue(check.consistent(), () -> Arrays.toString(check.analytic()) + " vs "
                + Arrays.toString(check.numerical()));
        assertTrue(GradientCheck.hessian(e, new double[] {x, y}).consistent());
    }
}
