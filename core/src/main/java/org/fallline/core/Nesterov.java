package org.fallline.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fallline.core.internal.IterationRecorder;
import org.fallline.core.internal.ParameterChecks;

/**
 * Nesterov's accelerated gradient method with constant momentum: y_k = x_k + β(x_k − x_{k−1}),
 * x_{k+1} = y_k − α∇V(y_k), with x_{−1} = x₀; the gradient is taken at the extrapolated point. For a
 * μ-strongly convex V with L-Lipschitz gradient, α = 1/L and β = (√κ − 1)/(√κ + 1) give
 * V(x_k) − V* = O((1 − 1/√κ)^k). The trajectory records x_k (not y_k).
 *
 * <p>Reference: Yu. Nesterov, <i>Lectures on Convex Optimization</i>, 2nd ed., Springer 2018, §2.2.1
 * (constant step scheme III).
 */
public final class Nesterov implements DescentMethod {

    private final double step;
    private final double momentum;

    /**
     * @param step     α, finite and &gt; 0
     * @param momentum β in [0, 1)
     * @throws CoreException otherwise, naming the parameter
     */
    public Nesterov(double step, double momentum) {
        this.step = ParameterChecks.step("step", step);
        this.momentum = ParameterChecks.momentum("momentum", momentum);
    }

    /** α. */
    public double step() {
        return step;
    }

    /** β. */
    public double momentum() {
        return momentum;
    }

    @Override
    public String name() {
        return "nesterov";
    }

    /** {step = α, momentum = β}. */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("step", step);
        p.put("momentum", momentum);
        return p;
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop) {
        int n = f.dimension();
        double[] g = new double[n];
        double[] gy = new double[n];
        IterationRecorder rec = new IterationRecorder(f, x0, g, stop, true);
        StopReason reason = rec.startStatus();
        double[] x = x0.clone();
        double[] previous = x0.clone();
        while (reason == null) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[i] + momentum * (x[i] - previous[i]);
            }
            double vy = f.gradient(y, gy);
            if (!Double.isFinite(vy)) {
                reason = StopReason.DIVERGED;
                break;
            }
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = y[i] - step * gy[i];
            }
            previous = x;
            x = next;
            double v = f.gradient(x, g);
            reason = rec.accept(x, v, g);
        }
        return rec.result(name(), parameters(), reason);
    }
}
