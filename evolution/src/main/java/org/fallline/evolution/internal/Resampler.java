package org.fallline.evolution.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.fallline.core.ProgressListener;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionException.Kind;

/**
 * Deterministic parallel resampling: the case bootstrap (Efron &amp; Tibshirani 1993, ch. 6) and
 * permutation tests (Mitchell-Olds &amp; Shaw 1987 for selection gradients), with the usual summaries.
 *
 * <p>Replicate r draws from its own {@link SplittableRandom}, seeded with the r-th value of a seed
 * sequence computed up front from the user's seed; results are stored by replicate number. The output
 * therefore depends only on the seed, never on the thread count or the scheduling. Replicates run in
 * parallel on {@link #threads()} threads, claiming replicate numbers from an atomic counter; nothing is
 * locked or boxed per replicate except the (throttled) progress report.
 *
 * <p>The statistic is called concurrently from several threads and must not share mutable state. A
 * statistic that throws {@link SelectionException} for a degenerate resample (a constant trait, a
 * separated logistic fit) fails that replicate only: failures are counted and skipped, and more than half
 * failing raises {@link SelectionException} ({@link Kind#NUMERICAL}). Any other exception aborts the run
 * and is rethrown.
 */
public final class Resampler {

    private final int threads;

    /** A resampler using every available processor. */
    public Resampler() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A resampler using the given number of threads (1 runs on the calling thread). */
    public Resampler(int threads) {
        if (threads < 1) {
            throw new SelectionException(Kind.BAD_INPUT, "the number of resampling threads must be at least 1, got "
                + threads);
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    /**
     * Case bootstrap: replicate r passes the statistic n indices drawn uniformly with replacement from
     * 0 … n − 1.
     *
     * @param n          number of cases
     * @param replicates number of bootstrap replicates B
     * @param seed       seed of the whole run
     * @param statistic  maps the drawn indices to the statistic (same length every time)
     * @param progress   told of finished replicates (from worker threads, serialised, monotone)
     * @throws SelectionException NUMERICAL when more than half the replicates fail
     */
    public Replicates bootstrap(int n, int replicates, long seed, Function<int[], double[]> statistic,
                                ProgressListener progress) {
        return run(n, replicates, seed, statistic, progress, false);
    }

    /**
     * Permutations: replicate r passes the statistic a uniformly random permutation of 0 … n − 1
     * (Fisher–Yates), which the caller applies to the fitness values.
     *
     * @see #bootstrap(int, int, long, Function, ProgressListener)
     */
    public Replicates permutations(int n, int replicates, long seed, Function<int[], double[]> statistic,
                                   ProgressListener progress) {
        return run(n, replicates, seed, statistic, progress, true);
    }

    private Replicates run(int n, int replicates, long seed, Function<int[], double[]> statistic,
                           ProgressListener progress, boolean permute) {
        if (n < 1) {
            throw new SelectionException(Kind.BAD_INPUT, "resampling needs at least one case, got " + n);
        }
        if (replicates < 1) {
            throw new SelectionException(Kind.BAD_INPUT, "the number of replicates must be at least 1, got "
                + replicates);
        }
        if (statistic == null) {
            throw new SelectionException(Kind.BAD_INPUT, "no statistic given");
        }
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[replicates];
        for (int r = 0; r < replicates; r++) {
            seeds[r] = master.nextLong();
        }
        Run job = new Run(n, seeds, statistic, progress == null ? ProgressListener.NONE : progress, permute);
        int workers = Math.min(threads, replicates);
        if (workers == 1) {
            job.work();
        } else {
            runParallel(job, workers);
        }
        Throwable error = job.error.get();
        if (error instanceof RuntimeException) {
            throw (RuntimeException) error;
        }
        if (error instanceof Error) {
            throw (Error) error;
        }
        return job.collect(permute ? "permutation" : "bootstrap");
    }

    private static void runParallel(Run job, int workers) {
        ThreadFactory factory = new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "fallline-resampler-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(workers, factory);
        try {
            List<Callable<Void>> tasks = new ArrayList<>(workers);
            for (int t = 0; t < workers; t++) {
                tasks.add(() -> {
                    job.work();
                    return null;
                });
            }
            pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            job.error.compareAndSet(null, new SelectionException(Kind.NUMERICAL, "resampling was interrupted", e));
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The shared state of one run: each replicate writes only its own slot. */
    private static final class Run {
        private final int n;
        private final long[] seeds;
        private final Function<int[], double[]> statistic;
        private final boolean permute;
        private final double[][] results;
        private final String[] failures;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final Progress progress;

        Run(int n, long[] seeds, Function<int[], double[]> statistic, ProgressListener listener, boolean permute) {
            this.n = n;
            this.seeds = seeds;
            this.statistic = statistic;
            this.permute = permute;
            this.results = new double[seeds.length][];
            this.failures = new String[seeds.length];
            this.progress = new Progress(listener, seeds.length);
        }

        void work() {
            try {
                int r;
                while (error.get() == null && (r = next.getAndIncrement()) < seeds.length) {
                    int[] draw = permute ? permutation(new SplittableRandom(seeds[r]), n)
                        : resample(new SplittableRandom(seeds[r]), n);
                    try {
                        double[] value = statistic.apply(draw);
                        if (value == null) {
                            throw new IllegalStateException("the resampling statistic returned null");
                        }
                        results[r] = value;
                    } catch (SelectionException e) {
                        failures[r] = e.getMessage() == null ? e.toString() : e.getMessage();
                    }
                    progress.completed();
                }
            } catch (RuntimeException | Error e) {
                error.compareAndSet(null, e);
            }
        }

        Replicates collect(String what) {
            int failed = 0;
            int first = -1;
            int k = -1;
            for (int r = 0; r < results.length; r++) {
                if (results[r] == null) {
                    failed++;
                    if (first < 0) {
                        first = r;
                    }
                } else if (k < 0) {
                    k = results[r].length;
                } else if (results[r].length != k) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                        "the resampling statistic returned %d values at replicate %d but %d before",
                        results[r].length, r + 1, k));
                }
            }
            String firstFailure = first < 0 ? "" : failures[first];
            if (2L * failed > results.length) {
                throw new SelectionException(Kind.NUMERICAL, String.format(Locale.ROOT,
                    "%d of %d %s replicates failed (more than half); first, replicate %d: %s",
                    failed, results.length, what, first + 1, firstFailure));
            }
            double[][] values = new double[results.length - failed][];
            int i = 0;
            for (double[] v : results) {
                if (v != null) {
                    values[i++] = v;
                }
            }
            return new Replicates(values, results.length, failed, firstFailure);
        }
    }

    /** Serialised, monotone, throttled progress reports (at most about a thousand per run). */
    private static final class Progress {
        private final ProgressListener listener;
        private final long total;
        private final long step;
        private final AtomicLong done = new AtomicLong();
        private long reported;

        Progress(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
            this.step = Math.max(1, total / 1000);
        }

        void completed() {
            long d = done.incrementAndGet();
            if (d % step == 0 || d == total) {
                report(d);
            }
        }

        private synchronized void report(long d) {
            // a thread that finished earlier may arrive later: never report backwards
            if (d > reported) {
                reported = d;
                listener.progress(d, total);
            }
        }
    }

    static int[] resample(SplittableRandom rng, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(n);
        }
        return idx;
    }

