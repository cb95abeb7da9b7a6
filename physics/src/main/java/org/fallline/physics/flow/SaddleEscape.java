package org.fallline.physics.flow;

import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;

/**
 * How long the gradient flow and the heavy-ball flow (from rest) take to leave the ball |x − x̄| ≤ r around a
 * saddle x̄, from the same start near it — the continuous form of the claim that momentum escapes saddles
 * faster. Linearised at x̄ along the most unstable direction (Hessian eigenvalue −μ, μ &gt; 0) the gradient
 * flow grows like e^{μt}; the heavy ball x″ + bx′ − μx = 0 like e^{ρt} with ρ = (−b + √(b² + 4μ))/2, which
 * exceeds μ exactly when μ &lt; 1 − b (flat saddles, little friction): momentum helps on flat saddles and
 * hurts on steep ones. Both rates are reported beside the measured times.
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
        double d = 0;
        for (int i = 0; i < centre.length; i++) {
            d += (start[i] - centre[i]) * (start[i] - centre[i]);
        }
        if (!(Math.sqrt(d) < radius)) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "the start is at distance " + Math.sqrt(d)
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
