package org.fallline.geometry.internal;

import org.fallline.core.CoreException;
import org.fallline.core.linear.ConjugateGradientSolver;
import org.fallline.core.linear.CsrMatrix;
import org.fallline.core.linear.GridShape;
import org.fallline.core.linear.IncompleteCholesky;
import org.fallline.core.linear.LinearSolveResult;
import org.fallline.core.linear.Multigrid;
import org.fallline.core.linear.Preconditioner;
import org.fallline.geometry.GeometryException;

/**
 * Preconditioned conjugate gradients from core.linear: with a Galerkin geometric multigrid V-cycle on the
 * interior grid of a structured mesh, or with incomplete Cholesky IC(0) on an unstructured one. The matrix is
 * formed on the mesh's pattern without sorting ({@link CsrMatrix#ofCompressedRows} once, then
 * {@link CsrMatrix#withValues}). Not thread-safe (it may keep its preconditioner).
 *
 * <p>With reuse, the preconditioner built for one matrix serves the following ones — Newton's Hessians change
 * little from step to step, and CG stays exact with any fixed SPD preconditioner, only its iteration count
 * depends on how well it fits — until a solve contracts the residual by less than {@value #REBUILD_RATE} per
 * iteration on average (a fresh multigrid gives about 0.05); then the next matrix gets a new one.
 */
public final class CgSolver implements HessianSolver {

    static final double REBUILD_RATE = 0.3;

    private final GridShape grid;
    private final boolean reuse;
    private final CsrMatrix pattern;
    private CsrMatrix matrix;
    private Preconditioner kept;
    private boolean stale = true;

    /**
     * @param pattern the matrices' sparsity pattern
     * @param grid the interior grid for multigrid, or null for IC(0)
     * @param reuse keep a preconditioner for later matrices while it still converges fast
     */
    public CgSolver(SparsePattern pattern, GridShape grid, boolean reuse) {
        this.grid = grid;
        this.reuse = reuse;
        int n = pattern.rows();
        this.pattern = CsrMatrix.ofCompressedRows(n, n, pattern.rowStart, pattern.columns,
                new double[pattern.nonZeros()]);
    }

    @Override
    public void setMatrix(double[] values) {
        matrix = pattern.withValues(values);
        stale |= !reuse;
    }

    @Override
    public int solve(double[] b, double[] x, double relTol) {
        try {
            if (stale || kept == null) {
                kept = grid != null ? Multigrid.galerkin(matrix, grid) : IncompleteCholesky.of(matrix);
                stale = false;
            }
            LinearSolveResult r = ConjugateGradientSolver.withTolerance(relTol).solve(matrix, b, x, kept);
            if (r.iterations() > 0 && r.relativeResidual() > 0
                    && Math.pow(r.relativeResidual(), 1.0 / r.iterations()) > REBUILD_RATE) {
                stale = true;
            }
            return r.iterations();
        } catch (CoreException e) {
            throw GeometryException.numerical("linear solve failed: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return grid != null ? "mg-cg" : "ic0-cg";
    }
}
