package org.fallline.core;

import java.util.Map;
import org.fallline.core.internal.DescentRun;
import org.fallline.core.internal.Momentum;

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

    private final Momentum constants;

    /**
     * @param step     α, finite and &gt; 0
     * @param momentum β in [0, 1)
     * @throws CoreException otherwise, naming the parameter
     */
    public Nesterov(double step, double momentum) {
        this.constants = new Momentum(step, momentum);
    }

    /** α. */
    public double step() {
        return constants.step();
    }

    /** β. */
    public double momentum() {
        return constants.momentum();
    }

    @Override
    public String name() {
        return "nesterov";
    }

    /** {step = α, momentum = β}. */
    @Override
    public Map<String, Double> parameters() {
        return constants.parameters();
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop) {
        double alpha = constants.step();
        double beta = constants.momentum();
        int n = f.dimension();
        double[] gy = new double[n];
        DescentRun run = new DescentRun(f, x0, stop, true);
        double[] previous = x0.clone();
        while (run.going()) {
            double[] x = run.x();
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[i] + beta * (x[i] - previous[i]);
            }
            if (!Double.isFinite(f.gradient(y, gy))) {
                run.stop(StopReason.DIVERGED);
                break;
            }
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = y[i] - alpha * gy[i];
            }
            previous = x;
            run.moveTo(next);
        }
        return run.result(this);
    }
}
