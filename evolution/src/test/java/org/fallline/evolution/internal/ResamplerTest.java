package org.fallline.evolution.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionException.Kind;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    /** A fixed, irregular sample. */
    private static double[] sample(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 3 * Math.sin(1.7 * i) + (i % 7) - 0.01 * i;
        }
        return x;
    }

    private static Function<int[], double[]> meanAndSecondMoment(double[] x) {
        return idx -> {
            double m = 0;
            double s = 0;
            for (int i : idx) {
                m += x[i];
                s += x[i] * x[i];
            }
            return new double[] {m / idx.length, s / idx.length, x[idx[0]]};
        };
    }

    @Test
    void sameSeedGivesIdenticalReplicatesWhateverTheThreadCount() {
        double[] x = sample(57);
        Function<int[], double[]> stat = meanAndSecondMoment(x);
        Replicates one = new Resampler(1).bootstrap(x.length, 300, 42L, stat, ProgressListenerStub.NONE);
        Replicates four = new Resampler(4).bootstrap(x.length, 300, 42L, stat, ProgressListenerStub.NONE);
        assertEquals(300, one.count());
        for (int r = 0; r < 300; r++) {
            assertArrayEquals(one.values()[r], four.values()[r]);
        }
        Replicates p1 = new Resampler(1).permutations(x.length, 200, 7L, stat, null);
        Replicates p4 = new Resampler(4).permutations(x.length, 200, 7L, stat, null);
        for (int r = 0; r < 200; r++) {
            assertArrayEquals(p1.values()[r], p4.values()[r]);
        }
        Replicates other = new Resampler(4).bootstrap(x.length, 300, 43L, stat, null);
        assertFalse(Arrays.equals(one.column(0), other.column(0)));
    }

    @Test
    void bootstrapStandardErrorOfAMeanIsSigmaOverRootN() {
        // the ideal bootstrap SE of a mean is the plug-in σ̂/√n (σ̂ with divisor n); B = 4000 replicates
        // estimate it with relative Monte Carlo error about 1/√(2B) ≈ 1.1 %, so 5 % is a 4.5-sigma bound
        int n = 120;
        double[] x = sample(n);
        double mean = Arrays.stream(x).average().orElseThrow();
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double ideal = Math.sqrt(ss / n) / Math.sqrt(n);
        Replicates reps = new Resampler(2).bootstrap(n, 4000, 2024L, meanAndSecondMoment(x), null);
        GlmTest.assertRelative(ideal, reps.standardErrors()[0], 0.05, "bootstrap SE of the mean");
        // and the replicate means centre on the sample mean (Monte Carlo SE ideal/√B)
        double centre = Arrays.stream(reps.column(0)).average().orElseThrow();
        assertEquals(mean, centre, 5 * ideal / Math.sqrt(4000));
    }

    @Test
    void quantilesAndPercentileIntervalsAreRsType7() {
        // R 4.2.2: x <- c(3.1, -2, 7.5, 0.25, 4, 4, 10, -6.5, 1.75, 2.2, 8.125)
        //          quantile(x, c(0.025, 0.975, 0.5, 0.1, 0.33, 0, 1))
        //          quantile(x, (1 + c(-0.95, 0.95))/2) = -5.3749999999999982, 9.53125 (the level's rounding
        //          makes the 2.5 % point fall 2 ulp short of -5.375, in R as here)
        double[] x = {3.1, -2, 7.5, 0.25, 4, 4, 10, -6.5, 1.75, 2.2, 8.125};
        assertArrayEquals(new double[] {-5.3749999999999982, 9.53125}, Resampler.percentileInterval(x, 0.95), 0);
        assertEquals(-5.375, Resampler.quantile(x, 0.025), 0);
        assertEquals(9.53125, Resampler.quantile(x, 0.975), 0);
        assertEquals(3.1, Resampler.quantile(x, 0.5), 1e-15);
        assertEquals(-2.0, Resampler.quantile(x, 0.1), 1e-15);
        assertEquals(1.8850000000000002, Resampler.quantile(x, 0.33), 1e-15);
        assertEquals(-6.5, Resampler.quantile(x, 0), 0);
        assertEquals(10, Resampler.quantile(x, 1), 0);
        // R: quantile(c(5, 1, 3), c(0.025, 0.975, 0.4)) = 1.1, 4.9, 2.6
        double[] y = {5, 1, 3};
        assertArrayEquals(new double[] {1.1, 4.9}, Resampler.percentileInterval(y, 0.95), 1e-15);
        assertEquals(2.6, Resampler.quantile(y, 0.4), 1e-15);
        assertArrayEquals(new double[] {2.5, 2.5}, Resampler.percentileInterval(new double[] {2.5}, 0.95));
        // the input is not reordered
        assertEquals(3.1, x[0]);
        double[][] ci = new Replicates(new double[][] {{5, 0}, {1, 0}, {3, 0}}, 3, 0, "").percentileIntervals(0.95);
        assertArrayEquals(new double[] {1.1, 4.9}, ci[0], 1e-15);
    }

    @Test
    void permutationPValueCountsTheObservedArrangement() {
        double[] perm = {-3, -1, 0.5, 2, 2.5, -2};
        // |T*| >= 2: -3, 2, 2.5, -2 -> (1 + 4) / (6 + 1)
        assertEquals(5.0 / 7, Resampler.permutationPValue(perm, 2.0), 1e-15);
        assertEquals(5.0 / 7, Resampler.permutationPValue(perm, -2.0), 1e-15);
        assertEquals(1.0 / 7, Resampler.permutationPValue(perm, 10), 1e-15);
        assertEquals(1.0, Resampler.permutationPValue(perm, 0), 1e-15);
        assertEquals(3.0, Resampler.standardError(new double[] {1, 4, 7}), 1e-15);
    }

    @Test
    void drawsAreResamplesAndPermutations() {
        int n = 31;
        new Resampler(2).permutations(n, 100, 5L, idx -> {
            int[] sorted = idx.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) {
                assertEquals(i, sorted[i]);
            }
            return new double[] {0};
        }, null);
        Replicates b = new Resampler(2).bootstrap(n, 100, 5L, idx -> {
            assertEquals(n, idx.length);
            boolean repeated = false;
            boolean[] seen = new boolean[n];
            for (int i : idx) {
                assertTrue(i >= 0 && i < n);
                repeated |= seen[i];
                seen[i] = true;
            }
            return new double[] {repeated ? 1 : 0};
        }, null);
        // P(no repeat among 31 draws from 31) = 31!/31^31 ≈ 1e-13: every replicate repeats some case
        assertEquals(100, Arrays.stream(b.column(0)).sum());
    }

    @Test
    void failedReplicatesAreCountedAndSkipped() {
        int n = 40;
        Function<int[], double[]> sometimes = idx -> {
            if (idx[0] < n / 4) {
                throw new SelectionException(Kind.NUMERICAL, "degenerate resample " + idx[0]);
            }
            return new double[] {idx[0]};
        };
        Replicates reps = new Resampler(3).bootstrap(n, 400, 11L, sometimes, null);
        assertEquals(400, reps.requested());
        assertTrue(reps.failed() > 50 && reps.failed() < 150, "failed " + reps.failed());
        assertEquals(400 - reps.failed(), reps.count());
        assertTrue(reps.firstFailure().startsWith("degenerate resample"));
        for (double v : reps.column(0)) {
            assertTrue(v >= n / 4);
        }
        // the same failures with one thread
        assertEquals(reps.failed(), new Resampler(1).bootstrap(n, 400, 11L, sometimes, null).failed());

        Function<int[], double[]> mostly = idx -> {
            if (idx[0] < 3 * n / 4) {
                throw new SelectionException(Kind.NUMERICAL, "constant trait");
            }
            return new double[] {1};
        };
        SelectionException e = assertThrows(SelectionException.class,
            () -> new Resampler(2).bootstrap(n, 200, 3L, mostly, null));
        assertEquals(Kind.NUMERICAL, e.kind());
        assertTrue(e.getMessage().contains("constant trait"), e.getMessage());

        IllegalArgumentException bug = new IllegalArgumentException("a bug");
        assertSame(bug, assertThrows(IllegalArgumentException.class,
            () -> new Resampler(2).bootstrap(n, 50, 3L, idx -> {
                throw bug;
            }, null)));
    }

    @Test
    void progressIsMonotoneAndEndsAtTheTotal() {
        List<long[]> reports = new ArrayList<>();
        new Resampler(4).bootstrap(50, 500, 9L, meanAndSecondMoment(sample(50)),
            (done, total) -> reports.add(new long[] {done, total}));
        assertFalse(reports.isEmpty());
        long last = 0;
        for (long[] r : reports) {
            assertEquals(500, r[1]);
            assertTrue(r[0] > last, "progress went from " + last + " to " + r[0]);
            last = r[0];
        }
        assertEquals(500, last);
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class, () -> new Resampler(0)).kind());
        Resampler r = new Resampler(1);
        Function<int[], double[]> s = idx -> new double[] {0};
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> r.bootstrap(0, 10, 1L, s, null)).kind());
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> r.permutations(10, 0, 1L, s, null)).kind());
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> Resampler.percentileInterval(new double[] {1, 2}, 1.5)).kind());
    }

    /**
     * Lande–Arnold β by OLS of relative fitness on standardised traits, bootstrapped (cases resampled,
     * traits re-standardised and fitness re-relativised in each resample) and permuted (fitness shuffled),
     * B = 1000, against R's Monte Carlo values in reference_synthetic_n2000.csv. Two independent bootstrap
     * SE estimates from B = 1000 differ by about 3 % (one sd), so 15 % is a loose bound; the permutation
     * p-values are 1/1001 in R because |t| > 5 for every β, and must be here too.
     */
    @Test
    void betaBootstrapAndPermutationAgreeWithR() {
        double[][] raw = Datasets.syntheticRaw();
        double[] w = Datasets.get("synthetic_n2000_3traits").w();
        int n = w.length;
        Function<int[], double[]> bootBeta = idx -> {
            double[][] x = new double[n][];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = raw[idx[i]];
                y[i] = w[idx[i]];
            }
            return olsBeta(Reference.standardise(x), y);
        };
        double[][] z = Reference.standardise(raw);
        Function<int[], double[]> permBeta = perm -> {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = w[perm[i]];
            }
            return olsBeta(z, y);
        };
        Resampler resampler = new Resampler();
        Replicates boot = resampler.bootstrap(n, 1000, 7L, bootBeta, null);
        Replicates perm = resampler.permutations(n, 1000, 7L, permBeta, null);
        double[] observed = olsBeta(z, w);
        double[] se = boot.standardErrors();
        double[] p = perm.permutationPValues(observed);
        String ds = "synthetic_n2000_3traits";
        for (int j = 0; j < 3; j++) {
            String t = Datasets.SYNTHETIC[j];
            GlmTest.assertRelative(GlmTest.SYNTHETIC.estimate(ds, "beta", t), observed[j], 1e-9, "beta " + t);
            GlmTest.assertRelative(GlmTest.SYNTHETIC.estimate(ds, "beta_boot_se", t), se[j], 0.15, "boot SE " + t);
            assertEquals(GlmTest.SYNTHETIC.estimate(ds, "beta_perm_p", t), p[j], 1e-12, "perm p " + t);
        }
    }

    /** Slopes of w / mean(w) on the columns of z, with an intercept. */
    private static double[] olsBeta(double[][] z, double[] fitness) {
        double mean = Arrays.stream(fitness).average().orElseThrow();
        double[] y = new double[fitness.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = fitness[i] / mean;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, z);
        double[] b = ols.estimateRegressionParameters();
        return Arrays.copyOfRange(b, 1, b.length);
    }

    /** Named holder so the tests read as the production code does. */
    private static final class ProgressListenerStub {
        static final org.fallline.core.ProgressListener NONE = org.fallline.core.ProgressListener.NONE;
    }
}
