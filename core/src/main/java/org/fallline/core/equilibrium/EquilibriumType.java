package org.fallline.core.equilibrium;

/**
 * The kind of a critical point x̄ (∇V(x̄) = 0) read off the eigenvalues of the Hessian ∇²V(x̄): all
 * positive — a strict local minimum; all negative — a strict local maximum; both signs — a saddle;
 * a zero eigenvalue — degenerate (second-order information cannot tell).
 *
 * <p>Reference: J. Milnor, <i>Morse Theory</i>, Princeton University Press 1963, §2.
 */
public enum EquilibriumType {
    MINIMUM("minimum"),
    MAXIMUM("maximum"),
    SADDLE("saddle"),
    DEGENERATE("degenerate");

    private final String label;

    EquilibriumType(String label) {
        this.label = label;
    }

    /** The lower-case name used in reports: "minimum", "maximum", "saddle", "degenerate". */
    public String label() {
        return label;
    }
}
