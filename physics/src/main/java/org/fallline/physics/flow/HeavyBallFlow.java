package org.fallline.physics.flow;

import org.fallline.core.field.ScalarField;
import org.hipparchus.ode.SecondOrderODE;

/**
 * The heavy-ball (damped Newtonian) flow x″ + b x′ + ∇V(x) = 0 with friction b ≥ 0, as a Hipparchus
 * second-order ODE; {@link org.hipparchus.ode.FirstOrderConverter} turns it into the first-order system
 * for (x, v), v = x′. Its energy E = ½|v|² + V(x) satisfies dE/dt = −b|v|², so E is a Lyapunov function
 * (conserved when b = 0). Linearised at a critical point with Hessian eigenvalue λ the modes are e^{μt}
 * with μ² + bμ + λ = 0.
 *
 * <p>Reference: B. T. Polyak, Some methods of speeding up the convergence of iteration methods, USSR
 * Comput. Math. Math. Phys. 4 (1964) 1–17; H. Attouch, X. Goudou and P. Redont, The heavy ball with
 * friction method, Commun. Contemp. Math. 2 (2000) 1–34.
 */
public final class HeavyBallFlow implements SecondOrderODE {

    private final ScalarField field;
    private final double friction;

    /**
     * @param friction b, finite and ≥ 0 (checked by {@link FlowOptions})
     */
    public HeavyBallFlow(ScalarField field, double friction) {
        this.field = field;
        this.friction = friction;
    }

    /** b. */
    public double friction() {
        return friction;
    }

    @Override
    public int getDimension() {
        return field.dimension();
    }

    @Override
    public double[] computeSecondDerivatives(double t, double[] x, double[] v) {
        double[] a = new double[x.length];
        field.gradient(x, a);
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw GradientFlow.nonFinite(field, x, t);
            }
            a[i] = -a[i] - friction * v[i];
        }
        return a;
    }

    /** E = ½|v|² + V(x). */
    public double energy(double[] x, double[] v) {
        double kinetic = 0;
        for (double vi : v) {
            kinetic += vi * vi;
        }
        return 0.5 * kinetic + field.value(x);
    }
}
