package org.fallline.geometry.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.fallline.geometry.GeometryException;

/**
 * Sparse Cholesky factorisation H = LLᵀ by EJML's up-looking algorithm (Davis, <i>Direct Methods for
 * Sparse Linear Systems</i>, SIAM 2006, ch. 4). The symmetric compressed-row pattern is read as
 * compressed columns (they coincide for a symmetric matrix). The mesh's own vertex order — rings or
 * grid rows — is kept: it is banded, so the fill stays near bandwidth × n.
 */
public final class CholeskySolver implements HessianSolver {

    @Override
    public int solve(SparsePattern pattern, double[] values, double[] b, double[] x, double relTol) {
        int n = pattern.rows();
        DMatrixSparseCSC a = new DMatrixSparseCSC(n, n, pattern.nonZeros());
        System.arraycopy(pattern.rowStart, 0, a.col_idx, 0, n + 1);
        System.arraycopy(pattern.columns, 0, a.nz_rows, 0, pattern.nonZeros());
        System.arraycopy(values, 0, a.nz_values, 0, pattern.nonZeros());
        a.nz_length = pattern.nonZeros();
        a.indicesSorted = true;
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
        if (!solver.setA(a)) {
            throw GeometryException.numerical("sparse Cholesky factorisation failed: the matrix is not positive definite");
        }
        DMatrixRMaj rhs = DMatrixRMaj.wrap(n, 1, b.clone());
        DMatrixRMaj sol = new DMatrixRMaj(n, 1);
        solver.solve(rhs, sol);
        System.arraycopy(sol.data, 0, x, 0, n);
        return 0;
    }

    @Override
    public String name() {
        return "cholesky";
    }
}
