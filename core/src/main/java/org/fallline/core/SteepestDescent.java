package org.fallline.core;

import java.util.Map;
import org.fallline.core.internal.IterationRecorder;
import org.fallline.core.internal.LineSearch;
import org.fallline.core.internal.SymmetricEigen;
import org.fallline.core.internal.Vectors;

/**
 * Steepest descent with an exact line search: x_{k+1} = x_k − t_k∇V(x_k), t_k = argmin_{t&gt;0} V(x_k − t∇V(x_k)).
 * When the field has a constant Hessian A the minimiser is the closed form t_k = gᵀg / gᵀAg; otherwise the
 * step is bracketed and found by Brent's method (commons-math3 BrentOptimizer). On a quadratic the
 * energy error V − V* shrinks at worst by ((κ − 1)/(κ + 1))² per step (Kantorovich), successive steps
 * being orthogonal (the zig-zag).
 *
 * <p>V never increases along the recorded trajectory: should rounding make a closed-form step raise the
 * computed V, the run stops as {@link StopReason#STALLED}.
 *
 * <p>Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006,
 * §3.3, Theorem 3.3.
 */
public final class SteepestDescent implements DescentMethod {

    @Override
    public String name() {
        return "steepest";
    }

    /** None: an empty map. */
    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop) {
        int n = f.dimension();
        double[] g = new double[n];
        IterationRecorder rec = new IterationRecorder(f, x0, g, stop, false);
        StopReason reason = rec.startStatus();
        double[][] a = f.hasConstantHessian() && reason == null ? SymmetricEigen.symmetrise(f.hessian(x0)) : null;
        double[] x = x0.clone();
        double v = rec.startValue();
        double trial = 1.0 / Math.max(1.0, Vectors.norm(g));
        while (reason == null) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            double t;
            if (a != null) {
                double curvature = Vectors.dot(g, Vectors.times(a, g));
                if (!(curvature > 0)) {
                    // V is unbounded below along −∇V: there is no exact step.
                    reason = StopReason.DIVERGED;
                    break;
                }
                t = Vectors.dot(g, g) / curvature;
            } else {
                t = LineSearch.exact(f, x, v, d, trial);
                if (t == 0) {
                    reason = StopReason.STALLED;
                    break;
                }
                trial = t;
            }
            double[] y = LineSearch.along(x, t, d);
            if (java.util.Arrays.equals(x, y)) {
                reason = StopReason.STALLED;
                break;
            }
            double[] gy = new double[n];
            double vy = f.gradient(y, gy);
            if (vy > v) {
                // The exact step cannot raise V; a computed rise means V is at its rounding level.
                reason = StopReason.STALLED;
                break;
            }
            x = y;
            v = vy;
            g = gy;
            reason = rec.accept(x, v, g);
        }
        return rec.result(name(), parameters(), reason);
    }
}
