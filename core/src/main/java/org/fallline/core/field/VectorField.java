package org.fallline.core.field;

/**
 * A vector field F : ℝⁿ → ℝⁿ with its Jacobian J(x) = ∂F/∂x (Jᵢⱼ = ∂Fᵢ/∂xⱼ): the right-hand side of an
 * autonomous system of ordinary differential equations dx/dt = F(x), such as the gradient flow
 * dx/dt = −∇V(x) ({@link #negativeGradient(ScalarField)}). Near an equilibrium F(x*) = 0 the flow is
 * governed by the linearisation dξ/dt = J(x*) ξ (Hartman–Grobman), and implicit and Rosenbrock
 * integrators need J at every step.
 *
 * <p>Both methods fill caller-owned arrays, so that an integrator's inner loop need not allocate;
 * implementations are expected to be thread-safe (evaluation keeps no state of its own).
 *
 * <p>Reference: M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential Equations, Dynamical Systems, and
 * an Introduction to Chaos</i>, 3rd ed., Academic Press 2013, ch. 8–9.
 */
public interface VectorField {

    /** n, the dimension of the space. */
    int dimension();

    /** Fills {@code value} (length n) with F(x). */
    void value(double[] x, double[] value);

    /** Fills {@code jacobian} (n × n) with J(x), row i holding ∂Fᵢ/∂x₁, …, ∂Fᵢ/∂xₙ. */
    void jacobian(double[] x, double[][] jacobian);

    /** F(x) in a new array. */
    default double[] value(double[] x) {
        double[] f = new double[dimension()];
        value(x, f);
        return f;
    }

    /** J(x) in a new array. */
    default double[][] jacobian(double[] x) {
        int n = dimension();
        double[][] j = new double[n][n];
        jacobian(x, j);
        return j;
    }

    /** F = −∇V, whose Jacobian is −∇²V (symmetric): the field of the gradient flow of V. */
    static NegativeGradient negativeGradient(ScalarField potential) {
        return new NegativeGradient(potential);
    }
}
