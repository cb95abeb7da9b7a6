package org.fallline.core.linear;

import org.fallline.core.CoreException;

/**
 * The Jacobi (diagonal) preconditioner M = diag(A), z = D⁻¹ r (Saad, <i>Iterative Methods for Sparse Linear
 * Systems</i>, 2nd ed., SIAM 2003, §10.2). It equalises the rows of badly scaled systems and costs one
 * multiply per unknown. Immutable and thread-safe.
 */
public final class JacobiPreconditioner implements Preconditioner {

    private final double[] inverseDiagonal;

    private JacobiPreconditioner(double[] inverseDiagonal) {
        this.inverseDiagonal = inverseDiagonal;
    }

    /**
     * The Jacobi preconditioner of a square matrix.
     *
     * @throws CoreException if a diagonal entry is not positive (A cannot be positive definite)
     */
    public static JacobiPreconditioner of(CsrMatrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("Jacobi preconditioner needs a square matrix, got " + a);
        }
        double[] d = a.diagonal();
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] > 0.0) || !Double.isFinite(d[i])) {
                throw CoreException.numerical("Jacobi preconditioner: diagonal entry " + d[i] + " at row " + i
                        + " is not positive, so the matrix is not positive definite");
            }
            d[i] = 1.0 / d[i];
        }
        return new JacobiPreconditioner(d);
    }

    @Override
    public void apply(double[] r, double[] z) {
        for (int i = 0; i < inverseDiagonal.length; i++) {
            z[i] = inverseDiagonal[i] * r[i];
        }
    }
}
