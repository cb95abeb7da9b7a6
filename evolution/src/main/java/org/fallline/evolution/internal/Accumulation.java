package org.fallline.evolution.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds individuals to their group's accumulator, keeping the rows when an analysis needs them: always
 * for GLM fits and resampling, and, for the logistic analysis that accompanies least squares when
 * fitness is binary, for as long as every fitness seen is 0 or 1 (the rows are let go at the first
 * other value, so count data do not hold memory).
 */
public final class Accumulation implements IndividualSink {

    private final boolean needRows;
    private final boolean rowsIfBinary;
    private boolean allBinary = true;
    private double firstNonBinary = Double.NaN;
    private final List<GroupAccumulator> seen = new ArrayList<>();

    /**
     * @param needRows     rows are needed whatever the fitness
     * @param rowsIfBinary rows are needed if every fitness is 0 or 1
     */
    public Accumulation(boolean needRows, boolean rowsIfBinary) {
        this.needRows = needRows;
        this.rowsIfBinary = rowsIfBinary;
    }

    @Override
    public void accept(GroupAccumulator group, double w, double[] x) {
        if (allBinary && w != 0.0 && w != 1.0) {
            allBinary = false;
            firstNonBinary = w;
            if (!needRows) {
                for (GroupAccumulator g : seen) {
                    g.discardRows();
                }
            }
        }
        if (group.complete() == 0) {
            seen.add(group);
        }
        group.add(w, x, needRows || (rowsIfBinary && allBinary));
    }

    /** Whether every fitness value accepted so far is 0 or 1. */
    public boolean allBinary() {
        return allBinary;
    }

    /** The first fitness value other than 0 and 1, NaN if none. */
    public double firstNonBinary() {
        return firstNonBinary;
    }
}
