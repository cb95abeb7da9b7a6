package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

/**
 * Nesterov's accelerated gradient method with constant momentum: y_k = x_k + β(x_k − x_{k−1}),
 * x_{k+1} = y_k − α∇V(y_k), with x_{−1} = x₀; the gradient is taken at the extrapolated point. For a
 * μ-strongly convex V with L-Lipschitz gradient, α = 1/L and β = (√κ − 1)/(√κ + 1) give
 * V(x_k) − V* = O((1 − 1/√κ)^k). The trajectory records x_k (not y_k).
 *
 * <p>Reference: Yu. Nesterov, <i>Lectures on Convex Optimization</i>, 2nd ed., Springer 2018, §2.2.1
 * (constant step scheme III).
 */
public final class Nesterov extends MomentumMethod {

    /**
     * @param step     α, finite and &gt; 0
     * @param momentum β in [0, 1)
     * @throws CoreException otherwise, naming the parameter
     */
    public Nesterov(double step, double momentum) {
        super(step, momentum);
    }

    @Override
    public DescentAlgorithm algorithm() {
        return DescentAlgorithm.NESTEROV;
    }

    /** y = x_k + β(x_k − x_{k−1}), x_{k+1} = y − α∇V(y); ∇V(y) goes to the scratch array. */
    @Override
    double[] next(ScalarField f, double[] x, double[] previous, double[] g, double[] work) {
        int n = x.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + momentum * (x[i] - previous[i]);
        }
        if (!Double.isFinite(f.gradient(y, work))) {
            return null;
        }
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            next[i] = y[i] - step * work[i];
        }
        return next;
    }
}