    static int[] permutation(SplittableRandom rng, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /** Sample standard deviation, divisor m − 1 (the bootstrap standard error of m replicates). */
    public static double standardError(double[] values) {
        int m = values.length;
        if (m < 2) {
            throw new SelectionException(Kind.NUMERICAL, String.format(Locale.ROOT,
                "a standard error needs at least 2 replicates, got %d", m));
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= m;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (m - 1));
    }

    /**
     * Sample quantile of type 7 (Hyndman &amp; Fan 1996; R's default): with the sorted values x_(1) … x_(m)
     * and h = 1 + (m − 1)q, linear interpolation between x_(⌊h⌋) and x_(⌈h⌉).
     */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new SelectionException(Kind.NUMERICAL, "a quantile of no values is undefined");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new SelectionException(Kind.BAD_INPUT, "quantile probability must be in [0, 1], got " + q);
        }
        double[] x = values.clone();
        Arrays.sort(x);
        return sortedQuantile(x, q);
    }

    /** Type-7 quantile of already sorted values, written as R's quantile.default computes it. */
    private static double sortedQuantile(double[] x, double q) {
        double index = (x.length - 1) * q; // 0-based position, R's 1 + (m − 1)q minus one
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = x[lo];
        double h = index - lo;
        if (h > 0 && x[hi] != qs) {
            qs = (1 - h) * qs + h * x[hi];
        }
        return qs;
    }

    /**
     * Percentile interval at the given level: the type-7 quantiles at (1 − level)/2 and (1 + level)/2.
     *
     * @return {lower, upper}
     */
    public static double[] percentileInterval(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new SelectionException(Kind.BAD_INPUT, "interval level must be in (0, 1), got " + level);
        }
        if (values.length == 0) {
            throw new SelectionException(Kind.NUMERICAL, "a percentile interval of no values is undefined");
        }
        double[] x = values.clone();
        Arrays.sort(x);
        return new double[] {sortedQuantile(x, (1 - level) / 2), sortedQuantile(x, (1 + level) / 2)};
    }

    /**
     * Two-sided permutation p-value (1 + #{|T*| ≥ |T_obs|}) / (B + 1), counting the observed arrangement
     * as one of the permutations (Davison &amp; Hinkley 1997, §4.3).
     */
    public static double permutationPValue(double[] permuted, double observed) {
        double a = Math.abs(observed);
        int count = 0;
        for (double t : permuted) {
            if (Math.abs(t) >= a) {
                count++;
            }
        }
        return (1.0 + count) / (permuted.length + 1.0);
    }
}
