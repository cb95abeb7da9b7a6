package org.fallline.evolution.internal;

import java.util.Locale;

import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionException.Kind;

/**
 * The successful replicates of a resampling run ({@link Resampler}), in replicate order, with the count of
 * replicates whose statistic failed (threw {@link SelectionException}) and were left out.
 *
 * <p>{@code values[r]} is the statistic of the r-th successful replicate (all of the same length k).
 * Arrays are copied on the way in and out.
 *
 * @param values       B′ × k statistics of the successful replicates (B′ = requested − failed)
 * @param requested    replicates drawn
 * @param failed       replicates skipped because the statistic threw {@link SelectionException}
 * @param firstFailure message of the lowest-numbered failed replicate, or the empty string
 */
public record Replicates(double[][] values, int requested, int failed, String firstFailure) {

    public Replicates {
        values = GlmFit.copy(values);
        if (values.length != requested - failed) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%d values for %d requested and %d failed replicates", values.length, requested, failed));
        }
    }

    @Override
    public double[][] values() {
        return GlmFit.copy(values);
    }

    /** Number of successful replicates B′. */
    public int count() {
        return values.length;
    }

    /** Length k of each replicate's statistic (0 when there are no replicates). */
    public int dimension() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** Component j of every successful replicate, in replicate order. */
    public double[] column(int j) {
        double[] c = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            c[r] = values[r][j];
        }
        return c;
    }

    /** Bootstrap standard error of each component: the sample standard deviation, divisor B′ − 1. */
    public double[] standardErrors() {
        int k = dimension();
        double[] se = new double[k];
        for (int j = 0; j < k; j++) {
            se[j] = Resampler.standardError(column(j));
        }
        return se;
    }

    /**
     * Percentile interval of each component (R's quantile type 7 at (1 ∓ level)/2).
     *
     * @return k × 2 array of {lower, upper}
     */
    public double[][] percentileIntervals(double level) {
        int k = dimension();
        double[][] ci = new double[k][];
        for (int j = 0; j < k; j++) {
            ci[j] = Resampler.percentileInterval(column(j), level);
        }
        return ci;
    }

    /** Permutation p-value of each component against the observed statistic (length k). */
    public double[] permutationPValues(double[] observed) {
        int k = dimension();
        if (observed.length != k) {
            throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                "%d observed statistics for replicates of dimension %d", observed.length, k));
        }
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            p[j] = Resampler.permutationPValue(column(j), observed[j]);
        }
        return p;
    }
}
