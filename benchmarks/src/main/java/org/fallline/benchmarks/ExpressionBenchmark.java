package org.fallline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ScalarField;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Value + gradient + Hessian of an expression-defined field against the same field written by hand
 * in Java: the saddle field V = eˣcos y − x − 1 and a 10-variable quadratic ½xᵀAx − bᵀx written out
 * term by term. The hand-written fields are {@link ScalarField} implementations, as a user would
 * write them, called through the same interface as the expression. The issue asks the expression to
 * stay within 5× of the hand-written field; the ratio of the {@code expression*} and
 * {@code handWritten*} scores of one run is the figure recorded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExpressionBenchmark {

    private static final int N = 10;

    private ScalarField saddleExpression;
    private ScalarField saddleByHand;
    private ScalarField quadraticExpression;
    private ScalarField quadraticByHand;
    private double[][] a;
    private double[] b;

    private final double[] xy = {0.3, 0.7};
    private final double[] g2 = new double[2];
    private final double[][] h2 = new double[2][2];
    private final double[] x10 = new double[N];
    private final double[] g10 = new double[N];
    private final double[][] h10 = new double[N][N];

    @Setup
    public void setUp() {
        saddleExpression = Expression.parse("exp(x)*cos(y) - x - 1");
        // A = tridiagonal(−1, 4, −1) plus a weak all-pairs coupling: every term of the quadratic present.
        a = new double[N][N];
        b = new double[N];
        for (int i = 0; i < N; i++) {
            b[i] = i + 1;
            x10[i] = 0.1 * (i + 1);
            for (int j = 0; j < N; j++) {
                a[i][j] = i == j ? 4.0 : (Math.abs(i - j) == 1 ? -1.0 : 0.01 * (i + j + 1));
            }
        }
        quadraticExpression = Expression.parse(quadraticText(a, b), variables());
        saddleByHand = new HandWrittenSaddle();
        quadraticByHand = new HandWrittenQuadratic(a, b);
    }

    static List<String> variables() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            names.add("x" + i);
        }
        return names;
    }

    /** ½xᵀAx − bᵀx written out term by term, as a user would type it. */
    static String quadraticText(double[][] a, double[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < N; i++) {
            s.append(String.format(Locale.ROOT, " + %s*x%d^2", Double.toString(0.5 * a[i][i]), i + 1));
            for (int j = i + 1; j < N; j++) {
                s.append(String.format(Locale.ROOT, " + %s*x%d*x%d", Double.toString(a[i][j]), i + 1, j + 1));
            }
            s.append(String.format(Locale.ROOT, " - %s*x%d", Double.toString(b[i]), i + 1));
        }
        return s.substring(3);
    }

    @Benchmark
    public double expressionSaddle() {
        return saddleExpression.hessian(xy, g2, h2) + h2[0][1];
    }

    @Benchmark
    public double handWrittenSaddle() {
        return saddleByHand.hessian(xy, g2, h2) + h2[0][1];
    }

    @Benchmark
    public double expressionQuadratic10() {
        return quadraticExpression.hessian(x10, g10, h10) + h10[3][4];
    }

    @Benchmark
    public double handWrittenQuadratic10() {
        return quadraticByHand.hessian(x10, g10, h10) + h10[3][4];
    }

    /** V = eˣcos y − x − 1 with its derivatives worked out by hand: one exp, one cos, one sin. */
    static final class HandWrittenSaddle implements ScalarField {
        private static final List<String> VARIABLES = List.of("x", "y");

        @Override
        public List<String> variables() {
            return VARIABLES;
        }

        @Override
        public double value(double[] p) {
            return Math.exp(p[0]) * Math.cos(p[1]) - p[0] - 1;
        }

        @Override
        public double gradient(double[] p, double[] g) {
            double ex = Math.exp(p[0]);
            double c = ex * Math.cos(p[1]);
            g[0] = c - 1;
            g[1] = -ex * Math.sin(p[1]);
            return c - p[0] - 1;
        }

        @Override
        public double hessian(double[] p, double[] g, double[][] h) {
            double ex = Math.exp(p[0]);
            double c = ex * Math.cos(p[1]);
            double s = ex * Math.sin(p[1]);
            g[0] = c - 1;
            g[1] = -s;
            h[0][0] = c;
            h[0][1] = -s;
            h[1][0] = -s;
            h[1][1] = -c;
            return c - p[0] - 1;
        }
    }

    /** V = ½xᵀAx − bᵀx by hand: ∇V = Ax − b, ∇²V = A. */
    static final class HandWrittenQuadratic implements ScalarField {
        private final double[][] a;
        private final double[] b;
        private final List<String> variables;

        HandWrittenQuadratic(double[][] a, double[] b) {
            this.a = a;
            this.b = b;
            this.variables = List.copyOf(ExpressionBenchmark.variables());
        }

        @Override
        public List<String> variables() {
            return variables;
        }

        @Override
        public double value(double[] x) {
            return gradient(x, new double[N]);
        }

        @Override
        public double gradient(double[] x, double[] g) {
            double v = 0;
            for (int i = 0; i < N; i++) {
                double s = 0;
                double[] ai = a[i];
                for (int j = 0; j < N; j++) {
                    s += ai[j] * x[j];
                }
                v += 0.5 * x[i] * s - b[i] * x[i];
                g[i] = s - b[i];
            }
            return v;
        }

        @Override
        public double hessian(double[] x, double[] g, double[][] h) {
            for (int i = 0; i < N; i++) {
                System.arraycopy(a[i], 0, h[i], 0, N);
            }
            return gradient(x, g);
        }
    }
}
