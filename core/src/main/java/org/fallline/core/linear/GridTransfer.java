package org.fallline.core.linear;

/**
 * Coarsening of a tensor grid and the (bi/tri)linear interpolation from the coarse grid (Briggs, Henson &amp;
 * McCormick, <i>A Multigrid Tutorial</i>, 2nd ed., SIAM 2000, §3; Trottenberg, Oosterlee &amp; Schüller,
 * <i>Multigrid</i>, Academic Press 2001, §2.3).
 *
 * <p>Along an axis of n ≥ 4 nodes the coarse nodes are the even-numbered fine nodes and, when n is even, the
 * last node as well, so that both ends of every axis are coarse nodes whatever n is: n = 2m + 1 gives m + 1
 * coarse nodes, n = 2m gives m + 1. A fine node between two coarse nodes takes the mean of the two. Because
 * the ends are kept, the same rule serves Dirichlet-eliminated, Neumann and periodic rows; the Galerkin coarse
 * operator PᵀAP carries whatever the boundary rows said. Axes of at most 3 nodes are not coarsened.
 */
final class GridTransfer {

    /** Axes with more nodes than this are coarsened. */
    static final int SMALLEST_COARSENED = 4;

    private GridTransfer() {
    }

    /** The coarse size of an axis of n nodes. */
    static int coarseSize(int n) {
        if (n < SMALLEST_COARSENED) {
            return n;
        }
        return n % 2 == 1 ? (n + 1) / 2 : n / 2 + 1;
    }

    /** The coarse shape, or null when no axis can be coarsened. */
    static GridShape coarsen(GridShape fine) {
        int[] sizes = fine.sizes();
        boolean changed = false;
        for (int d = 0; d < sizes.length; d++) {
            int c = coarseSize(sizes[d]);
            changed |= c != sizes[d];
            sizes[d] = c;
        }
        return changed ? fine.withSizes(sizes) : null;
    }

    /**
     * The interpolation P (fine × coarse) as a CSR matrix: the tensor product of the 1-D interpolations.
     */
    static CsrMatrix interpolation(GridShape fine, GridShape coarse) {
        int dims = fine.dimensions();
        int[] nf = new int[3];
        int[] nc = new int[3];
        for (int d = 0; d < 3; d++) {
            nf[d] = d < dims ? fine.size(d) : 1;
            nc[d] = d < dims ? coarse.size(d) : 1;
        }
        // Per axis and fine node: up to two coarse nodes and weights.
        int[][][] node = new int[3][][];
        double[][][] weight = new double[3][][];
        for (int d = 0; d < 3; d++) {
            node[d] = new int[nf[d]][];
            weight[d] = new double[nf[d]][];
            boolean coarsened = nc[d] != nf[d];
            for (int i = 0; i < nf[d]; i++) {
                if (!coarsened) {
                    node[d][i] = new int[] {i};
                    weight[d][i] = new double[] {1.0};
                } else if (i % 2 == 0) {
                    node[d][i] = new int[] {i / 2};
                    weight[d][i] = new double[] {1.0};
                } else if (i == nf[d] - 1) {
                    node[d][i] = new int[] {nc[d] - 1};
                    weight[d][i] = new double[] {1.0};
                } else {
                    node[d][i] = new int[] {(i - 1) / 2, (i + 1) / 2};
                    weight[d][i] = new double[] {0.5, 0.5};
                }
            }
        }
        int rows = nf[0] * nf[1] * nf[2];
        int[] start = new int[rows + 1];
        int nnz = 0;
        for (int i3 = 0; i3 < nf[2]; i3++) {
            for (int i2 = 0; i2 < nf[1]; i2++) {
                int w23 = node[2][i3].length * node[1][i2].length;
                for (int i1 = 0; i1 < nf[0]; i1++) {
                    nnz += w23 * node[0][i1].length;
                }
            }
        }
        int[] cols = new int[nnz];
        double[] vals = new double[nnz];
        int w = 0;
        int row = 0;
        for (int i3 = 0; i3 < nf[2]; i3++) {
            for (int i2 = 0; i2 < nf[1]; i2++) {
                for (int i1 = 0; i1 < nf[0]; i1++) {
                    start[row++] = w;
                    // Coarse indices come out increasing: axis 3 outermost, axis 1 innermost.
                    for (int a = 0; a < node[2][i3].length; a++) {
                        for (int b = 0; b < node[1][i2].length; b++) {
                            for (int c = 0; c < node[0][i1].length; c++) {
                                cols[w] = node[0][i1][c] + nc[0] * (node[1][i2][b] + nc[1] * node[2][i3][a]);
                                vals[w] = weight[0][i1][c] * weight[1][i2][b] * weight[2][i3][a];
                                w++;
                            }
                        }
                    }
                }
            }
        }
        start[rows] = w;
        return new CsrMatrix(rows, nc[0] * nc[1] * nc[2], start, cols, vals);
    }
}
