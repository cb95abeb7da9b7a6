package org.fallline.core.linear;

import java.util.Arrays;
import org.fallline.core.CoreException;

/**
 * The incomplete Cholesky factorisation with zero fill, IC(0): A ≈ L D Lᵀ with L unit lower triangular on
 * the sparsity pattern of A's lower triangle, D diagonal, the entries chosen so that (L D Lᵀ)(i, j) = A(i, j)
 * on that pattern (Meijerink &amp; van der Vorst, Math. Comp. 31 (1977) 148–162; Saad, <i>Iterative Methods
 * for Sparse Linear Systems</i>, 2nd ed., SIAM 2003, §10.3.2):
 * <pre>
 *   L(i, k) = (A(i, k) − Σ_{j&lt;k} L(i, j) d_j L(k, j)) / d_k   for k &lt; i in the pattern of row i,
 *   d_i     = A(i, i) − Σ_{k&lt;i} L(i, k)² d_k,
 * </pre>
 * the sums over j in both patterns. When A has no fill (tridiagonal, or a band full within its band) this is
 * the exact Cholesky factorisation. M⁻¹ r = L⁻ᵀ D⁻¹ L⁻¹ r is applied by a forward and a backward
 * substitution, so it is symmetric to rounding. It exists for M-matrices (five- and seven-point Laplacians,
 * with any positive coefficients); a non-positive pivot d_i is reported. Immutable and thread-safe.
 */
public final class IncompleteCholesky implements Preconditioner {

    private final int n;
    // Strictly lower triangle of L in CSR form, columns increasing.
    private final int[] start;
    private final int[] cols;
    private final double[] lower;
    private final double[] pivots;

    private IncompleteCholesky(int n, int[] start, int[] cols, double[] lower, double[] pivots) {
        this.n = n;
        this.start = start;
        this.cols = cols;
        this.lower = lower;
        this.pivots = pivots;
    }

    /**
     * The IC(0) factorisation of a symmetric matrix (only its lower triangle is read).
     *
     * @throws CoreException if a pivot d_i is not positive (A is not positive definite, or IC(0) breaks down)
     */
    public static IncompleteCholesky of(CsrMatrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("incomplete Cholesky needs a square matrix, got " + a);
        }
        int n = a.rows();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int k = a.rowStart[i]; k < a.rowStart[i + 1] && a.columns[k] < i; k++) {
                count++;
            }
            start[i + 1] = start[i] + count;
        }
        int[] cols = new int[start[n]];
        double[] lower = new double[start[n]];
        double[] pivots = new double[n];
        for (int i = 0; i < n; i++) {
            int w = start[i];
            double diagonal = 0.0;
            for (int k = a.rowStart[i]; k < a.rowStart[i + 1]; k++) {
                int j = a.columns[k];
                if (j < i) {
                    cols[w++] = j;
                } else if (j == i) {
                    diagonal = a.values[k];
                }
            }
            double d = diagonal;
            for (int p = start[i]; p < start[i + 1]; p++) {
                int k = cols[p];
                // A(i, k) minus the sparse dot product of rows i and k of L over columns j < k, weighted by d_j.
                double s = a.values[a.find(i, k)];
                int qi = start[i];
                int qk = start[k];
                int ek = start[k + 1];
                while (qi < p && qk < ek) {
                    int ji = cols[qi];
                    int jk = cols[qk];
                    if (ji == jk) {
                        s -= lower[qi] * pivots[ji] * lower[qk];
                        qi++;
                        qk++;
                    } else if (ji < jk) {
                        qi++;
                    } else {
                        qk++;
                    }
                }
                double lik = s / pivots[k];
                lower[p] = lik;
                d -= lik * lik * pivots[k];
            }
            if (!(d > 0.0) || !Double.isFinite(d)) {
                throw CoreException.numerical(String.format(java.util.Locale.ROOT,
                        "incomplete Cholesky: pivot %.3g at row %d is not positive, so the matrix is not positive "
                                + "definite (or IC(0) breaks down on it)", d, i));
            }
            pivots[i] = d;
        }
        return new IncompleteCholesky(n, start, cols, lower, pivots);
    }

    /** L(i, j) for j &lt; i, 1 on the diagonal, 0 above or off the pattern. */
    public double lower(int i, int j) {
        if (i == j) {
            return 1.0;
        }
        if (j > i) {
            return 0.0;
        }
        int k = Arrays.binarySearch(cols, start[i], start[i + 1], j);
        return k >= 0 ? lower[k] : 0.0;
    }

    /** d_i, the pivots. */
    public double[] pivots() {
        return pivots.clone();
    }

    @Override
    public void apply(double[] r, double[] z) {
        // Forward: L y = r (unit diagonal).
        for (int i = 0; i < n; i++) {
            double s = r[i];
            for (int p = start[i]; p < start[i + 1]; p++) {
                s -= lower[p] * z[cols[p]];
            }
            z[i] = s;
        }
        for (int i = 0; i < n; i++) {
            z[i] /= pivots[i];
        }
        // Backward: Lᵀ z = y, column-oriented over the rows of L.
        for (int i = n - 1; i >= 0; i--) {
            double zi = z[i];
            for (int p = start[i]; p < start[i + 1]; p++) {
                z[cols[p]] -= lower[p] * zi;
            }
        }
    }
}
