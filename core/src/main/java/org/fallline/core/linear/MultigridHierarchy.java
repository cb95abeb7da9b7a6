package org.fallline.core.linear;

import java.util.ArrayList;
import java.util.List;
import org.fallline.core.CoreException;

/**
 * The immutable part of a {@link Multigrid}: level operators A_ℓ with A_{ℓ+1} = P_ℓᵀ A_ℓ P_ℓ, grid shapes,
 * interpolations P_ℓ and restrictions P_ℓᵀ, inverse diagonals for the smoother, the coarsest factorisation.
 */
final class MultigridHierarchy {

    final CsrMatrix[] a;
    final GridShape[] shapes;
    final CsrMatrix[] interpolation;
    final CsrMatrix[] restriction;
    final double[][] inverseDiagonal;
    final DenseCholesky coarsest;

    /** The smoother data and coarsest factorisation for the given levels. */
    MultigridHierarchy(Levels levels) {
        this.a = levels.a();
        this.shapes = levels.shapes();
        this.interpolation = levels.interpolation();
        this.restriction = levels.restriction();
        inverseDiagonal = new double[a.length - 1][];
        for (int l = 0; l < a.length - 1; l++) {
            double[] d = a[l].diagonal();
            for (int i = 0; i < d.length; i++) {
                if (!(d[i] > 0.0) || !Double.isFinite(d[i])) {
                    throw CoreException.numerical("multigrid: diagonal entry " + d[i] + " at row " + i
                            + (l == 0 ? "" : " of coarse level " + l)
                            + " is not positive, so the matrix is not positive definite");
                }
                d[i] = 1.0 / d[i];
            }
            inverseDiagonal[l] = d;
        }
        coarsest = new DenseCholesky(a[a.length - 1]);
    }

    /** The Galerkin hierarchy of A on the grid. */
    static MultigridHierarchy galerkin(CsrMatrix fine, GridShape shape) {
        return new MultigridHierarchy(Levels.galerkin(fine, shape));
    }

    /**
     * The level operators and transfers of a Galerkin hierarchy, without the smoother data: what a family
     * M + cL keeps for M and for L.
     */
    record Levels(CsrMatrix[] a, GridShape[] shapes, CsrMatrix[] interpolation, CsrMatrix[] restriction) {

        static Levels galerkin(CsrMatrix fine, GridShape shape) {
            if (fine.rows() != fine.cols() || fine.rows() != shape.unknowns()) {
                throw new IllegalArgumentException("multigrid: a " + fine.rows() + " × " + fine.cols()
                        + " matrix does not fit the grid " + shape + " (" + shape.unknowns() + " unknowns)");
            }
            List<CsrMatrix> ops = new ArrayList<>();
            List<GridShape> grids = new ArrayList<>();
            List<CsrMatrix> ps = new ArrayList<>();
            List<CsrMatrix> rs = new ArrayList<>();
            CsrMatrix current = fine;
            GridShape grid = shape;
            ops.add(current);
            grids.add(grid);
            for (GridShape next = GridTransfer.coarsen(grid); next != null; next = GridTransfer.coarsen(grid)) {
                CsrMatrix p = GridTransfer.interpolation(grid, next);
                CsrMatrix r = p.transpose();
                current = r.multiply(current.multiply(p));
                grid = next;
                ps.add(p);
                rs.add(r);
                ops.add(current);
                grids.add(grid);
            }
            return new Levels(ops.toArray(new CsrMatrix[0]), grids.toArray(new GridShape[0]),
                    ps.toArray(new CsrMatrix[0]), rs.toArray(new CsrMatrix[0]));
        }

        /** The same transfers applied to B: its Galerkin operators, one triple product per level. */
        Levels withFine(CsrMatrix b) {
            CsrMatrix[] ops = new CsrMatrix[a.length];
            ops[0] = b;
            for (int l = 0; l + 1 < a.length; l++) {
                ops[l + 1] = restriction[l].multiply(ops[l].multiply(interpolation[l]));
            }
            return new Levels(ops, shapes, interpolation, restriction);
        }

        /**
         * The levels of αA + βB, with B's levels on the same transfers: the Galerkin product is linear,
         * Pᵀ(αA + βB)P = α PᵀAP + β PᵀBP, so no product is recomputed.
         */
        Levels combine(double alpha, double beta, Levels b) {
            CsrMatrix[] ops = new CsrMatrix[a.length];
            for (int l = 0; l < ops.length; l++) {
                ops[l] = CsrMatrix.linearCombination(alpha, a[l], beta, b.a[l]);
            }
            return new Levels(ops, shapes, interpolation, restriction);
        }
    }
}
