package org.fallline.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fallline.core.internal.IterationRecorder;
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
    public String name() {
        return "gd";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("step", step);
        return p;
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop) {
        int n = f.dimension();
        double[] g = new double[n];
        IterationRecorder rec = new IterationRecorder(f, x0, g, stop, true);
        StopReason reason = rec.startStatus();
        double[] x = x0.clone();
        while (reason == null) {
            for (int i = 0; i < n; i++) {
                x[i] -= step * g[i];
            }
            double v = f.gradient(x, g);
            reason = rec.accept(x, v, g);
        }
        return rec.result(name(), parameters(), reason);
    }
}
