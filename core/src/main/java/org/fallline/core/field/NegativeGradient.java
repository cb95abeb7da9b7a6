package org.fallline.core.field;

import java.util.Objects;

/**
 * The vector field F(x) = −∇V(x) of the gradient flow dx/dt = −∇V(x) of a scalar field V, with Jacobian
 * J(x) = −∇²V(x). Along its solutions dV/dt = ∇V·F = −‖∇V‖² ≤ 0, so V is a Lyapunov function of the flow;
 * its equilibria are the critical points of V, and J is symmetric, so they are nodes or saddles, never
 * foci.
 *
 * <p>Reference: M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential Equations, Dynamical Systems, and
 * an Introduction to Chaos</i>, 3rd ed., Academic Press 2013, §9.3 (gradient systems).
 */
public final class NegativeGradient implements VectorField {

    private final ScalarField potential;

    /** −∇V of the given V. */
    NegativeGradient(ScalarField potential) {
        this.potential = Objects.requireNonNull(potential, "potential");
    }

    /** V. */
    public ScalarField potential() {
        return potential;
    }

    @Override
    public int dimension() {
        return potential.dimension();
    }

    @Override
    public void value(double[] x, double[] value) {
        potential.gradient(x, value);
        negate(value);
    }

    @Override
    public void jacobian(double[] x, double[][] jacobian) {
        // the gradient comes with the Hessian; a scratch array of its own keeps this thread-safe
        potential.hessian(x, new double[potential.dimension()], jacobian);
        for (double[] row : jacobian) {
            negate(row);
        }
    }

    private static void negate(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = -a[i];
        }
    }

    @Override
    public String toString() {
        return "-grad(" + potential + ")";
    }
}
