package org.fallline.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ParametricField;
import org.fallline.core.field.ScalarField;

/**
 * The measurement of {@link GridEvaluationBenchmark} in CPU time, for a machine too loaded for wall-clock
 * ratios: each pass over the 2000 × 2000 grid is timed by the CPU time of the threads that do it
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}), serially (one thread, every node) and in parallel (two
 * threads, half of the nodes each). CPU time per node does not count the time a thread waits for a core,
 * but it does count the time a thread loses to another one (the cache line both write, as the tape's shared
 * workspace cache was): parallel / serial CPU per node is 1 when threads share nothing and above 1 when they
 * get in each other's way. Wall-clock per node is printed beside it.
 *
 * <p>Run as {@code java -cp benchmarks/target/benchmarks.jar org.fallline.benchmarks.GridScaling [PASSES]}
 * (default 8 passes per path and mode; the first two are warm-up and not reported).
 */
public final class GridScaling {

    private static final int M = 2000;
    private static final int NODES = M * M;
    private static final double[] T = {0.01};
    private static final int WARMUP = 2;

    private final ParametricField field = Expression.parse("sin(pi*x)*sin(pi*y)*exp(-2*pi^2*t) + x*y")
            .field(List.of("x", "y"), List.of("t"));
    private final ScalarField bound = field.bind(T);
    private final ScalarField expression = Expression.parse("sin(pi*x)*sin(pi*y)*exp(-2*pi^2*0.01) + x*y");
    private final double[] axis = new double[M];
    private final double[][] axes = {axis, axis};
    private final double[] values = new double[NODES];
    private final double[] gradients = new double[2 * NODES];
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    private GridScaling() {
        for (int i = 0; i < M; i++) {
            axis[i] = i / (M - 1.0);
        }
    }

    /** One pass over nodes [from, to). */
    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }

    public static void main(String[] args) throws Exception {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        new GridScaling().run(passes);
    }

    private void run(int passes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            measure(pool, passes, "gridValues", (from, to) -> field.valuesOnGrid(axes, T, values, from, to));
            measure(pool, passes, "gridGradients",
                    (from, to) -> field.gradientsOnGrid(axes, T, values, gradients, from, to));
            measure(pool, passes, "pointwiseValues", (from, to) -> pointwise(bound, from, to));
            measure(pool, passes, "expressionValues", (from, to) -> pointwise(expression, from, to));
            measure(pool, passes, "expressionGradients", (from, to) -> pointwiseGradients(expression, from, to));
        } finally {
            pool.shutdown();
        }
    }

    private void measure(ExecutorService pool, int passes, String name, Range range) throws Exception {
        for (int pass = 0; pass < passes; pass++) {
            long wall0 = System.nanoTime();
            long serialCpu = pool.submit(() -> cpu(range, 0, NODES)).get();
            long wall1 = System.nanoTime();
            Future<Long> first = pool.submit(() -> cpu(range, 0, NODES / 2));
            Future<Long> second = pool.submit(() -> cpu(range, NODES / 2, NODES));
            long parallelCpu = first.get() + second.get();
            long wall2 = System.nanoTime();
            if (pass >= WARMUP) {
                System.out.printf(Locale.ROOT, "%-20s pass %d  cpu ns/node serial %6.1f parallel %6.1f ratio %.3f"
                                + "   wall ns/node serial %6.1f parallel %6.1f ratio %.3f%n", name, pass - WARMUP + 1,
                        serialCpu / (double) NODES, parallelCpu / (double) NODES, parallelCpu / (double) serialCpu,
                        (wall1 - wall0) / (double) NODES, (wall2 - wall1) / (double) NODES,
                        (wall2 - wall1) / (double) (wall1 - wall0));
            }
        }
    }

    /** The CPU time this thread spends on nodes [from, to). */
    private long cpu(Range range, int from, int to) {
        long c0 = mx.getCurrentThreadCpuTime();
        range.run(from, to);
        return mx.getCurrentThreadCpuTime() - c0;
    }

    private void pointwise(ScalarField f, int from, int to) {
        double[] x = new double[2];
        for (int k = from; k < to; k++) {
            x[0] = axis[k % M];
            x[1] = axis[k / M];
            values[k] = f.value(x);
        }
    }

    private void pointwiseGradients(ScalarField f, int from, int to) {
        double[] x = new double[2];
        double[] g = new double[2];
        for (int k = from; k < to; k++) {
            x[0] = axis[k % M];
            x[1] = axis[k / M];
            values[k] = f.gradient(x, g);
            gradients[2 * k] = g[0];
            gradients[2 * k + 1] = g[1];
        }
    }
}
