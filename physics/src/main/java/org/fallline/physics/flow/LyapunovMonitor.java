package org.fallline.physics.flow;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.ODEStepEndHandler;

/**
 * Checks at the end of every step that the Lyapunov function L (V for the gradient flow, E for the heavy
 * ball) has not increased, and stops the integration on the first step where it has. The exact flow has
 * dL/dt ≤ 0; the computed one may rise by what integration and rounding error allow on one step:
 *
 * <pre>  allowed = 10·tol·(1 + |z|)·|z′|·√m + 64·ε·max(1, |L₀|, |L_prev|, |L|),</pre>
 *
 * z the state (dimension m), z′ its derivative, tol the integrator's tolerance: a local error of
 * tol·(1 + |z|) per component moves L by at most |∇L|·|error| ≲ |z′|·|error|, and V itself is computed
 * with a relative rounding error of a few ε on terms taken to be of size max(1, |L|).
 */
final class LyapunovMonitor implements ODEStepEndHandler {

    private static final double EPSILON = Math.ulp(1.0);

    private final ToDoubleFunction<ODEStateAndDerivative> lyapunov;
    private final OrdinaryDifferentialEquation ode;
    private final double tolerance;
    private double initial;
    private double previous;
    private LyapunovViolation violation;

    /**
     * @param ode the equation, for z′ (multistep methods do not hand it over at a step end)
     */
    LyapunovMonitor(ToDoubleFunction<ODEStateAndDerivative> lyapunov, OrdinaryDifferentialEquation ode,
                    double tolerance) {
        this.lyapunov = lyapunov;
        this.ode = ode;
        this.tolerance = tolerance;
    }

    Optional<LyapunovViolation> violation() {
        return Optional.ofNullable(violation);
    }

    @Override
    public void init(ODEStateAndDerivative initialState, double finalTime) {
        initial = lyapunov.applyAsDouble(initialState);
        previous = initial;
        violation = null;
    }

    @Override
    public Action stepEndOccurred(ODEStateAndDerivative state, boolean forward) {
        double current = lyapunov.applyAsDouble(state);
        double[] z = state.getCompleteState();
        double[] dz = ode.computeDerivatives(state.getTime(), z);
        double allowed = 10 * tolerance * (1 + norm(z)) * norm(dz) * Math.sqrt(z.length)
                + 64 * EPSILON * Math.max(Math.max(1, Math.abs(initial)), Math.max(Math.abs(previous),
                Math.abs(current)));
        if (!(current <= previous + allowed)) {
            violation = new LyapunovViolation(state.getTime(), previous, current, allowed);
            return Action.STOP;
        }
        previous = current;
        return Action.CONTINUE;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
