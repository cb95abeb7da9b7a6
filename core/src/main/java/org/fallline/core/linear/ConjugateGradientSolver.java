package org.fallline.core.linear;

import org.fallline.core.CoreException;

/**
 * Preconditioned conjugate gradients for A x = b with A symmetric positive definite and a symmetric positive
 * definite preconditioner M⁻¹ (Hestenes–Stiefel 1952; Saad, <i>Iterative Methods for Sparse Linear
 * Systems</i>, 2nd ed., SIAM 2003, Algorithm 9.1):
 * <pre>
 *   r₀ = b − A x₀,  z₀ = M⁻¹r₀,  p₀ = z₀
 *   αₖ = rₖᵀzₖ / pₖᵀA pₖ,  xₖ₊₁ = xₖ + αₖ pₖ,  rₖ₊₁ = rₖ − αₖ A pₖ
 *   zₖ₊₁ = M⁻¹rₖ₊₁,  βₖ = rₖ₊₁ᵀzₖ₊₁ / rₖᵀzₖ,  pₖ₊₁ = zₖ₊₁ + βₖ pₖ
 * </pre>
 * It stops when ‖b − A x‖₂ ≤ tol · ‖b‖₂. In exact arithmetic it ends in at most n steps (Saad, Theorem 6.6
 * on the Lanczos connection), and the error in the A-norm falls at least as 2((√κ − 1)/(√κ + 1))ᵏ with κ the
 * condition number of M⁻¹A (Saad, Theorem 6.29). When the recursive residual reaches the tolerance the true
 * residual is recomputed from x; if rounding has let them drift apart, the iteration restarts from the true
 * residual, so a converged result is converged in fact.
 *
 * <p>Trouble is a {@link CoreException}: pₖᵀA pₖ ≤ 0 (A is not positive definite), rₖᵀzₖ ≤ 0 (the
 * preconditioner is not positive definite), a non-finite value, or — from {@link #solve} — no convergence within
 * the iteration limit. Instances are immutable; each solve allocates its four work vectors once.
 */
public final class ConjugateGradientSolver {

    private final double tolerance;
    private final int maxIterations;

    private ConjugateGradientSolver(double tolerance, int maxIterations) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * A solver stopping at relative residual ‖b − A x‖₂/‖b‖₂ ≤ relTol, with at most max(100, 2n) iterations
     * unless {@link #withMaxIterations} says otherwise.
     */
    public static ConjugateGradientSolver withTolerance(double relTol) {
        if (!(relTol > 0.0) || !Double.isFinite(relTol)) {
            throw new IllegalArgumentException("CG tolerance must be positive and finite, got " + relTol);
        }
        return new ConjugateGradientSolver(relTol, 0);
    }

    /** The same solver with at most k iterations (k ≥ 1). */
    public ConjugateGradientSolver withMaxIterations(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("CG iteration limit must be at least 1, got " + k);
        }
        return new ConjugateGradientSolver(tolerance, k);
    }

    /** The relative residual tolerance. */
    public double tolerance() {
        return tolerance;
    }

    /** The iteration limit for a system of n unknowns. */
    public int maxIterations(int n) {
        return maxIterations > 0 ? maxIterations : Math.max(100, 2 * n);
    }

    /**
     * Solves A x = b.
     *
     * @param a the operator, symmetric positive definite
     * @param b right-hand side (not modified)
     * @param x initial guess on entry, the solution on return
     * @param m preconditioner, symmetric positive definite ({@link Preconditioner#identity()} for plain CG)
     * @return the iterations and the final residual; always converged
     * @throws CoreException if CG does not converge within the limit, or on a breakdown (see the class comment)
     */
    public LinearSolveResult solve(LinearOperator a, double[] b, double[] x, Preconditioner m) {
        LinearSolveResult result = iterate(a, b, x, m);
        if (!result.converged()) {
            throw CoreException.numerical(String.format(java.util.Locale.ROOT,
                    "conjugate gradients did not converge in %d iterations (relative residual %.3g, tolerance %.3g)",
                    result.iterations(), result.relativeResidual(), tolerance));
        }
        return result;
    }

