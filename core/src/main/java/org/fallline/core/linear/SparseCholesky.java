package org.fallline.core.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.IGrowArray;
import org.ejml.sparse.ComputePermutation;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.linsol.chol.LinearSolverCholesky_DSCC;
import org.fallline.core.CoreException;

/**
 * The sparse Cholesky factorisation P A Pᵀ = L Lᵀ of a symmetric positive definite matrix, for direct solves
 * on unstructured meshes where {@link Multigrid} does not apply. P is the reverse Cuthill–McKee ordering
 * (George &amp; Liu 1981, §4.3), so the factor fills only the envelope of the reordered matrix: for a 2-D mesh
 * of N nodes about N^{3/2} entries and N² flops, which is fine up to some 10⁵ unknowns; beyond that
 * preconditioned CG is the better choice. The numeric factorisation is EJML's up-looking sparse Cholesky
 * (T. A. Davis, <i>Direct Methods for Sparse Linear Systems</i>, SIAM 2006, §4.7).
 *
 * <p>{@link #solve} and {@link #apply} (the exact inverse as a preconditioner) reuse EJML's work arrays, so an
 * instance is not safe for concurrent use.
 */
public final class SparseCholesky implements Preconditioner {

    private final int n;
    private final LinearSolverCholesky_DSCC solver;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;
    private final int factorNonZeros;

    private SparseCholesky(int n, LinearSolverCholesky_DSCC solver, int factorNonZeros) {
        this.n = n;
        this.solver = solver;
        this.rhs = new DMatrixRMaj(n, 1);
        this.solution = new DMatrixRMaj(n, 1);
        this.factorNonZeros = factorNonZeros;
    }

    /**
     * Factorises A (symmetric; both triangles stored, as {@link CsrMatrix#builder} assembles them).
     *
     * @throws CoreException if A is not positive definite
     */
    public static SparseCholesky of(CsrMatrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("sparse Cholesky needs a square matrix, got " + a);
        }
        int n = a.rows();
        // A symmetric CSR matrix read as compressed columns is itself: no transpose needed.
        DMatrixSparseCSC csc = new DMatrixSparseCSC(n, n, a.nonZeros());
        System.arraycopy(a.rowStart, 0, csc.col_idx, 0, n + 1);
        System.arraycopy(a.columns, 0, csc.nz_rows, 0, a.nonZeros());
        System.arraycopy(a.values, 0, csc.nz_values, 0, a.nonZeros());
        csc.nz_length = a.nonZeros();
        csc.indicesSorted = true;
        int[] perm = ReverseCuthillMcKee.order(a);
        ComputePermutation<DMatrixSparseCSC> ordering = new ComputePermutation<>(true, true) {
            @Override
            public void process(DMatrixSparseCSC m) {
                prow = grow(prow, perm);
                pcol = grow(pcol, perm);
            }
        };
        CholeskyUpLooking_DSCC cholesky = new CholeskyUpLooking_DSCC();
        LinearSolverCholesky_DSCC solver = new LinearSolverCholesky_DSCC(cholesky, ordering);
        boolean ok;
        try {
            ok = solver.setA(csc);
        } catch (RuntimeException e) {
            throw CoreException.numerical("sparse Cholesky failed: " + e.getMessage());
        }
        DMatrixSparseCSC l = cholesky.getL();
        if (!ok || !finiteDiagonal(l)) {
            throw CoreException.numerical("sparse Cholesky: the matrix is not positive definite");
        }
        return new SparseCholesky(n, solver, l.nz_length);
    }

    private static IGrowArray grow(IGrowArray target, int[] values) {
        IGrowArray g = target == null ? new IGrowArray() : target;
        g.reshape(values.length);
        System.arraycopy(values, 0, g.data, 0, values.length);
        return g;
    }

    private static boolean finiteDiagonal(DMatrixSparseCSC l) {
        for (int j = 0; j < l.numCols; j++) {
            double d = l.get(j, j);
            if (!(d > 0.0) || !Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /** The number of stored entries of L. */
    public int factorNonZeros() {
        return factorNonZeros;
    }

    /** x = A⁻¹ b. */
    public void solve(double[] b, double[] x) {
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("sparse Cholesky: need vectors of length " + n + ", got " + b.length
                    + " and " + x.length);
        }
        System.arraycopy(b, 0, rhs.data, 0, n);
        solver.solve(rhs, solution);
        System.arraycopy(solution.data, 0, x, 0, n);
    }

    /** z = A⁻¹ r: the exact inverse, so CG converges in one step. */
    @Override
    public void apply(double[] r, double[] z) {
        solve(r, z);
    }
}
