package org.fallline.geometry.internal;

/**
 * Solves H x = b for a symmetric positive definite matrix given by a {@link SparsePattern} and its
 * values (the Hessian of the discrete area, or a time-step matrix of a flow).
 */
public interface HessianSolver {

    /**
     * Solves to relative residual {@code relTol} (direct solvers: to rounding).
     *
     * @param x the initial guess, overwritten by the solution
     * @return the iterations taken (0 for a direct solve)
     */
    int solve(SparsePattern pattern, double[] values, double[] b, double[] x, double relTol);

    /** A short name for reports. */
    String name();
}
