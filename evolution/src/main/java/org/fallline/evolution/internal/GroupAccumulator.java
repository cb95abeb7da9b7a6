package org.fallline.evolution.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything one pass over the rows of one group keeps: the {@link MomentSums} (shifted by the
 * group's first complete individual), the rows dropped for a missing value (count and the first
 * {@value #LINES_KEPT} line numbers), the fitness range, and either the rows themselves
 * ({@link RowStore}, when an analysis needs them) or the few needed for the largest Mahalanobis
 * distance ({@link MahalanobisExtremes}).
 */
public final class GroupAccumulator {

    /** How many line numbers of dropped rows are remembered. */
    public static final int LINES_KEPT = 20;

    private final String key;
    private final int k;
    private final boolean secondOrder;
    private MomentSums sums;
    private RowStore rows;
    private final MahalanobisExtremes extremes;
    private long dropped;
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
        this.key = key;
        this.k = k;
        this.secondOrder = secondOrder;
        this.extremes = new MahalanobisExtremes(k);
        this.shifted = new double[k];
    }

    /**
     * Adds a complete individual: fitness W and traits x in analysed units.
     *
     * @param keepRows whether to keep the rows, decided at the group's first individual
     */
    public void add(double w, double[] x, boolean keepRows) {
        if (sums == null) {
            sums = new MomentSums(x, w, secondOrder);
            rows = keepRows ? new RowStore(k) : null;
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
        double[] shift = sums.shiftView();
        for (int i = 0; i < k; i++) {
            shifted[i] = x[i] - shift[i];
        }
        extremes.add(shifted);
    }

    /** Counts a row dropped for a missing value. */
    public void drop(long line) {
        dropped++;
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
    public MomentSums sums() {
        return sums;
    }

    /** The stored rows, or null. */
    public RowStore rows() {
        return rows;
    }

    /** The Mahalanobis bookkeeping, in coordinates shifted by the sums' shift. */
    public MahalanobisExtremes extremes() {
        return extremes;
    }

    public long complete() {
        return sums == null ? 0 : sums.n();
    }

    public long dropped() {
        return dropped;
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
