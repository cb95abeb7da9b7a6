package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fallline.core.internal.DescentRun;
import org.fallline.core.internal.ParameterChecks;

/**
 * Gradient descent with a fixed step η: x_{k+1} = x_k − η∇V(x_k), the explicit Euler discretisation of
 * the gradient flow. On a quadratic with Hessian eigenvalues μ = λ₁ ≤ … ≤ λₙ = L the error contracts by
 * max|1 − ηλᵢ| per step: stable iff 0 &lt; η &lt; 2/L, fastest at η = 2/(μ + L) with rate (κ − 1)/(κ + 1).
 *
 * <p>Reference: Yu. Nesterov, <i>Lectures on Convex Optimization</i>, 2nd ed., Springer 2018, §2.1.5.
 */
public final class GradientDescent implements DescentMethod {

    private final double step;

    /**
     * @param step η, finite and &gt; 0
     * @throws CoreException otherwise
     */
    public GradientDescent(double step) {
        this.step = ParameterChecks.step("step", step);
    }

    /** η. */
    public double step() {
        return step;
    }

    @Override
    public DescentAlgorithm algorithm() {
        return DescentAlgorithm.GRADIENT_DESCENT;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("step", step);
        return p;
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop, StepObserver observer) {
        DescentRun run = new DescentRun(f, x0, stop, true, observer);
        while (run.going()) {
            double[] x = run.x();
            double[] g = run.gradient();
            double[] next = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                next[i] = x[i] - step * g[i];
            }
            run.moveTo(next);
        }
        return run.result(this);
    }
}
