package org.fallline.evolution.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything one pass over the rows of one group keeps: the {@link ShiftedDesign}, the rows dropped for a missing value (count and the first
 * {@value #LINES_KEPT} line numbers), the fitness range, and either the rows themselves
 * ({@link RowStore}, when an analysis needs them) or the few needed for the largest Mahalanobis
 * distance ({@link MahalanobisExtremes}, in coordinates shifted by the group's first complete individual).
 */
public final class GroupAccumulator {

    /** How many line numbers of dropped rows are remembered. */
    public static final int LINES_KEPT = 20;

    private final String key;
    private final int k;
    private final boolean secondOrder;
    private final CovariateCoding coding;
    private ShiftedDesign sums;
    private double[] origin;
    private RowStore rows;
    private final MahalanobisExtremes extremes;
    private long dropped;
    private long droppedForCovariate;
    private final List<Long> droppedLines = new ArrayList<>();
    private double minW = Double.POSITIVE_INFINITY;
    private double maxW = Double.NEGATIVE_INFINITY;
    private final double[] shifted;

    /**
     * @param key         the group's label
     * @param k           number of traits
     * @param secondOrder whether the second-order cross-products are needed
     */
    public GroupAccumulator(String key, int k, boolean secondOrder) {
        this(key, k, secondOrder, CovariateCoding.NONE);
    }

    /**
     * @param key         the group's label
     * @param k           number of traits
     * @param secondOrder whether the second-order cross-products are needed
     * @param coding      how the group's covariates enter the design
     */
    public GroupAccumulator(String key, int k, boolean secondOrder, CovariateCoding coding) {
        this.key = key;
        this.k = k;
        this.secondOrder = secondOrder;
        this.coding = coding;
        this.extremes = new MahalanobisExtremes(k);
        this.shifted = new double[k];
    }

    /**
     * Adds a complete individual: fitness W and traits x in analysed units, followed in x by the raw
     * covariate values when there are covariates.
     *
     * @param keepRows whether to keep the rows, decided at the group's first individual
     */
    public void add(double w, double[] x, boolean keepRows) {
        if (sums == null) {
            sums = new ShiftedDesign(k, secondOrder, coding);
            origin = java.util.Arrays.copyOf(x, k);
            rows = keepRows ? new RowStore(k, coding.covariates()) : null;
        }
        sums.add(w, x);
        if (w < minW) {
            minW = w;
        }
        if (w > maxW) {
            maxW = w;
        }
        if (rows != null) {
            rows.add(w, x);
        }
        for (int i = 0; i < k; i++) {
            shifted[i] = x[i] - origin[i];
        }
        extremes.add(shifted);
    }

    /** Counts a row dropped for a missing value. */
    public void drop(long line) {
        drop(line, false);
    }

    /** Counts a row dropped for a missing value, among them for a missing covariate. */
    public void drop(long line, boolean covariate) {
        dropped++;
        if (covariate) {
            droppedForCovariate++;
        }
        if (droppedLines.size() < LINES_KEPT) {
            droppedLines.add(line);
        }
    }

    /** Lets go of the stored rows (when no analysis needs them after all). */
    public void discardRows() {
        rows = null;
    }

    public String key() {
        return key;
    }

    /** The sums, or null when no complete individual was seen. */
    public ShiftedDesign sums() {
        return sums;
    }

    /** The first complete individual's traits, the origin of {@link #extremes()} (copy), or null. */
    public double[] origin() {
        return origin == null ? null : origin.clone();
    }

    /** The stored rows, or null. */
    public RowStore rows() {
        return rows;
    }

    /** The Mahalanobis bookkeeping, in coordinates shifted by {@link #origin()}. */
    public MahalanobisExtremes extremes() {
        return extremes;
    }

    public long complete() {
        return sums == null ? 0 : sums.n();
    }

    public long dropped() {
        return dropped;
    }

    /** Rows dropped with a missing covariate (among {@link #dropped()}). */
    public long droppedForCovariate() {
        return droppedForCovariate;
    }

    /** How the covariates enter the design. */
    public CovariateCoding coding() {
        return coding;
    }

    public List<Long> droppedLines() {
        return Collections.unmodifiableList(droppedLines);
    }

    public double minFitness() {
        return minW;
    }

    public double maxFitness() {
        return maxW;
    }
}
