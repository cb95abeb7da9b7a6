package org.fallline.evolution.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the covariates of one group enter its design matrix: a numeric covariate as one column of its values, a
 * categorical one by treatment contrasts as R's {@code contr.treatment} codes a factor — one 0/1 indicator
 * column per level other than the reference level (the first of the group's levels in sorted order), so that
 * each coefficient is the difference from the reference level. The design columns follow the covariates in
 * the order given; a categorical column of levels a &lt; b &lt; c is named {@code NAME:b}, {@code NAME:c}.
 *
 * <p>A covariate's raw value, as the reading pass hands it on, is its number (numeric) or the index of its
 * level among all levels seen in the table (categorical). Immutable.
 */
public final class CovariateCoding {

    /** No covariates. */
    public static final CovariateCoding NONE = new CovariateCoding(List.of(), new boolean[0], new int[0][],
            List.of());

    private final List<String> names;
    private final boolean[] categorical;
    /** For categorical covariate j: design column of each global level index, −1 for the reference or absent. */
    private final int[][] levelColumn;
    /** First design column of each covariate. */
    private final int[] first;
    private final List<String> columnNames;
    private final int[] covariateOf;

    /**
     * @param names        the covariates, in order
     * @param categorical  which are categorical
     * @param levelColumn  for categorical covariate j, the design column offset (from the covariate's first
     *                     column) of each global level index, −1 for its reference level or a level absent from
     *                     the group; null for numeric ones
     * @param columnNames  the design columns' names
     */
    private CovariateCoding(List<String> names, boolean[] categorical, int[][] levelColumn, List<String> columnNames) {
        this.names = List.copyOf(names);
        this.categorical = categorical.clone();
        this.levelColumn = levelColumn;
        this.columnNames = List.copyOf(columnNames);
        this.first = new int[names.size()];
        this.covariateOf = new int[columnNames.size()];
        int at = 0;
        for (int j = 0; j < names.size(); j++) {
            first[j] = at;
            int width = categorical[j] ? countColumns(levelColumn[j]) : 1;
            for (int c = 0; c < width; c++) {
                covariateOf[at + c] = j;
            }
            at += width;
        }
    }

    private static int countColumns(int[] columns) {
        int m = 0;
        for (int c : columns) {
            m = Math.max(m, c + 1);
        }
        return m;
    }

    /** A coding being assembled covariate by covariate. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Boolean> categorical = new ArrayList<>();
        private final List<int[]> levels = new ArrayList<>();
        private final List<String> columns = new ArrayList<>();

        /** A numeric covariate: one column of its values. */
        public Builder numeric(String name) {
            names.add(name);
            categorical.add(false);
            levels.add(null);
            columns.add(name);
            return this;
        }

        /**
         * A categorical covariate with treatment contrasts.
         *
         * @param name    the covariate
         * @param labels  every level's label, indexed by global level index
         * @param present the global indices of the levels present in the group, in sorted order (the first
         *                is the reference level); at least two
         */
        public Builder categorical(String name, List<String> labels, List<Integer> present) {
            if (present.size() < 2) {
                throw new IllegalArgumentException("a categorical covariate needs two levels");
            }
            int[] col = new int[labels.size()];
            java.util.Arrays.fill(col, -1);
            for (int l = 1; l < present.size(); l++) {
                col[present.get(l)] = l - 1;
                columns.add(name + ":" + labels.get(present.get(l)));
            }
            names.add(name);
            categorical.add(true);
            levels.add(col);
            return this;
        }

        public CovariateCoding build() {
            boolean[] cat = new boolean[names.size()];
            for (int j = 0; j < cat.length; j++) {
                cat[j] = categorical.get(j);
            }
            return new CovariateCoding(names, cat, levels.toArray(new int[0][]), columns);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of covariates m (raw values per individual). */
    public int covariates() {
        return names.size();
    }

    /** Number of design columns r. */
    public int width() {
        return columnNames.size();
    }

    /** The covariates' names. */
    public List<String> names() {
        return names;
    }

    /** The design columns' names: {@code NAME} for a numeric covariate, {@code NAME:LEVEL} for a contrast. */
    public List<String> columnNames() {
        return Collections.unmodifiableList(columnNames);
    }

    /** The covariate of design column c. */
    public int covariateOf(int c) {
        return covariateOf[c];
    }

    /** Whether covariate j is categorical. */
    public boolean isCategorical(int j) {
        return categorical[j];
    }

    /** The design columns of every stored individual (n × r), or null when there are no covariate columns. */
    public double[][] design(RowStore rows) {
        if (width() == 0) {
            return null;
        }
        int k = rows.traits();
        double[] raw = new double[k + rows.covariates()];
        double[][] c = new double[rows.size()][width()];
        for (int i = 0; i < rows.size(); i++) {
            rows.values(i, raw);
            fill(raw, k, c[i], 0);
        }
        return c;
    }

    /**
     * Writes the design columns of one individual.
     *
     * @param raw  the raw covariate values, at {@code raw[from + j]} for covariate j
     * @param out  receives the r design values at {@code out[at + c]}
     */
    public void fill(double[] raw, int from, double[] out, int at) {
        for (int j = 0; j < names.size(); j++) {
            int f = at + first[j];
            double v = raw[from + j];
            if (!categorical[j]) {
                out[f] = v;
                continue;
            }
            int[] col = levelColumn[j];
            int width = j + 1 < names.size() ? first[j + 1] - first[j] : columnNames.size() - first[j];
            for (int c = 0; c < width; c++) {
                out[f + c] = 0.0;
            }
            int c = col[(int) v];
            if (c >= 0) {
                out[f + c] = 1.0;
            }
        }
    }
}