    /**
     * As {@link #solve} but returns, rather than throws, when the iteration limit is reached (then
     * {@code converged()} is false and x is the last iterate) — for inexact Newton steps that can use an
     * approximate solution.
     *
     * @throws CoreException on a breakdown: A or M not positive definite, or a non-finite value
     */
    public LinearSolveResult iterate(LinearOperator a, double[] b, double[] x, Preconditioner m) {
        int n = a.dimension();
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("CG: operator of dimension " + n + " needs b and x of length " + n
                    + ", got " + b.length + " and " + x.length);
        }
        if (a instanceof CsrMatrix c && c.rows != c.cols) {
            throw new IllegalArgumentException("CG needs a square matrix, got " + c);
        }
        int limit = maxIterations(n);
        double bNorm = Math.sqrt(Vectors.dot(b, b));
        if (!Double.isFinite(bNorm)) {
            throw CoreException.numerical("conjugate gradients: the right-hand side is not finite");
        }
        if (bNorm == 0.0) {
            java.util.Arrays.fill(x, 0.0);
            return new LinearSolveResult(0, 0.0, 0.0, true);
        }
        double target = tolerance * bNorm;
        double[] r = new double[n];
        double[] z = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        Vectors.residual(a, b, x, r, q);
        double rNorm = Math.sqrt(Vectors.dot(r, r));
        if (!Double.isFinite(rNorm)) {
            throw CoreException.numerical("conjugate gradients: the initial guess gives a non-finite residual");
        }
        int k = 0;
        while (rNorm > target) {
            if (k >= limit) {
                return new LinearSolveResult(k, rNorm, rNorm / bNorm, false);
            }
            m.apply(r, z);
            System.arraycopy(z, 0, p, 0, n);
            double rz = Vectors.dot(r, z);
            checkPreconditioner(rz, k);
            // Inner loop on the recursive residual; leaves when it reaches the target or the limit.
            while (true) {
                a.apply(p, q);
                double pq = Vectors.dot(p, q);
                k++;
                if (!(pq > 0.0)) {
                    if (Double.isNaN(pq)) {
                        throw CoreException.numerical("conjugate gradients: non-finite value at iteration " + k);
                    }
                    throw CoreException.numerical(String.format(java.util.Locale.ROOT,
                            "conjugate gradients: the operator is not positive definite (pᵀAp = %.3g at iteration %d)",
                            pq, k));
                }
                double alpha = rz / pq;
                double rr = 0.0;
                for (int i = 0; i < n; i++) {
                    x[i] += alpha * p[i];
                    double ri = r[i] - alpha * q[i];
                    r[i] = ri;
                    rr += ri * ri;
                }
                if (!Double.isFinite(rr)) {
                    throw CoreException.numerical("conjugate gradients: non-finite residual at iteration " + k);
                }
                if (Math.sqrt(rr) <= target || k >= limit) {
                    break;
                }
                m.apply(r, z);
                double rzNext = Vectors.dot(r, z);
                checkPreconditioner(rzNext, k);
                double beta = rzNext / rz;
                rz = rzNext;
                for (int i = 0; i < n; i++) {
                    p[i] = z[i] + beta * p[i];
                }
            }
            // The recursive residual says converged (or the limit is reached): check with the true one.
            Vectors.residual(a, b, x, r, q);
            rNorm = Math.sqrt(Vectors.dot(r, r));
        }
        return new LinearSolveResult(k, rNorm, rNorm / bNorm, true);
    }

    private static void checkPreconditioner(double rz, int k) {
        if (!(rz > 0.0)) {
            if (Double.isNaN(rz)) {
                throw CoreException.numerical("conjugate gradients: the preconditioner gave a non-finite value at iteration "
                        + k);
            }
            throw CoreException.numerical(String.format(java.util.Locale.ROOT,
                    "conjugate gradients: the preconditioner is not positive definite (rᵀM⁻¹r = %.3g at iteration %d)",
                    rz, k));
        }
    }
}
