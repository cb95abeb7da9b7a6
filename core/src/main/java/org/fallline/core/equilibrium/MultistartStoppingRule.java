package org.fallline.core.equilibrium;

import org.fallline.core.CoreException;

/**
 * When a multistart search may stop drawing starts: after each round of starts the rule is shown how many
 * starts were drawn in all (N) and how many of them reached each distinct critical point found so far
 * (the hit counts n₁, …, n_w), and says whether further critical points are unlikely.
 *
 * <p>Two rules treat the starts as a sample of the basins of attraction (each start's limit is a
 * "species"):
 * <ul>
 * <li>{@link #goodTuring(double) Good–Turing}: the probability that the next start reaches a point not yet
 * found is estimated by N₁/N, N₁ the number of points reached by exactly one start (a failed start counts
 * as a sample of its own, never-new species). Stop when N₁/N ≤ τ. I. J. Good, The population frequencies of
 * species and the estimation of population parameters, Biometrika 40 (1953) 237–264.</li>
 * <li>{@link #boenderRinnooyKan(double) Boender–Rinnooy Kan}: with w distinct points from M converged starts,
 * the posterior expectation of the number of critical points (uniform prior on their number, Dirichlet on
 * the basin sizes) is w(M − 1)/(M − w − 2); stop when it exceeds w by less than a threshold (0.5: the
 * expected number of points not yet found rounds to zero). C. G. E. Boender and A. H. G. Rinnooy Kan,
 * Bayesian stopping rules for multistart global optimization methods, Math. Programming 37 (1987) 59–80.</li>
 * </ul>
 * Either rule also requires that the last round found no new point. {@link #fixed(long)} stops after a given
 * number of starts, whatever was found.
 */
public interface MultistartStoppingRule {

    /** The rule's name in reports: "good-turing", "boender-rinnooy-kan" or "fixed". */
    String name();

    /** The value {@link #estimate} is compared with. */
    double threshold();

    /**
     * The rule's estimate after {@code starts} starts, {@code hits[k]} of which reached the k-th point: the
     * unseen probability mass (Good–Turing), the expected number of points not yet found (Boender–Rinnooy
     * Kan, +∞ while M ≤ w + 2) or the number of starts still to draw (fixed).
     */
    double estimate(long starts, int[] hits);

    /** True when the search may stop: {@code estimate ≤ threshold} and the last round found no new point. */
    default boolean satisfied(long starts, int[] hits, boolean lastRoundFoundNew) {
        return !lastRoundFoundNew && estimate(starts, hits) <= threshold();
    }

    /**
     * Good–Turing: stop when the fraction of starts whose limit was reached by no other start is ≤ τ.
     *
     * @param tau in (0, 1)
     */
    static MultistartStoppingRule goodTuring(double tau) {
        if (!(tau > 0 && tau < 1)) {
            throw new CoreException("Good-Turing threshold must be in (0, 1), got " + tau);
        }
        return new GoodTuring(tau);
    }

    /**
     * Boender–Rinnooy Kan: stop when the expected number of critical points not yet found is ≤ the threshold.
     *
     * @param expectedUnseen finite and &gt; 0 (0.5 in the paper)
     */
    static MultistartStoppingRule boenderRinnooyKan(double expectedUnseen) {
        if (!(expectedUnseen > 0) || !Double.isFinite(expectedUnseen)) {
            throw new CoreException("Boender-Rinnooy Kan threshold must be finite and > 0, got " + expectedUnseen);
        }
        return new BoenderRinnooyKan(expectedUnseen);
    }

    /** Stop after exactly {@code starts} starts (≥ 1). */
    static MultistartStoppingRule fixed(long starts) {
        if (starts < 1) {
            throw new CoreException("starts must be >= 1, got " + starts);
        }
        return new Fixed(starts);
    }

    /** The Good–Turing rule N₁/N ≤ τ. */
    record GoodTuring(double threshold) implements MultistartStoppingRule {
        @Override
        public String name() {
            return "good-turing";
        }

        @Override
        public double estimate(long starts, int[] hits) {
            long singletons = 0;
            for (int h : hits) {
                if (h == 1) {
                    singletons++;
                }
            }
            return starts == 0 ? 1.0 : (double) singletons / starts;
        }
    }

    /** The Boender–Rinnooy Kan rule w(M − 1)/(M − w − 2) − w ≤ threshold. */
    record BoenderRinnooyKan(double threshold) implements MultistartStoppingRule {
        @Override
        public String name() {
            return "boender-rinnooy-kan";
        }

        @Override
        public double estimate(long starts, int[] hits) {
            long w = hits.length;
            long m = 0;
            for (int h : hits) {
                m += h;
            }
            if (w == 0) {
                return 0.0;
            }
            return m <= w + 2 ? Double.POSITIVE_INFINITY : (double) w * (m - 1) / (m - w - 2) - w;
        }
    }

    /** A fixed number of starts. */
    record Fixed(long starts) implements MultistartStoppingRule {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public double threshold() {
            return 0;
        }

        @Override
        public double estimate(long drawn, int[] hits) {
            return Math.max(0, starts - drawn);
        }

        @Override
        public boolean satisfied(long drawn, int[] hits, boolean lastRoundFoundNew) {
            return drawn >= starts;
        }
    }
}
