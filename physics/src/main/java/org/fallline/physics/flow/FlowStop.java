package org.fallline.physics.flow;

/**
 * Why a flow run ended.
 *
 * <ul>
 *   <li>{@link #END_TIME}: it reached the end time;</li>
 *   <li>{@link #CONVERGED}: |∇V| (and, for the heavy ball, |v|) fell below the gradient tolerance;</li>
 *   <li>{@link #ESCAPED}: the solution left every bound — it left the ball |x − x₀| ≤ R, its speed |∇V|
 *       grew 10⁸-fold, or the adaptive step fell below its minimum — the signature of a finite-time blow-up;</li>
 *   <li>{@link #VALUE_REACHED}: V reached the requested value;</li>
 *   <li>{@link #LYAPUNOV_VIOLATION}: V (for the heavy ball E) increased along the computed flow by more than
 *       the integration and rounding error allow, so the numbers are no longer a solution.</li>
 * </ul>
 */
public enum FlowStop {
    END_TIME("t-end"),
    CONVERGED("converged"),
    ESCAPED("escaped"),
    VALUE_REACHED("value-reached"),
    LYAPUNOV_VIOLATION("lyapunov-violation");

    private final String label;

    FlowStop(String label) {
        this.label = label;
    }

    /** The name used in reports: "t-end", "converged", "escaped", "value-reached", "lyapunov-violation". */
    public String label() {
        return label;
    }

    /** True when the run did not reach a result: escape or a violated Lyapunov function. */
    public boolean failure() {
        return this == ESCAPED || this == LYAPUNOV_VIOLATION;
    }
}
