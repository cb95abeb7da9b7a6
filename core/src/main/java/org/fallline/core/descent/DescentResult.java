package org.fallline.core.descent;

import org.fallline.core.CoreException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one descent run: which method with which parameters, the trajectory (every iterate,
 * or only x₀ and x_K when the run was watched by a {@link StepObserver} instead), the number of steps and
 * why it stopped. The final iterate is always finite: a run that diverged ends on the last finite iterate.
 *
 * @param method     the method's name as the command line spells it ("gd", "heavy-ball", …)
 * @param parameters the parameters used, in a fixed order (e.g. {step=0.0198…, momentum=0.669…})
 * @param trajectory x₀ … x_K, complete or only its ends
 * @param iterations K
 * @param stopReason why the run stopped
 */
public record DescentResult(String method, Map<String, Double> parameters, Trajectory trajectory, int iterations,
                            StopReason stopReason) {

    /**
     * @throws CoreException if iterations differs from the trajectory's number of steps
     */
    public DescentResult {
        if (iterations != trajectory.iterations()) {
            throw new CoreException("descent result claims " + iterations + " iterations but its trajectory has "
                    + trajectory.iterations());
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** x_K, copied. */
    public double[] finalPoint() {
        return trajectory.lastPoint();
    }

    /** V(x_K). */
    public double finalValue() {
        return trajectory.value(trajectory.size() - 1);
    }

    /** ‖∇V(x_K)‖. */
    public double finalGradientNorm() {
        return trajectory.gradientNorm(trajectory.size() - 1);
    }

    /** True when the run stopped because ‖∇V‖ reached the tolerance. */
    public boolean converged() {
        return stopReason == StopReason.CONVERGED;
    }
}
