package org.fallline.core;

import java.util.Map;
import org.fallline.core.internal.IterationRecorder;
import org.fallline.core.internal.LineSearch;
import org.fallline.core.internal.SymmetricEigen;
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
    public String name() {
        return "cg";
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
        if (reason == null) {
            reason = f.hasConstantHessian() ? linear(f, x0, g, rec) : nonlinear(f, x0, g, rec);
        }
        return rec.result(name(), parameters(), reason);
    }

    private static StopReason linear(ScalarField f, double[] x0, double[] g, IterationRecorder rec) {
        int n = f.dimension();
        double[][] a = SymmetricEigen.symmetrise(f.hessian(x0));
        double[] x = x0.clone();
        double[] r = negate(g);
        double[] p = r.clone();
        double rr = Vectors.dot(r, r);
        while (true) {
            double[] ap = Vectors.times(a, p);
            double curvature = Vectors.dot(p, ap);
            if (!(curvature > 0)) {
                return StopReason.DIVERGED;
            }
            double alpha = rr / curvature;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double v = f.gradient(x, g);
            StopReason reason = rec.accept(x, v, g);
            if (reason != null) {
                return reason;
            }
            if (rec.iterations() % n == 0) {
                r = negate(g);
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

    private static StopReason nonlinear(ScalarField f, double[] x0, double[] g, IterationRecorder rec) {
        int n = f.dimension();
        double[] x = x0.clone();
        double v = rec.startValue();
        double[] d = negate(g);
        double trial = 1.0 / Math.max(1.0, Vectors.norm(g));
        int sinceRestart = 0;
        while (true) {
            boolean steepest = sinceRestart == 0;
            if (!(Vectors.dot(g, d) < 0)) {
                d = negate(g);
                steepest = true;
            }
            double t = LineSearch.exact(f, x, v, d, trial);
            if (t == 0 && !steepest) {
                d = negate(g);
                t = LineSearch.exact(f, x, v, d, trial);
            }
            if (t == 0) {
                return StopReason.STALLED;
            }
            trial = t;
            x = LineSearch.along(x, t, d);
            double[] gPrevious = g.clone();
            v = f.gradient(x, g);
            StopReason reason = rec.accept(x, v, g);
            if (reason != null) {
                return reason;
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

    private static double[] negate(double[] g) {
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            r[i] = -g[i];
        }
        return r;
    }
}
