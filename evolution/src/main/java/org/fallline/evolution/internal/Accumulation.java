package org.fallline.evolution.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds individuals to their group's accumulator, keeping the rows when an analysis needs them: always
 * for GLM fits and resampling; for the logistic analysis that accompanies least squares when fitness is
 * binary, for as long as every fitness seen is 0 or 1; and for the Poisson p-values beside least squares
 * when fitness is counts, for as long as every fitness seen is a whole number and at most
 * {@value #COUNT_ROWS} individuals have been seen (the rows are let go at the first other value or the
 * individual past the limit, so large files do not hold memory).
 */
public final class Accumulation implements IndividualSink {

    /** The most individuals (all groups) whose rows are kept for the Poisson p-values beside least squares. */
    public static final long COUNT_ROWS = 100_000;

    private final boolean needRows;
    private final boolean rowsIfBinary;
    private boolean allBinary = true;
    private boolean allCounts = true;
    private boolean keepingCounts;
    private long seenCount;
    private double firstNonBinary = Double.NaN;
    private final List<GroupAccumulator> seen = new ArrayList<>();

    /**
     * @param needRows     rows are needed whatever the fitness
     * @param rowsIfBinary rows are needed if every fitness is 0 or 1 (and, up to {@value #COUNT_ROWS}
     *                     individuals, if every fitness is a count)
     */
    public Accumulation(boolean needRows, boolean rowsIfBinary) {
        this.needRows = needRows;
        this.rowsIfBinary = rowsIfBinary;
        this.keepingCounts = rowsIfBinary;
    }

    @Override
    public void accept(GroupAccumulator group, double w, double[] x) {
        seenCount++;
        if (allBinary && w != 0.0 && w != 1.0) {
            allBinary = false;
            firstNonBinary = w;
        }
        if (allCounts && w != Math.rint(w)) {
            allCounts = false;
        }
        boolean keep = needRows || (rowsIfBinary && allBinary) || (keepingCounts && allCounts
                && seenCount <= COUNT_ROWS);
        if (!keep && !needRows && (keepingCounts || !seen.isEmpty())) {
            keepingCounts = false;
            for (GroupAccumulator g : seen) {
                g.discardRows();
            }
            seen.clear();
        }
        if (group.complete() == 0 && keep) {
            seen.add(group);
        }
        group.add(w, x, keep);
    }

    /** Whether every fitness value accepted so far is 0 or 1. */
    public boolean allBinary() {
        return allBinary;
    }

    /** Whether every fitness value accepted so far is a whole number (a count; fitness is never negative). */
    public boolean allCounts() {
        return allCounts;
    }

    /** Whether the rows of count fitness were let go because there were more than {@value #COUNT_ROWS}. */
    public boolean countRowsDropped() {
        return allCounts && !allBinary && !needRows && rowsIfBinary && seenCount > COUNT_ROWS;
    }

    /** The first fitness value other than 0 and 1, NaN if none. */
    public double firstNonBinary() {
        return firstNonBinary;
    }
}
