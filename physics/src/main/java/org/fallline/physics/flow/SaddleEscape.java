package org.fallline.physics.flow;

import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * How long the gradient flow and the heavy-ball flow (from rest) take to leave the ball |x − x̄| ≤ r around a
 * saddle x̄, from the same start near it — the continuous form of the claim that momentum escapes saddles
 * faster. Linearised at x̄ along the most unstable direction (Hessian eigenvalue −μ, μ &gt; 0) the gradient
 * flow grows like e^{μt}; the heavy ball x″ + bx′ − μx = 0 like e^{ρt} with ρ = (−b + √(b² + 4μ))/2, which
 * exceeds μ exactly when μ &lt; 1 − b (flat saddles, little friction): momentum helps on flat saddles and
 * hurts on steep ones. Both rates are reported beside the measured times, with the exit times of the
 * linearised flows from the start's offset ε = |⟨x₀ − x̄, u⟩| along the unit eigenvector u of −μ: the
 * gradient flow ε e^{μt} reaches r at t = ln(r/ε)/μ, the heavy ball from rest
 * ε(ρe^{σt} − σe^{ρt})/(ρ − σ), σ = (−b − √(b² + 4μ))/2, at the root of that equation (≈ (ln(r/ε) +
 * ln((ρ − σ)/(−σ)))/ρ). The measured times differ from them by the nonlinear terms of V inside the ball and
 * the stable components of the start, so they agree as r and |x₀ − x̄|/r shrink.
 *
 * <p>Reference: J. Guckenheimer and P. Holmes, <i>Nonlinear Oscillations, Dynamical Systems, and Bifurcations of
 * Vector Fields</i>, Springer 1983, §1.3 (the flow near a hyperbolic saddle, Hartman–Grobman).
 *
 * @param saddle           x̄ and its classification
 * @param start            x₀
 * @param radius           r
 * @param friction         b
 * @param gradientFlow     the gradient-flow run, stopped on leaving the ball
 * @param heavyBall        the heavy-ball run, likewise
 * @param gradientFlowRate μ, the linear growth rate of the gradient flow
 * @param heavyBallRate    ρ, that of the heavy ball
 */
public record SaddleEscape(Equilibrium saddle, double[] start, double radius, double friction, FlowResult gradientFlow,
                           FlowResult heavyBall, double gradientFlowRate, double heavyBallRate) {

    public SaddleEscape {
        start = start.clone();
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    /** Time for the gradient flow to leave the ball (its end time if it never did). */
    public double gradientFlowTime() {
        return gradientFlow.time();
    }

    /** Time for the heavy ball to leave the ball. */
    public double heavyBallTime() {
        return heavyBall.time();
    }

    /** ε = |⟨x₀ − x̄, u⟩|, the start's offset along the most unstable direction u (0 on the stable manifold). */
    public double unstableOffset() {
        double[] u = saddle.eigenvector(0);
        double[] centre = saddle.point();
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += (start[i] - centre[i]) * u[i];
        }
        return Math.abs(s);
    }

    /** ln(r/ε)/μ, the exit time of the linearised gradient flow (+∞ when ε = 0). */
    public double linearisedGradientFlowTime() {
        return Math.log(radius / unstableOffset()) / gradientFlowRate;
    }

    /**
     * The exit time of the linearised heavy ball from rest, the root t of ε(ρe^{σt} − σe^{ρt})/(ρ − σ) = r
     * (Brent's method on [0, (ln(r/ε) + ln((ρ − σ)/(−σ)))/ρ], which brackets it because the left side is
     * increasing and at least ε(−σ)e^{ρt}/(ρ − σ)); +∞ when ε = 0.
     */
    public double linearisedHeavyBallTime() {
        double eps = unstableOffset();
        if (eps == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double rho = heavyBallRate;
        double sigma = -friction - rho;
        double gap = rho - sigma;
        double upper = (Math.log(radius / eps) + Math.log(gap / -sigma)) / rho;
        return new BrentSolver(1e-14 * Math.max(1, upper)).solve(200,
                t -> eps * (rho * Math.exp(sigma * t) - sigma * Math.exp(rho * t)) / gap - radius, 0, upper);
    }

    /**
     * {@link #of} at the saddle nearest x₀ within r, found by core's {@link EquilibriumFinder} in the box
     * x₀ ± r (every saddle that could centre a ball of radius r around x₀ lies in it).
     *
     * @throws PhysicsException (bad input) if no saddle lies within r of x₀, or as {@link #of} does
     */
    public static SaddleEscape near(ScalarField field, double[] start, double radius, double friction,
                                    FlowOptions options) {
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "the radius must be finite and > 0, got "
                    + radius);
        }
        double[] lo = new double[start.length];
        double[] hi = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            lo[i] = start[i] - radius;
            hi[i] = start[i] + radius;
        }
        Equilibrium nearest = null;
        double best = radius;
        for (Equilibrium e : new EquilibriumFinder().find(field, new Box(lo, hi))) {
            double d = distance(e.point(), start);
            if (e.type() == EquilibriumType.SADDLE && d < best) {
                nearest = e;
                best = d;
            }
        }
        if (nearest == null) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "no saddle of V lies within " + radius
                    + " of the start " + java.util.Arrays.toString(start) + "; start nearer a saddle or take a larger"
                    + " radius (fallline equilibria lists them)");
        }
        return of(field, nearest, start, radius, friction, options);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /**
     * Runs both flows from x₀ with the given options (their friction and escape ball are replaced).
     *
     * @throws PhysicsException (bad input) if the point is not a saddle, x₀ is not inside the ball, r or b is
     *                          not positive
     */
    public static SaddleEscape of(ScalarField field, Equilibrium saddle, double[] start, double radius, double friction,
                                  FlowOptions options) {
        if (saddle.type() != EquilibriumType.SADDLE) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "the equilibrium at "
                    + java.util.Arrays.toString(saddle.point()) + " is a " + saddle.type().label() + ", not a saddle");
        }
        double[] centre = saddle.point();
        double d = distance(start, centre);
        if (!(d < radius)) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "the start is at distance " + d
                    + " from the saddle, not inside the ball of radius " + radius);
        }
        FlowOptions ball = options.withEscapeBall(centre, radius);
        FlowResult gradient = new FlowSolver(ball.withoutFriction()).solve(field, start);
        FlowResult heavy = new FlowSolver(ball.withFriction(friction)).solve(field, start);
        double mu = -saddle.eigenvalues()[0];
        double rho = 0.5 * (-friction + Math.sqrt(friction * friction + 4 * mu));
        return new SaddleEscape(saddle, start, radius, friction, gradient, heavy, mu, rho);
    }
}
