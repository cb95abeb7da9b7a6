package org.fallline.core.linear;

/**
 * A square linear map y = A x on ℝⁿ, given only by its action — all that Krylov methods such as conjugate
 * gradients need (Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., SIAM 2003, §6.1).
 * Implementations write into the caller's {@code y} and allocate nothing, so they can be called once per
 * iteration on a million unknowns.
 */
public interface LinearOperator {

    /** n, the number of unknowns (rows and columns of A). */
    int dimension();

    /**
     * y = A x. The arrays have length {@link #dimension()} and must not be the same array.
     *
     * @param x the vector acted on (not modified)
     * @param y overwritten with A x
     */
    void apply(double[] x, double[] y);
}
