package org.fallline.core.equilibrium;

import org.fallline.core.CoreException;
import org.fallline.core.ProgressListener;
import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;
import java.util.Optional;
import org.fallline.core.internal.CriticalPointNewton;

/**
 * Finds the critical points of V in a box, ∇V(x) = 0 — minima, maxima, saddles and degenerate points
 * alike — and classifies each by {@link Equilibrium#classify}.
 *
 * <p>Method: multi-start Newton on the system ∇V(x) = 0. The starts are the box centre followed by a
 * Sobol sequence in the box, shifted by a random vector drawn from the seed (Cranley–Patterson
 * rotation), so that a seed fixes the result. They are drawn in rounds (64 by default) until a
 * {@link MultistartStoppingRule} says that further critical points are unlikely — by default the
 * Good–Turing rule: stop when at most a fraction τ = 10⁻³ of the starts reached a point that no other start
 * reached, and the last round found nothing new — or until a cap on the number of starts (100,000).
 * The rule's verdict is part of the {@link EquilibriumSearch}; only
 * {@link CertifiedEquilibriumFinder} can prove that the list is complete. Each start is globalised as a Levenberg–Marquardt
 * iteration on the residual φ(x) = ½|∇V(x)|² with Jacobian H = ∇²V(x): the step
 * δ = −(H² + μI)⁻¹H∇V (computed in the eigenbasis of H) is projected onto the box and accepted only if
 * φ decreases, μ shrinking after a success (towards the pure Newton step δ = −H⁻¹∇V) and growing after
 * a failure. Because it drives ∇V to zero rather than decreasing V, it converges to saddles and maxima
 * as readily as to minima. A start that reaches |∇V| ≤ tolerance is then polished by Newton steps
 * (pseudo-inverse of H) while |∇V| keeps decreasing, which also brings degenerate critical points
 * (where Newton converges only linearly) close to the exact point. Points within
 * mergeTolerance·(hiᵢ − loᵢ) in every coordinate are merged, keeping the one with the smaller residual.
 * The list is sorted by V (compared to 1e-9 relative) and then by the coordinates (to 1e-9 of the box width).
 *
 * <p>References: I. J. Good, Biometrika 40 (1953) 237–264 (the unseen-species estimate);
 * J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006,
 * §11.2 (Levenberg–Marquardt for nonlinear equations); P. Bratley and B. L. Fox, Algorithm 659:
 * implementing Sobol's quasirandom sequence generator, ACM TOMS 14 (1988) 88–100.
 */
public final class EquilibriumFinder {

    /** The default threshold τ of the Good–Turing rule: stop when N₁/N ≤ τ. */
    public static final double DEFAULT_UNSEEN_MASS = 1e-3;

    private static final double SORT_RESOLUTION = 1e-9;

    private final MultistartStoppingRule stoppingRule;
    /** Distinct degenerate critical points beyond which the critical set is taken not to be isolated. */
    static final int MAX_DEGENERATE = 100;

    private final int roundSize;
    private final long maxStarts;
    private final double gradientTolerance;
    private final long seed;
    private final int maxIterations;
    private final double classificationTolerance;
    private final double mergeTolerance;

    private EquilibriumFinder(Builder b) {
        this.stoppingRule = b.stoppingRule;
        this.roundSize = b.roundSize;
        this.maxStarts = b.maxStarts;
        this.gradientTolerance = b.gradientTolerance;
        this.seed = b.seed;
        this.maxIterations = b.maxIterations;
        this.classificationTolerance = b.classificationTolerance;
        this.mergeTolerance = b.mergeTolerance;
    }

    /** A finder with the default options (see {@link Builder}). */
    public EquilibriumFinder() {
        this(new Builder());
    }

    /** Options, each with a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rule that ends the search. */
    public MultistartStoppingRule stoppingRule() {
        return stoppingRule;
    }

    /** Starts per round; the stopping rule is consulted after each round. */
    public int roundSize() {
        return roundSize;
    }

    /** The search stops after this many starts even if the rule is not satisfied. */
    public long maxStarts() {
        return maxStarts;
    }

    /** A point counts as critical when |∇V| ≤ this. */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /** Seed of the shift of the Sobol starts. */
    public long seed() {
        return seed;
    }

    /** Maximal number of Newton (Levenberg–Marquardt) iterations per start. */
    public int maxIterations() {
        return maxIterations;
    }

    /** Relative threshold for a zero Hessian eigenvalue (see {@link Equilibrium#classify}). */
    public double classificationTolerance() {
        return classificationTolerance;
    }

    /** Relative distance (fraction of the box width per coordinate) under which two points are one. */
    public double mergeTolerance() {
        return mergeTolerance;
    }

