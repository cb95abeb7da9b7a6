package org.fallline.geometry.internal;

import org.fallline.core.CoreException;
import org.fallline.core.linear.ConjugateGradientSolver;
import org.fallline.core.linear.CsrMatrix;
import org.fallline.core.linear.GridShape;
import org.fallline.core.linear.IncompleteCholesky;
import org.fallline.core.linear.Multigrid;
import org.fallline.core.linear.Preconditioner;
import org.fallline.geometry.GeometryException;

/**
 * Preconditioned conjugate gradients from core.linear: with a Galerkin geometric multigrid V-cycle on the
 * interior grid of a structured mesh, or with incomplete Cholesky IC(0) on an unstructured one. Not thread-safe
 * (it may keep its preconditioner).
 */
public final class CgSolver implements HessianSolver {

    private final GridShape grid;
    private final boolean reuse;
    private Preconditioner kept;

    /**
     * @param grid the interior grid for multigrid, or null for IC(0)
     * @param reuse keep the preconditioner built for the first matrix for all later ones (Newton's Hessians
     *        change little from step to step; CG stays exact with any fixed SPD preconditioner, only its
     *        iteration count depends on how well it fits)
     */
    public CgSolver(GridShape grid, boolean reuse) {
        this.grid = grid;
        this.reuse = reuse;
    }

    @Override
    public int solve(SparsePattern pattern, double[] values, double[] b, double[] x, double relTol) {
        int n = pattern.rows();
        CsrMatrix.Builder builder = CsrMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            for (int p = pattern.rowStart[i]; p < pattern.rowStart[i + 1]; p++) {
                builder.add(i, pattern.columns[p], values[p]);
            }
        }
        CsrMatrix a = builder.build();
        try {
            Preconditioner m = reuse && kept != null ? kept
                    : grid != null ? Multigrid.galerkin(a, grid) : IncompleteCholesky.of(a);
            kept = m;
            return ConjugateGradientSolver.withTolerance(relTol).solve(a, b, x, m).iterations();
        } catch (CoreException e) {
            throw GeometryException.numerical("linear solve failed: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return grid != null ? "mg-cg" : "ic0-cg";
    }
}
