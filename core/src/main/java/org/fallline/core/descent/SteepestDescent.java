package org.fallline.core.descent;

import org.fallline.core.field.ScalarField;

import java.util.Map;
import org.fallline.core.internal.DescentRun;
import org.fallline.core.internal.LineSearch;
import org.fallline.core.internal.Vectors;

/**
 * Steepest descent with an exact line search: x_{k+1} = x_k − t_k∇V(x_k), t_k = argmin_{t&gt;0} V(x_k − t∇V(x_k)).
 * When the field has a constant Hessian A the minimiser is the closed form t_k = gᵀg / gᵀAg; otherwise the
 * step is bracketed and found by Brent's method (commons-math3 BrentOptimizer). On a quadratic the
 * energy error V − V* shrinks at worst by ((κ − 1)/(κ + 1))² per step (Kantorovich), successive steps
 * being orthogonal (the zig-zag).
 *
 * <p>On a quadratic the closed-form step lowers V by ½(gᵀg)²/gᵀAg exactly, so the run goes on to the gradient
 * tolerance even where the computed V has reached its rounding level; otherwise V never increases along the
 * recorded trajectory: should rounding make a Brent step raise the computed V, the run stops as
 * {@link StopReason#STALLED}.
 *
 * <p>Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006,
 * §3.3, Theorem 3.3.
 */
public final class SteepestDescent implements DescentMethod {

    @Override
    public DescentAlgorithm algorithm() {
        return DescentAlgorithm.STEEPEST;
    }

    /** None: an empty map. */
    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop, StepObserver observer) {
        DescentRun run = new DescentRun(f, x0, stop, false, observer);
        double[][] a = run.constantHessian();
        double trial = 1.0 / Math.max(1.0, Vectors.norm(run.gradient()));
        while (run.going()) {
            double[] x = run.x();
            double[] g = run.gradient();
            double v = run.value();
            double[] d = Vectors.negate(g);
            double t;
            if (a != null) {
                double curvature = Vectors.dot(g, Vectors.times(a, g));
                if (!(curvature > 0)) {
                    // V is unbounded below along −∇V: there is no exact step.
                    run.stop(StopReason.DIVERGED);
                    break;
                }
                t = Vectors.dot(g, g) / curvature;
            } else {
                t = LineSearch.exact(f, x, v, d, trial);
                if (t == 0) {
                    run.stop(StopReason.STALLED);
                    break;
                }
                trial = t;
            }
            double[] y = LineSearch.along(x, t, d);
            if (java.util.Arrays.equals(x, y)) {
                run.stop(StopReason.STALLED);
                break;
            }
            double[] gy = new double[x.length];
            double vy = f.gradient(y, gy);
            if (a == null && vy > v) {
                // The exact step cannot raise V; a computed rise means V is at its rounding level.
                run.stop(StopReason.STALLED);
                break;
            }
            // On a quadratic the closed-form step lowers V by ½(gᵀg)²/gᵀAg > 0 exactly, whatever V's rounding says.
            run.moveTo(y, vy, gy);
        }
        return run.result(this);
    }
}