    /** {@link #find(ScalarField, Box, ProgressListener)} without progress reports. */
    public List<Equilibrium> find(ScalarField f, Box box) {
        return find(f, box, ProgressListener.NONE);
    }

    /** The critical points of {@link #search(ScalarField, Box, ProgressListener)}. */
    public List<Equilibrium> find(ScalarField f, Box box, ProgressListener progress) {
        return search(f, box, progress).equilibria();
    }

    /**
     * The distinct critical points of f found in the box, classified and sorted by value then coordinates,
     * with the stopping rule's verdict. Starts are drawn in rounds of {@link #roundSize()} until the rule is
     * satisfied or {@link #maxStarts()} starts have been drawn. An empty list means that no start converged
     * (for instance V = eˣ has none).
     *
     * @param progress told after every start (done, the most starts the search may draw)
     * @throws CoreException if the box dimension differs from the field's
     */
    public EquilibriumSearch search(ScalarField f, Box box, ProgressListener progress) {
        FinderChecks.sameDimension(f, box);
        int n = f.dimension();
        boolean fixedCount = stoppingRule instanceof MultistartStoppingRule.Fixed;
        long cap = fixedCount ? ((MultistartStoppingRule.Fixed) stoppingRule).starts() : maxStarts;
        long round = fixedCount ? cap : roundSize;
        StartSequence starts = new StartSequence(box, seed);
        List<double[]> roots = new ArrayList<>();
        List<Double> residuals = new ArrayList<>();
        List<Integer> hits = new ArrayList<>();
        long done = 0;
        int rounds = 0;
        int degenerate = 0;
        boolean satisfied = false;
        while (!satisfied && done < cap) {
            int before = roots.size();
            long end = Math.min(cap, done + round);
            while (done < end) {
                CriticalPointNewton run = new CriticalPointNewton(f, box, gradientTolerance, maxIterations);
                if (run.solve(starts.next())) {
                    int known = roots.size();
                    merge(roots, residuals, hits, run.point(), run.gradientNorm(), box);
                    if (roots.size() > known && Equilibrium.classify(f, roots.get(known), classificationTolerance)
                            .type() == EquilibriumType.DEGENERATE && ++degenerate > MAX_DEGENERATE) {
                        // isolated degenerate critical points are few; many distinct ones mean a continuum
                        throw CoreException.numerical("the critical points of " + f.variables() + " in the box are "
                                + "not isolated: more than " + MAX_DEGENERATE + " distinct degenerate critical points "
                                + "(singular Hessian) were found after " + done + " starts, as on a curve or region "
                                + "where the gradient vanishes (a constant or flat field); no finite list exists");
                    }
                }
                progress.progress(++done, cap);
            }
            rounds++;
            satisfied = stoppingRule.satisfied(done, counts(hits), roots.size() > before);
        }
        if (done < cap) {
            progress.progress(cap, cap);
        }
        EquilibriumSearch.Multistart verdict = new EquilibriumSearch.Multistart(stoppingRule.name(),
                stoppingRule.estimate(done, counts(hits)), stoppingRule.threshold(), satisfied, done, rounds);
        return new EquilibriumSearch(classifyAndSort(f, roots, box, classificationTolerance),
                EquilibriumSearch.Method.MULTISTART, false, Optional.of(verdict), Optional.empty());
    }

    private static int[] counts(List<Integer> hits) {
        int[] c = new int[hits.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = hits.get(i);
        }
        return c;
    }

    /**
     * The points classified by {@link Equilibrium#classify} and sorted by V (to 1e-9 of max(1, max|V|)), then by
     * the coordinates (to 1e-9 of the box width), so that rounding noise does not decide the order.
     */
    static List<Equilibrium> classifyAndSort(ScalarField f, List<double[]> roots, Box box, double tolerance) {
        List<Equilibrium> result = new ArrayList<>();
        for (double[] root : roots) {
            result.add(Equilibrium.classify(f, root, tolerance));
        }
        double scale = 1.0;
        for (Equilibrium e : result) {
            scale = Math.max(scale, Math.abs(e.value()));
        }
        double resolution = SORT_RESOLUTION * scale;
        Comparator<Equilibrium> byValue = Comparator.comparingDouble(e -> Math.rint(e.value() / resolution) + 0.0); // + 0.0 turns −0 into 0
        result.sort(byValue.thenComparing(Equilibrium::point, (p, q) -> lexicographic(p, q, box)));
        return List.copyOf(result);
    }

