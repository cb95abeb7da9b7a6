package org.fallline.physics.flow;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of one flow run: where and why it stopped, the state there, and the dense output.
 *
 * @param variables     the field's variables
 * @param integrator    the Hipparchus method used
 * @param step          the step of a fixed-step method (empty for an adaptive one)
 * @param friction      b of the heavy-ball flow (empty for the gradient flow)
 * @param stop          why the run ended
 * @param reason        a sentence saying how the run ended (for an escape: which bound it crossed)
 * @param time          the time reached
 * @param point         x there (for an escape, the last point the integrator accepted)
 * @param velocity      x′ there
 * @param value         V(x)
 * @param gradientNorm  |∇V(x)|
 * @param initialEnergy the Lyapunov function at the start (V(x₀), or E(x₀, 0) = V(x₀) for the heavy ball)
 * @param finalEnergy   the Lyapunov function at the end
 * @param evaluations   evaluations of the right-hand side by the integrator
 * @param samples       the dense output on the grid t = kT/(K − 1), up to the stop, ending with the final state
 * @param violation     the step that broke the Lyapunov monitor, when the stop is a violation
 */
public record FlowResult(List<String> variables, Integrator integrator, OptionalDouble step, OptionalDouble friction,
                         FlowStop stop, String reason, double time, double[] point, double[] velocity, double value,
                         double gradientNorm, double initialEnergy, double finalEnergy, int evaluations,
                         List<FlowSample> samples, Optional<LyapunovViolation> violation) {

    public FlowResult {
        variables = List.copyOf(variables);
        point = point.clone();
        velocity = velocity.clone();
        samples = List.copyOf(samples);
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] velocity() {
        return velocity.clone();
    }

    /** True for the heavy-ball flow. */
    public boolean heavyBall() {
        return friction.isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowResult r && stop == r.stop && Double.compare(time, r.time) == 0
                && java.util.Arrays.equals(point, r.point) && samples.equals(r.samples);
    }

    @Override
    public int hashCode() {
        return stop.hashCode() * 31 + java.util.Arrays.hashCode(point);
    }

    @Override
    public String toString() {
        return "FlowResult[" + stop.label() + " at t=" + time + ", x=" + java.util.Arrays.toString(point)
                + ", V=" + value + "]";
    }
}
