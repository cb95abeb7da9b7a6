package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fallline.core.internal.DescentRun;
import org.fallline.core.internal.SymmetricEigen;
import org.fallline.core.internal.Vectors;

/**
 * Damped Newton's method with a modified Hessian: with ∇²V(x) = QΛQᵀ (SymmetricEigen)
 * the direction is d = −Q|Λ|₊⁻¹Qᵀ∇V, where each eigenvalue is replaced by max(|λ|, δ), δ = 10⁻⁸·max|λ|.
 * The modified Hessian is positive definite, so d is a descent direction even where ∇²V is indefinite
 * (near a saddle the negative-curvature directions are followed downhill instead of towards the saddle);
 * the step t is found by Armijo backtracking from t = 1 (c₁ = 10⁻⁴, factor ½). Where ∇²V is positive
 * definite this is Newton's method and converges quadratically; on a positive definite quadratic it
 * reaches x* in one step.
 *
 * <p>Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006, §3.4
 * (Hessian modification); Y. Dauphin et al., Identifying and attacking the saddle point problem in
 * high-dimensional non-convex optimization, NeurIPS 2014 (the |λ| modification).
 */
public final class NewtonMethod implements DescentMethod {

    /** Sufficient-decrease constant c₁. */
    public static final double C1 = 1e-4;
    /** Backtracking factor. */
    public static final double SHRINK = 0.5;
    /** Eigenvalues below this fraction of max|λ| are raised to it. */
    private static final double FLOOR = 1e-8;

    @Override
    public DescentAlgorithm algorithm() {
        return DescentAlgorithm.NEWTON;
    }

    /** {c1, shrink}. */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("c1", C1);
        p.put("shrink", SHRINK);
        return p;
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop, StepObserver observer) {
        int n = f.dimension();
        double[][] h = new double[n][n];
        DescentRun run = new DescentRun(f, x0, stop, false, observer);
        while (run.going()) {
            double[] g = run.gradient();
            f.hessian(run.x(), g, h);
            double[] d;
            try {
                SymmetricEigen eig = SymmetricEigen.of(h);
                double radius = eig.spectralRadius();
                double floor = radius > 0 ? FLOOR * radius : 1.0;
                d = eig.apply(l -> -1.0 / Math.max(Math.abs(l), floor), g);
            } catch (CoreException notFinite) {
                // A non-finite Hessian at a finite point: the field cannot be followed further.
                run.stop(StopReason.DIVERGED);
                break;
            }
            run.backtrack(d, Vectors.dot(g, d), 1.0, C1, SHRINK);
        }
        return run.result(this);
    }
}
