package org.fallline.core.linear;

/**
 * An approximate inverse z = M⁻¹ r of a symmetric positive definite operator A, used by
 * {@link ConjugateGradientSolver}: preconditioned CG converges at the rate set by the condition number of
 * M⁻¹A instead of A's, (√κ − 1)/(√κ + 1) per step (Saad, <i>Iterative Methods for Sparse Linear Systems</i>,
 * 2nd ed., SIAM 2003, §9.2). For CG, M⁻¹ must itself be symmetric positive definite: zᵀs = rᵀ(M⁻¹s) and
 * rᵀM⁻¹r &gt; 0 for r ≠ 0. Implementations allocate nothing per call; unless they say otherwise they keep
 * work arrays and are not safe for concurrent use by several threads.
 */
public interface Preconditioner {

    /**
     * z = M⁻¹ r.
     *
     * @param r the residual (not modified)
     * @param z overwritten with the preconditioned residual; not the same array as r
     */
    void apply(double[] r, double[] z);

    /** M = I: z = r, plain conjugate gradients. */
    static Preconditioner identity() {
        return (r, z) -> System.arraycopy(r, 0, z, 0, r.length);
    }
}
