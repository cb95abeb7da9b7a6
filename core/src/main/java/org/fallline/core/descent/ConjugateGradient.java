package org.fallline.core.descent;

import org.fallline.core.field.ScalarField;

import java.util.Map;
import org.fallline.core.internal.DescentRun;
import org.fallline.core.internal.LineSearch;
import org.fallline.core.internal.Vectors;

/**
 * Conjugate gradients. When the field has a constant Hessian A (V = ½xᵀAx − bᵀx + c) this is the linear
 * method of Hestenes and Stiefel: residual r = −∇V, α_k = r_kᵀr_k / p_kᵀAp_k, x_{k+1} = x_k + α_k p_k,
 * r_{k+1} = r_k − α_k Ap_k, p_{k+1} = r_{k+1} + (r_{k+1}ᵀr_{k+1} / r_kᵀr_k) p_k; in exact arithmetic it
 * reaches x* in at most as many steps as A has distinct eigenvalues (≤ n), and the A-norm error obeys
 * ‖e_k‖_A ≤ 2((√κ − 1)/(√κ + 1))^k ‖e₀‖_A. The residual is recomputed from ∇V and the directions
 * restarted every n steps to shed rounding. Negative curvature (pᵀAp ≤ 0) means V is unbounded below:
 * the run stops as diverged.
 *
 * <p>Otherwise it is the nonlinear Polak–Ribière+ method: d_{k+1} = −g_{k+1} + β_k d_k with
 * β_k = max(0, g_{k+1}ᵀ(g_{k+1} − g_k) / g_kᵀg_k), an exact line search (bracket + Brent), and a restart
 * d = −g every n steps or whenever d is not a descent direction.
 *
 * <p>Reference: M. R. Hestenes and E. Stiefel, Methods of conjugate gradients for solving linear systems,
 * J. Res. Nat. Bur. Standards 49 (1952) 409–436; J. Nocedal and S. J. Wright, <i>Numerical
 * Optimization</i>, 2nd ed., Springer 2006, §5.1 and §5.2 (PR+).
 */
public final class ConjugateGradient implements DescentMethod {

    @Override
    public DescentAlgorithm algorithm() {
        return DescentAlgorithm.CONJUGATE_GRADIENT;
    }

    /** None: an empty map. */
    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop, StepObserver observer) {
        DescentRun run = new DescentRun(f, x0, stop, false, observer);
        if (run.going()) {
            double[][] a = run.constantHessian();
            if (a != null) {
                linear(f, run, a);
            } else {
                nonlinear(f, run);
            }
        }
        return run.result(this);
    }

    private static void linear(ScalarField f, DescentRun run, double[][] a) {
        int n = f.dimension();
        double[] r = Vectors.negate(run.gradient());
        double[] p = r.clone();
        double rr = Vectors.dot(r, r);
        while (run.going()) {
            double[] ap = Vectors.times(a, p);
            double curvature = Vectors.dot(p, ap);
            if (!(curvature > 0)) {
                run.stop(StopReason.DIVERGED);
                return;
            }
            double alpha = rr / curvature;
            double[] x = run.x();
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = x[i] + alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            run.moveTo(next);
            if (!run.going()) {
                return;
            }
            if (run.iterations() % n == 0) {
                r = Vectors.negate(run.gradient());
                p = r.clone();
                rr = Vectors.dot(r, r);
            } else {
                double rrNext = Vectors.dot(r, r);
                double beta = rrNext / rr;
                rr = rrNext;
                for (int i = 0; i < n; i++) {
                    p[i] = r[i] + beta * p[i];
                }
            }
        }
    }

    private static void nonlinear(ScalarField f, DescentRun run) {
        int n = f.dimension();
        double[] d = Vectors.negate(run.gradient());
        double trial = 1.0 / Math.max(1.0, Vectors.norm(run.gradient()));
        int sinceRestart = 0;
        while (run.going()) {
            double[] x = run.x();
            double v = run.value();
            double[] g = run.gradient();
            boolean steepest = sinceRestart == 0;
            if (!(Vectors.dot(g, d) < 0)) {
                d = Vectors.negate(g);
                steepest = true;
            }
            double t = LineSearch.exact(f, x, v, d, trial);
            if (t == 0 && !steepest) {
                d = Vectors.negate(g);
                t = LineSearch.exact(f, x, v, d, trial);
            }
            if (t == 0) {
                run.stop(StopReason.STALLED);
                return;
            }
            trial = t;
            double[] gPrevious = g.clone();
            run.moveTo(LineSearch.along(x, t, d));
            if (!run.going()) {
                return;
            }
            sinceRestart = (sinceRestart + 1) % n;
            double beta = 0;
            if (sinceRestart != 0) {
                double num = 0;
                for (int i = 0; i < n; i++) {
                    num += g[i] * (g[i] - gPrevious[i]);
                }
                beta = Math.max(0, num / Vectors.dot(gPrevious, gPrevious));
            }
            for (int i = 0; i < n; i++) {
                d[i] = -g[i] + beta * d[i];
            }
        }
    }
}
