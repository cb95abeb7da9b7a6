package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

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
public final class HeavyBall extends MomentumMethod {

    /**
     * @param step     α, finite and &gt; 0
     * @param momentum β in [0, 1)
     * @throws CoreException otherwise, naming the parameter
     */
    public HeavyBall(double step, double momentum) {
        super(step, momentum);
    }

    @Override
    public DescentAlgorithm algorithm() {
        return DescentAlgorithm.HEAVY_BALL;
    }

    /** x_{k+1} = x_k − α∇V(x_k) + β(x_k − x_{k−1}). */
    @Override
    double[] next(ScalarField f, double[] x, double[] previous, double[] g, double[] work) {
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - step * g[i] + momentum * (x[i] - previous[i]);
        }
        return next;
    }
}
