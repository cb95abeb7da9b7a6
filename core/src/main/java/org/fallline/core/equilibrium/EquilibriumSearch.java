package org.fallline.core.equilibrium;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fallline.core.field.Box;

/**
 * The result of a search for every critical point ∇V = 0 in a box: the points found, classified and sorted
 * (by value, then coordinates), how they were found, and whether the list is proved complete.
 *
 * <p>{@code complete} is true only when a {@link Method#CERTIFIED certified} search has excluded or proved
 * every part of the box (each reported point is then the unique critical point of a sub-box in which the
 * Krawczyk operator proved existence and uniqueness, and no other sub-box can hold one). A
 * {@link Method#MULTISTART multistart} search is never complete in this sense; its {@link Multistart}
 * record says which stopping rule ended it and what the rule estimated.
 *
 * @param equilibria   the critical points found
 * @param method       how they were found
 * @param complete     true when the list is proved to hold every critical point of V in the box
 * @param multistart   for a multistart search, its stopping rule and number of starts
 * @param certification for a certified search, its boxes and the sub-boxes it could not decide
 */
public record EquilibriumSearch(List<Equilibrium> equilibria, Method method, boolean complete,
                                Optional<Multistart> multistart, Optional<Certification> certification) {

    public EquilibriumSearch {
        equilibria = List.copyOf(equilibria);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(multistart, "multistart");
        Objects.requireNonNull(certification, "certification");
    }

    /** How a search found its points. */
    public enum Method {
        /** Newton from many starting points, stopped by a {@link MultistartStoppingRule}. */
        MULTISTART("multistart"),
        /** Interval Newton (Krawczyk) with bisection over the box. */
        CERTIFIED("certified");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** "multistart" or "certified". */
        public String label() {
            return label;
        }
    }

    /**
     * How a multistart search stopped.
     *
     * @param rule      the rule's name ({@link MultistartStoppingRule#name()})
     * @param estimate  the rule's last estimate
     * @param threshold the rule's threshold
     * @param satisfied true when the rule stopped the search, false when the cap on the number of starts did
     * @param starts    the number of starts drawn
     * @param rounds    the number of rounds of starts
     */
    public record Multistart(String rule, double estimate, double threshold, boolean satisfied, long starts,
                             int rounds) {
    }

    /**
     * What a certified search did.
     *
     * @param boxes      the number of sub-boxes examined
     * @param enclosures for each equilibrium, in the same order, a sub-box proved to hold it as its only critical point
     * @param undecided  the sub-boxes it could neither exclude nor prove to hold exactly one critical point
     */
    public record Certification(long boxes, List<Box> enclosures, List<UndecidedBox> undecided) {
        public Certification {
            enclosures = List.copyOf(enclosures);
            undecided = List.copyOf(undecided);
        }
    }

    /**
     * A sub-box a certified search could not decide, and why.
     *
     * @param box    the sub-box
     * @param reason why it stayed undecided
     */
    public record UndecidedBox(Box box, Reason reason) {
    }

    /** Why a sub-box stayed undecided. */
    public enum Reason {
        /** The interval Hessian over the box contains a singular matrix at the smallest box size allowed. */
        SINGULAR("singular Hessian"),
        /** V or its derivatives may be undefined or not smooth somewhere in the box (log, √, ÷, |·|, min, max). */
        NOT_SMOOTH("not smooth"),
        /** The bisection reached its depth limit before the box was decided. */
        DEPTH_LIMIT("depth limit"),
        /** The time limit ran out before the box was examined. */
        TIME_LIMIT("time limit"),
        /** So many boxes were undecided already that the search stopped before examining this one. */
        UNDECIDED_LIMIT("undecided limit");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** "singular Hessian", "not smooth", "depth limit", "time limit" or "undecided limit". */
        public String label() {
            return label;
        }
    }
}
