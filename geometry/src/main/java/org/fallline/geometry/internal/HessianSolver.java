package org.fallline.geometry.internal;

/**
 * Solves H x = b for a symmetric positive definite matrix on a fixed {@link SparsePattern}, whose values
 * change between solves (the Hessian of the discrete area at successive Newton iterates, or the matrix of
 * successive time steps of a flow). Not thread-safe.
 */
public interface HessianSolver {

    /** Takes the values (in pattern order, copied) of the matrix that the following solves use. */
    void setMatrix(double[] values);

    /**
     * Solves to relative residual ‖b − H x‖ ≤ {@code relTol}·‖b‖ (direct solvers: to rounding), from the
     * initial guess in x — so a solve to a loose tolerance can be continued to a tighter one.
     *
     * @param x the initial guess, overwritten by the solution
     * @return the iterations taken (0 for a direct solve)
     */
    int solve(double[] b, double[] x, double relTol);

    /** A short name for reports. */
    String name();
}
