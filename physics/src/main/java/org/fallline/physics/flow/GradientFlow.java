package org.fallline.physics.flow;

import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The gradient flow dx/dt = −∇V(x) of a scalar field V, as a Hipparchus ODE (dimension n). Along it
 * dV/dt = −|∇V|² ≤ 0, so V is a Lyapunov function; the equilibria are the critical points of V, a
 * minimum attracting and a saddle repelling along its unstable directions. With {@link #reversed()} the
 * time is reversed (dx/dt = +∇V), which traces stable manifolds backwards.
 *
 * <p>A non-finite gradient (the field is undefined or overflows where the integrator probed it) is
 * reported as numerical trouble naming the point, rather than fed to the integrator.
 *
 * <p>Reference: M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential Equations, Dynamical Systems,
 * and an Introduction to Chaos</i>, 3rd ed., Academic Press 2013, §9.3.
 */
public final class GradientFlow implements OrdinaryDifferentialEquation {

    private final ScalarField field;
    private final double sign;

    /** dx/dt = −∇V(x). */
    public GradientFlow(ScalarField field) {
        this(field, -1);
    }

    private GradientFlow(ScalarField field, double sign) {
        this.field = field;
        this.sign = sign;
    }

    /** The same flow with time reversed: dx/dt = +∇V(x). */
    public GradientFlow reversed() {
        return new GradientFlow(field, -sign);
    }

    /** V. */
    public ScalarField field() {
        return field;
    }

    @Override
    public int getDimension() {
        return field.dimension();
    }

    @Override
    public double[] computeDerivatives(double t, double[] x) {
        double[] g = new double[x.length];
        field.gradient(x, g);
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                throw nonFinite(field, x, t);
            }
            g[i] *= sign;
        }
        return g;
    }

    static NonFiniteGradient nonFinite(ScalarField field, double[] x, double t) {
        return new NonFiniteGradient(field, x, t);
    }

    /**
     * ∇V is not finite where the integrator probed it; {@link #overflow()} tells an overflow (an infinite
     * component, none NaN: the solution is running off to infinity) from a point where V is undefined.
     */
    static final class NonFiniteGradient extends PhysicsException {

        private static final long serialVersionUID = 1L;

        private final boolean overflow;

        NonFiniteGradient(ScalarField field, double[] x, double t) {
            super(Kind.NUMERICAL, "grad V is not finite at " + field.variables() + " = " + java.util.Arrays.toString(x)
                    + " (near t = " + t + "): V is undefined or overflows there");
            double[] g = field.gradient(x);
            boolean nan = false;
            boolean infinite = false;
            for (double gi : g) {
                nan |= Double.isNaN(gi);
                infinite |= Double.isInfinite(gi);
            }
            for (double xi : x) {
                infinite |= Double.isInfinite(xi);
                nan |= Double.isNaN(xi);
            }
            this.overflow = infinite && !nan;
        }

        boolean overflow() {
            return overflow;
        }
    }
}
