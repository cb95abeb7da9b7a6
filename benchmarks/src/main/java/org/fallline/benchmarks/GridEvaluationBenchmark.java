package org.fallline.benchmarks;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ParametricField;
import org.fallline.core.field.ScalarField;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grid-evaluation throughput of a field over space and time: the heat equation's exact mode
 * u(x, y; t) = sin(πx) sin(πy) e^(−2π²t) + x y on a 2000 × 2000 tensor grid over [0, 1]², t = 0.01,
 * serial (one thread) and parallel (two threads, each a half of the nodes), value only and with the
 * gradient. Scores are ns per grid node ({@link OperationsPerInvocation}). Three paths:
 * <ul>
 * <li>{@code grid*}: {@link ParametricField#valuesOnGrid} / {@link ParametricField#gradientsOnGrid},
 * one workspace per call;</li>
 * <li>{@code pointwise*}: a loop of single-point {@link ScalarField#value} / {@link ScalarField#gradient}
 * calls on {@code field.bind(t)} (one workspace per thread), the path of code that takes a
 * {@code ScalarField};</li>
 * <li>{@code expression*}: the same loop on a plain {@link Expression} with t = 0.01 written in, the
 * path that exists before and after parameters (so that the shared cache's cost can be compared).</li>
 * </ul>
 * The figure recorded is parallel / serial of one path in one run: 0.5 is perfect scaling on two
 * cores, 1 no scaling, above 1 threads getting in each other's way (the shared cache the tape had).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class GridEvaluationBenchmark {

    private static final int M = 2000;
    private static final int NODES = M * M;
    private static final double[] T = {0.01};

    private ParametricField field;
    private ScalarField bound;
    private ScalarField expression;
    private double[][] axes;
    private double[] values;
    private double[] gradients;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp() {
        field = Expression.parse("sin(pi*x)*sin(pi*y)*exp(-2*pi^2*t) + x*y")
                .field(List.of("x", "y"), List.of("t"));
        bound = field.bind(T);
        expression = Expression.parse("sin(pi*x)*sin(pi*y)*exp(-2*pi^2*0.01) + x*y");
        double[] axis = new double[M];
        for (int i = 0; i < M; i++) {
            axis[i] = i / (M - 1.0);
        }
        axes = new double[][] {axis, axis};
        values = new double[NODES];
        gradients = new double[2 * NODES];
        pool = Executors.newFixedThreadPool(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double gridValuesSerial() {
        field.valuesOnGrid(axes, T, values, 0, NODES);
        return values[NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double gridValuesParallel() throws InterruptedException, ExecutionException {
        halves((from, to) -> field.valuesOnGrid(axes, T, values, from, to));
        return values[NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double gridGradientsSerial() {
        field.gradientsOnGrid(axes, T, values, gradients, 0, NODES);
        return gradients[2 * NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double gridGradientsParallel() throws InterruptedException, ExecutionException {
        halves((from, to) -> field.gradientsOnGrid(axes, T, values, gradients, from, to));
        return gradients[2 * NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double pointwiseValuesSerial() {
        pointwiseValues(0, NODES);
        return values[NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double pointwiseValuesParallel() throws InterruptedException, ExecutionException {
        halves(this::pointwiseValues);
        return values[NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double pointwiseGradientsSerial() {
        pointwiseGradients(0, NODES);
        return gradients[2 * NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double pointwiseGradientsParallel() throws InterruptedException, ExecutionException {
        halves(this::pointwiseGradients);
        return gradients[2 * NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double expressionValuesSerial() {
        pointwiseValues(expression, 0, NODES);
        return values[NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double expressionValuesParallel() throws InterruptedException, ExecutionException {
        halves((from, to) -> pointwiseValues(expression, from, to));
        return values[NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double expressionGradientsSerial() {
        pointwiseGradients(expression, 0, NODES);
        return gradients[2 * NODES - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double expressionGradientsParallel() throws InterruptedException, ExecutionException {
        halves((from, to) -> pointwiseGradients(expression, from, to));
        return gradients[2 * NODES - 1];
    }

    private void pointwiseValues(int from, int to) {
        pointwiseValues(bound, from, to);
    }

    private void pointwiseGradients(int from, int to) {
        pointwiseGradients(bound, from, to);
    }

    private void pointwiseValues(ScalarField f, int from, int to) {
        double[] x = new double[2];
        double[] axis = axes[0];
        for (int k = from; k < to; k++) {
            x[0] = axis[k % M];
            x[1] = axis[k / M];
            values[k] = f.value(x);
        }
    }

    private void pointwiseGradients(ScalarField f, int from, int to) {
        double[] x = new double[2];
        double[] g = new double[2];
        double[] axis = axes[0];
        for (int k = from; k < to; k++) {
            x[0] = axis[k % M];
            x[1] = axis[k / M];
            values[k] = f.gradient(x, g);
            gradients[2 * k] = g[0];
            gradients[2 * k + 1] = g[1];
        }
    }

    /** Nodes [0, N/2) on one thread and [N/2, N) on the other, both on the pool; waits for both. */
    private void halves(Range range) throws InterruptedException, ExecutionException {
        Future<?> first = pool.submit(() -> range.run(0, NODES / 2));
        Future<?> second = pool.submit(() -> range.run(NODES / 2, NODES));
        first.get();
        second.get();
    }

    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }
}
