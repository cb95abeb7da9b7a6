package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

import java.util.Map;

/**
 * An iterative method that follows the downhill direction of a scalar field, x_{k+1} = x_k + t_k d_k with
 * ∇V(x_k)ᵀd_k &lt; 0 (or a momentum variant), from x₀ until the {@link StoppingCriteria} hold. The
 * discrete counterpart of the gradient flow dx/dt = −∇V(x).
 *
 * <p>Implementations are immutable; one instance can run on many fields.
 *
 * <p>Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006, ch. 3.
 */
public interface DescentMethod {

    /** Which of the algorithms this is. */
    DescentAlgorithm algorithm();

    /** The name as the command line spells it: {@code algorithm().label()}. */
    default String name() {
        return algorithm().label();
    }

    /** The parameters this method uses, in a fixed order (an empty map when it has none). */
    Map<String, Double> parameters();

    /**
     * Runs the method from x₀ and records every iterate: the result's trajectory is complete, x₀ … x_K (as
     * recorded by {@link TrajectoryRecorder#everyStep()}).
     *
     * @throws CoreException if x₀ has the wrong dimension or is not finite, or V or ∇V is not finite at x₀
     */
    default DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop) {
        TrajectoryRecorder recorder = TrajectoryRecorder.everyStep();
        DescentResult ends = minimize(f, x0, stop, recorder);
        return new DescentResult(ends.method(), ends.parameters(), recorder.trajectory(), ends.iterations(),
                ends.stopReason());
    }

    /**
     * Runs the method from x₀, showing x₀ and every iterate to the observer and keeping none of them: the
     * result's trajectory holds only x₀ and x_K. For long runs or many unknowns, where the complete trajectory
     * would not fit in memory; {@link TrajectoryRecorder#every(int)} records every m-th iterate.
     *
     * @throws CoreException if x₀ has the wrong dimension or is not finite, or V or ∇V is not finite at x₀
     */
    DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop, StepObserver observer);
}
