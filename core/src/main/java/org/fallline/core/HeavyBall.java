package org.fallline.core;

import java.util.Map;
import org.fallline.core.internal.DescentRun;
import org.fallline.core.internal.Momentum;

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

    private final Momentum constants;

    /**
     * @param step     α, finite and &gt; 0
     * @param momentum β in [0, 1)
     * @throws CoreException otherwise, naming the parameter
     */
    public HeavyBall(double step, double momentum) {
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
        return "heavy-ball";
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
        DescentRun run = new DescentRun(f, x0, stop, true);
        double[] previous = x0.clone();
        while (run.going()) {
            double[] x = run.x();
            double[] g = run.gradient();
            double[] next = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                next[i] = x[i] - alpha * g[i] + beta * (x[i] - previous[i]);
            }
            previous = x;
            run.moveTo(next);
        }
        return run.result(this);
    }
}