    /** Coordinates compared on a grid of 1e-9 box widths. */
    private static int lexicographic(double[] p, double[] q, Box box) {
        for (int i = 0; i < p.length; i++) {
            double cell = SORT_RESOLUTION * box.width(i);
            int c = Double.compare(Math.rint(p[i] / cell) + 0.0, Math.rint(q[i] / cell) + 0.0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private void merge(List<double[]> roots, List<Double> residuals, List<Integer> hits, double[] x, double residual,
                       Box box) {
        for (int r = 0; r < roots.size(); r++) {
            double[] y = roots.get(r);
            boolean same = true;
            for (int i = 0; i < x.length && same; i++) {
                same = Math.abs(x[i] - y[i]) <= mergeTolerance * box.width(i);
            }
            if (same) {
                hits.set(r, hits.get(r) + 1);
                if (residual < residuals.get(r)) {
                    roots.set(r, x);
                    residuals.set(r, residual);
                }
                return;
            }
        }
        roots.add(x);
        residuals.add(residual);
        hits.add(1);
    }

    /** The box centre, then Sobol points shifted modulo 1 by a seeded random vector (Cranley–Patterson). */
    private static final class StartSequence {
        private final Box box;
        private final long seed;
        private SobolSequenceGenerator sobol;
        private double[] shift;

        StartSequence(Box box, long seed) {
            this.box = box;
            this.seed = seed;
        }

        double[] next() {
            int n = box.dimension();
            if (sobol == null) {
                if (n > 1000) {
                    throw new CoreException("equilibrium search supports at most 1000 variables, got " + n);
                }
                Well19937c random = new Well19937c(seed);
                shift = new double[n];
                for (int i = 0; i < n; i++) {
                    shift[i] = random.nextDouble();
                }
                sobol = new SobolSequenceGenerator(n);
                sobol.nextVector(); // the first Sobol point is the corner 0, which the shift would make arbitrary
                double[] centre = new double[n];
                java.util.Arrays.fill(centre, 0.5);
                return box.fromUnitCube(centre);
            }
            double[] u = sobol.nextVector();
            for (int i = 0; i < n; i++) {
                u[i] += shift[i];
                if (u[i] >= 1) {
                    u[i] -= 1;
                }
            }
            return box.fromUnitCube(u);
        }
    }

    /** Options of an {@link EquilibriumFinder}. */
    public static final class Builder {
        private MultistartStoppingRule stoppingRule = MultistartStoppingRule.goodTuring(DEFAULT_UNSEEN_MASS);
        private int roundSize = 64;
        private long maxStarts = 100_000;
        private double gradientTolerance = 1e-10;
        private long seed = 1L;
        private int maxIterations = 100;
        private double classificationTolerance = FinderChecks.DEFAULT_CLASSIFICATION_TOLERANCE;
        private double mergeTolerance = 1e-6;

        private Builder() {
        }

        /**
         * Exactly this many starts, ≥ 1, with no stopping rule: the same as
         * {@code stoppingRule(MultistartStoppingRule.fixed(value))}.
         */
        public Builder starts(int value) {
            stoppingRule = MultistartStoppingRule.fixed(value);
            return this;
        }

        /**
         * The rule consulted after each round (default: Good–Turing with τ = {@value EquilibriumFinder#DEFAULT_UNSEEN_MASS}).
         */
        public Builder stoppingRule(MultistartStoppingRule value) {
            stoppingRule = java.util.Objects.requireNonNull(value, "stopping rule");
            return this;
        }

        /** Starts per round, ≥ 1 (default 64). */
        public Builder roundSize(int value) {
            roundSize = FinderChecks.atLeastOne(value, "starts per round");
            return this;
        }

        /** The most starts a search draws when its rule is not satisfied, ≥ 1 (default 100,000). */
        public Builder maxStarts(long value) {
            maxStarts = FinderChecks.atLeastOne(value, "max starts");
            return this;
        }

        /** A point counts as critical when |∇V| ≤ this, finite and &gt; 0 (default 1e-10). */
        public Builder gradientTolerance(double value) {
            gradientTolerance = FinderChecks.positive(value, "gradient tolerance");
            return this;
        }

        /** Seed of the shift of the Sobol starts (default 1). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Newton iterations per start, ≥ 1 (default 100). */
        public Builder maxIterations(int value) {
            maxIterations = FinderChecks.atLeastOne(value, "max Newton iterations");
            return this;
        }

        /** Relative threshold for a zero Hessian eigenvalue, finite and ≥ 0 (default 1e-8). */
        public Builder classificationTolerance(double value) {
            classificationTolerance = FinderChecks.classificationTolerance(value);
            return this;
        }

        /** Points closer than this fraction of the box width in every coordinate are merged, in (0, 1) (default 1e-6). */
        public Builder mergeTolerance(double value) {
            mergeTolerance = FinderChecks.inUnitInterval(value, "merge tolerance");
            return this;
        }

        public EquilibriumFinder build() {
            return new EquilibriumFinder(this);
        }
    }
}
