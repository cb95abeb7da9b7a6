package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fallline.core.internal.DescentRun;
import org.fallline.core.internal.ParameterChecks;

/**
 * What the momentum methods share: the constants α (step) and β (momentum), and the fixed-step loop
 * x_{k+1} = rule(x_k, x_{k−1}) with x_{−1} = x₀. Each method supplies only its update rule.
 */
abstract class MomentumMethod implements DescentMethod {

    final double step;
    final double momentum;

    /** @throws CoreException if α is not finite and &gt; 0 or β is not in [0, 1), naming the parameter */
    MomentumMethod(double step, double momentum) {
        this.step = ParameterChecks.step("step", step);
        this.momentum = ParameterChecks.momentum("momentum", momentum);
    }

    /** α. */
    public final double step() {
        return step;
    }

    /** β. */
    public final double momentum() {
        return momentum;
    }

    /** {step = α, momentum = β}. */
    @Override
    public final Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("step", step);
        p.put("momentum", momentum);
        return p;
    }

    @Override
    public final DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop, StepObserver observer) {
        DescentRun run = new DescentRun(f, x0, stop, true, observer);
        double[] previous = x0.clone();
        double[] work = new double[f.dimension()];
        while (run.going()) {
            double[] x = run.x();
            double[] next = next(f, x, previous, run.gradient(), work);
            if (next == null) {
                run.stop(StopReason.DIVERGED);
                break;
            }
            previous = x;
            run.moveTo(next);
        }
        return run.result(this);
    }

    /**
     * The update rule: x_{k+1} in a new array from x_k, x_{k−1} and ∇V(x_k), or null when V is not finite at
     * a point the rule evaluates (the run then stops as diverged).
     *
     * @param work scratch space of length n, free for the rule
     */
    abstract double[] next(ScalarField f, double[] x, double[] previous, double[] g, double[] work);
}
