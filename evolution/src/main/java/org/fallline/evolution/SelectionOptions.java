package org.fallline.evolution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fallline.core.ProgressListener;

/**
 * What a {@link SelectionAnalysis} measures: the fitness column, the trait columns, which rows
 * ({@link RowFilter}s), per-group analyses ({@code by}), log-transformed traits, trait
 * standardisation, the regression model, whether to fit the second-order model, resampling, and an
 * optional G matrix for the predicted response. Made with {@link #builder()}; immutable.
 */
public final class SelectionOptions {

    /** The seed used when none is given, so that repeated runs agree. */
    public static final long DEFAULT_SEED = 20240601L;

    private final String fitness;
    private final List<String> traits;
    private final List<RowFilter> filters;
    private final String by;
    private final Set<String> logTraits;
    private final Standardization standardization;
    private final Model model;
    private final boolean quadratic;
    private final int bootstrap;
    private final int permutations;
    private final long seed;
    private final GeneticCovariance geneticCovariance;
    private final ProgressListener progress;
    private final boolean compareGroups;
    private final List<String> covariates;
    private final Set<String> categorical;

    private SelectionOptions(Builder b) {
        if (b.fitness == null || b.fitness.isBlank()) {
            throw new SelectionException("no fitness column given");
        }
        if (b.traits.isEmpty()) {
            throw new SelectionException("no trait columns given");
        }
        Set<String> seen = new HashSet<>();
        for (String t : b.traits) {
            if (!seen.add(t)) {
                throw new SelectionException("trait '" + t + "' is listed twice");
            }
        }
        if (seen.contains(b.fitness)) {
            throw new SelectionException("column '" + b.fitness + "' cannot be both the fitness and a trait");
        }
        if (b.by != null && (b.by.equals(b.fitness) || seen.contains(b.by))) {
            throw new SelectionException("the grouping column '" + b.by + "' cannot also be the fitness or a trait");
        }
        Set<String> log = new LinkedHashSet<>();
        if (b.logAll) {
            log.addAll(b.traits);
        }
        for (String t : b.logTraits) {
            if (!seen.contains(t)) {
                throw new SelectionException("cannot log-transform '" + t + "': it is not one of the traits ("
                        + String.join(", ", b.traits) + ")");
            }
            log.add(t);
        }
        if (!log.isEmpty() && b.standardization == Standardization.MEAN) {
            throw new SelectionException("log-transformed traits cannot be mean-standardised: the mean of a log is not "
                    + "a scale (ln x / mean(ln x) changes with the units); use the default sd standardisation, or none");
        }
        if (b.bootstrap < 0) {
            throw new SelectionException("the number of bootstrap resamples must be ≥ 0, found " + b.bootstrap);
        }
        if (b.permutations < 0) {
            throw new SelectionException("the number of permutations must be ≥ 0, found " + b.permutations);
        }
        if (b.bootstrap == 1) {
            throw new SelectionException("a bootstrap needs at least 2 resamples to give a standard error");
        }
        checkCovariates(b, seen);
        if (b.compareGroups && b.by == null) {
            throw new SelectionException("comparing groups needs a grouping column (--by COL)");
        }
        this.compareGroups = b.compareGroups;
        this.covariates = List.copyOf(b.covariates);
        this.categorical = Set.copyOf(b.categorical);
        this.fitness = b.fitness.trim();
        this.traits = List.copyOf(b.traits);
        this.filters = List.copyOf(b.filters);
        this.by = b.by;
        this.logTraits = Set.copyOf(log);
        this.standardization = b.standardization;
        this.model = b.model;
        this.quadratic = b.quadratic;
        this.bootstrap = b.bootstrap;
        this.permutations = b.permutations;
        this.seed = b.seed;
        this.geneticCovariance = b.geneticCovariance;
        this.progress = b.progress;
    }

    private static void checkCovariates(Builder b, Set<String> traits) {
        Set<String> seen = new HashSet<>();
        for (String c : b.covariates) {
            if (c.isEmpty()) {
                throw new SelectionException("--covariates: an empty column name");
            }
            if (!seen.add(c)) {
                throw new SelectionException("--covariates: '" + c + "' is listed twice");
            }
            if (c.equals(b.fitness.trim())) {
                throw new SelectionException("--covariates: '" + c + "' is the fitness column; a covariate must be"
                        + " another column");
            }
            if (traits.contains(c)) {
                throw new SelectionException("--covariates: '" + c + "' is also a trait; a column is either a trait"
                        + " (standardised, with selection gradients) or a covariate (a fixed effect), not both");
            }
            if (c.equals(b.by)) {
                throw new SelectionException("--covariates: '" + c + "' is the grouping column (--by), which is constant"
                        + " within each group's analysis");
            }
        }
        for (String c : b.categorical) {
            if (!seen.contains(c)) {
                throw new SelectionException("--categorical: '" + c + "' is not one of the covariates"
                        + (b.covariates.isEmpty() ? " (none given: use --covariates)"
                        : " (" + String.join(", ", b.covariates) + ")"));
            }
        }
    }

    /** A builder with the defaults: SD standardisation, OLS, second-order model on, no resampling. */
    public static Builder builder() {
        return new Builder();
    }

    /** The fitness column (absolute fitness W ≥ 0; relative fitness is W/mean(W) within each group). */
    public String fitness() {
        return fitness;
    }

    /** The trait columns, in the order used for every vector and matrix of the report. */
    public List<String> traits() {
        return traits;
    }

    /** Row filters, all of which a row must pass. */
    public List<RowFilter> filters() {
        return filters;
    }

    /** The grouping column, if each of its values gets a separate analysis. */
    public Optional<String> by() {
        return Optional.ofNullable(by);
    }

