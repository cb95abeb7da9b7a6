package org.fallline.core.descent;

/**
 * Why a descent run stopped.
 *
 * <ul>
 *   <li>{@link #CONVERGED}: ‖∇V(x_k)‖ reached the tolerance;</li>
 *   <li>{@link #MAX_ITERATIONS}: the iteration budget ran out first;</li>
 *   <li>{@link #DIVERGED}: the iterates left every bound (a non-finite value, |V| or ‖x‖ beyond 10¹² times
 *       its starting size, V unbounded below along a search direction, or — for fixed-step methods — V rising
 *       above its start for 50 consecutive iterations);</li>
 *   <li>{@link #STALLED}: a line-search method found no step that lowers V in floating point (the
 *       tolerance asks for more than the arithmetic can give).</li>
 * </ul>
 */
public enum StopReason {
    CONVERGED("converged"),
    MAX_ITERATIONS("max-iterations"),
    DIVERGED("diverged"),
    STALLED("stalled");

    private final String label;

    StopReason(String label) {
        this.label = label;
    }

    /** The lower-case name used in reports: "converged", "max-iterations", "diverged", "stalled". */
    public String label() {
        return label;
    }
}
