package org.fallline.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fallline.core.internal.IterationRecorder;
import org.fallline.core.internal.ParameterChecks;

/**
 * Polyak's heavy-ball method: x_{k+1} = x_k − α∇V(x_k) + β(x_k − x_{k−1}), with x_{−1} = x₀, a
 * discretisation of the damped oscillator ẍ + bẋ + ∇V = 0. On a quadratic with eigenvalues in [μ, L]
 * the choice α = 4/(√L + √μ)², β = ((√κ − 1)/(√κ + 1))² gives the rate (√κ − 1)/(√κ + 1): √κ instead of
 * κ iterations per digit.
 *
 * <p>Reference: B. T. Polyak, Some methods of speeding up the convergence of iteration methods,
 * USSR Comput. Math. Math. Phys. 4 (1964) 1–17; B. T. Polyak, <i>Introduction to Optimization</i>,
 * Optimization Software 1987, §3.2.1.
 */
public final class HeavyBall implements DescentMethod {

    private final double step;
    private final double momentum;

    /**
     * @param step     α, finite and &gt; 0
     * @param momentum β in [0, 1)
     * @throws CoreException otherwise, naming the parameter
     */
    public HeavyBall(double step, double momentum) {
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
        return "heavy-ball";
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
        IterationRecorder rec = new IterationRecorder(f, x0, g, stop, true);
        StopReason reason = rec.startStatus();
        double[] x = x0.clone();
        double[] previous = x0.clone();
        while (reason == null) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = x[i] - step * g[i] + momentum * (x[i] - previous[i]);
            }
            previous = x;
            x = next;
            double v = f.gradient(x, g);
            reason = rec.accept(x, v, g);
        }
        return rec.result(name(), parameters(), reason);
    }
}