    /** The traits analysed on the natural-log scale. */
    public Set<String> logTraits() {
        return logTraits;
    }

    public Standardization standardization() {
        return standardization;
    }

    public Model model() {
        return model;
    }

    /**
     * Whether to test equal β and equal γ across the groups of {@link #by()} (analysis {@code compare}):
     * an F test for least squares, a likelihood-ratio test when a GLM is fitted.
     */
    public boolean compareGroups() {
        return compareGroups;
    }

    /**
     * The covariates: fixed effects that enter every model beside the traits (numeric, or categorical with
     * treatment contrasts), neither standardised nor given selection gradients.
     */
    public List<String> covariates() {
        return covariates;
    }

    /**
     * Covariates read as categorical even when every value is a number (a covariate with any value that is
     * not a number is categorical anyway).
     */
    public Set<String> categorical() {
        return categorical;
    }

    /** Whether the second-order model (γ, canonical analysis, stationary point) is fitted. */
    public boolean quadratic() {
        return quadratic;
    }

    /** Case-bootstrap resamples (0: none). */
    public int bootstrap() {
        return bootstrap;
    }

    /** Permutations of fitness among individuals (0: none). */
    public int permutations() {
        return permutations;
    }

    /** Seed of the resampling streams. */
    public long seed() {
        return seed;
    }

    /** G, for the predicted response Δz̄ = Gβ. */
    public Optional<GeneticCovariance> geneticCovariance() {
        return Optional.ofNullable(geneticCovariance);
    }

    public ProgressListener progress() {
        return progress;
    }

    /** Collects the options; {@link #build()} checks them. */
    public static final class Builder {
        private String fitness;
        private final List<String> traits = new ArrayList<>();
        private final List<RowFilter> filters = new ArrayList<>();
        private String by;
        private boolean logAll;
        private boolean compareGroups;
        private final List<String> logTraits = new ArrayList<>();
        private Standardization standardization = Standardization.SD;
        private Model model = Model.OLS;
        private boolean quadratic = true;
        private int bootstrap;
        private int permutations;
        private long seed = DEFAULT_SEED;
        private GeneticCovariance geneticCovariance;
        private ProgressListener progress = ProgressListener.NONE;
        private final List<String> covariates = new ArrayList<>();
        private final List<String> categorical = new ArrayList<>();

        private Builder() {
        }

        /** The fitness column. */
        public Builder fitness(String column) {
            this.fitness = Objects.requireNonNull(column, "fitness");
            return this;
        }

        /** Adds trait columns. */
        public Builder traits(String... columns) {
            return traits(List.of(columns));
        }

        /** Adds trait columns. */
        public Builder traits(List<String> columns) {
            for (String c : columns) {
                traits.add(Objects.requireNonNull(c, "trait").trim());
            }
            return this;
        }

        /** Keeps only the rows where {@code column} equals {@code value}; repeatable (all must hold). */
        public Builder where(String column, String value) {
            return where(new RowFilter(column, value));
        }

        public Builder where(RowFilter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** A separate analysis for each value of {@code column}. */
        public Builder by(String column) {
            this.by = column == null ? null : column.trim();
            return this;
        }

        /** Analyses every trait on the natural-log scale. */
        public Builder logAll() {
            this.logAll = true;
            return this;
        }

        /** Analyses the named traits on the natural-log scale. */
        public Builder log(String... names) {
            return log(List.of(names));
        }

        public Builder log(List<String> names) {
            for (String n : names) {
                logTraits.add(n.trim());
            }
            return this;
        }

        public Builder standardization(Standardization s) {
            this.standardization = Objects.requireNonNull(s, "standardization");
            return this;
        }

        public Builder model(Model m) {
            this.model = Objects.requireNonNull(m, "model");
            return this;
        }

        /** Whether to test equal β and γ across the groups (needs {@link #by(String)}; default false). */
        public Builder compareGroups(boolean on) {
            this.compareGroups = on;
            return this;
        }

        /**
         * Adds covariates: columns whose values enter every model as fixed effects, numeric, or categorical when
         * some value is not a number (treatment contrasts, reference level the first in sorted order).
         */
        public Builder covariates(String... columns) {
            return covariates(List.of(columns));
        }

        /** Adds covariates. */
        public Builder covariates(List<String> columns) {
            for (String c : columns) {
                covariates.add(Objects.requireNonNull(c, "covariate").trim());
            }
            return this;
        }

        /** Reads the named covariates as categorical even when their values are numbers. */
        public Builder categorical(String... columns) {
            return categorical(List.of(columns));
        }

        /** Reads the named covariates as categorical even when their values are numbers. */
        public Builder categorical(List<String> columns) {
            for (String c : columns) {
                categorical.add(Objects.requireNonNull(c, "categorical").trim());
            }
            return this;
        }

        /** Whether to fit the second-order model (default true). */
        public Builder quadratic(boolean on) {
            this.quadratic = on;
            return this;
        }

        /** Number of case-bootstrap resamples (default 0). */
        public Builder bootstrap(int resamples) {
            this.bootstrap = resamples;
            return this;
        }

        /** Number of fitness permutations (default 0). */
        public Builder permutations(int count) {
            this.permutations = count;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** G, in the units of the analysed traits (raw, or log for log-transformed traits). */
        public Builder geneticCovariance(GeneticCovariance g) {
            this.geneticCovariance = g;
            return this;
        }

        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /**
         * @throws SelectionException (BAD_INPUT) for missing fitness or traits, repeated traits, a
         *                            column used twice, log of a non-trait, or negative counts
         */
        public SelectionOptions build() {
            return new SelectionOptions(this);
        }
    }
}
