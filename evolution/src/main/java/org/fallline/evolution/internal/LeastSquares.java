package org.fallline.evolution.internal;

import java.util.Arrays;

/**
 * Ordinary least squares from any matrix A = [X | y] known through its triangular factor (AᵀA equal
 * to the design's, e.g. the R of {@link StreamingQr}), by the Householder QR with limited column
 * pivoting of LINPACK's {@code dqrdc2} as R's {@code lm} uses it (tolerance {@value #TOLERANCE}):
 * columns are taken in order, and a column whose part orthogonal to the columns already taken has
 * fallen below the tolerance times its original norm is moved to the end and left out — it is
 * <i>aliased</i>, the term R reports as {@code NA}. θ solves R<sub>11</sub>θ = (Qᵀy)<sub>1</sub> on the
 * kept columns, RSS = ‖(Qᵀy)<sub>2</sub>‖², and (XᵀX)⁻¹ = R<sub>11</sub>⁻¹R<sub>11</sub>⁻ᵀ. The normal
 * equations are never formed, so accuracy is that of κ(X), not κ(X)².
 *
 * <p>References: Å. Björck, <i>Numerical Methods for Least Squares Problems</i>, SIAM 1996, §2.7;
 * J. J. Dongarra et al., <i>LINPACK Users' Guide</i>, SIAM 1979, ch. 9 ({@code dqrdc}) with R's
 * modification {@code dqrdc2}.
 */
public final class LeastSquares {

    /** R's {@code lm} tolerance of the pivoted QR. */
    public static final double TOLERANCE = 1e-7;

    private LeastSquares() {
    }

    /**
     * A least-squares solution.
     *
     * @param coefficients θ (0 at aliased columns)
     * @param inverse      (XᵀX)⁻¹ of the kept columns (zero rows and columns at aliased ones)
     * @param rss          residual sum of squares
     * @param tss          total sum of squares about the mean (the first column is the intercept's)
     * @param n            observations
     * @param aliased      aliased columns, increasing
     * @param kept         kept columns in pivot order (increasing)
     * @param r            R<sub>11</sub> of the kept columns (rank × rank, upper triangular)
     */
    public record Solution(double[] coefficients, double[][] inverse, double rss, double tss, long n, int[] aliased,
            int[] kept, double[][] r) {

        /** Number of kept columns. */
        public int rank() {
            return kept.length;
        }

        /** Whether column i is aliased. */
        public boolean isAliased(int i) {
            return Arrays.binarySearch(aliased, i) >= 0;
        }

        /**
         * θ for another response y' of the same design from its Xᵀy' (the permutation tests change y
         * but not X): the semi-normal equations R<sub>11</sub>ᵀR<sub>11</sub>θ = (Xᵀy')<sub>kept</sub>.
         */
        public double[] solveNormal(double[] xty) {
            int m = kept.length;
            double[] u = new double[m];
            for (int i = 0; i < m; i++) {
                double s = xty[kept[i]];
                for (int j = 0; j < i; j++) {
                    s -= r[j][i] * u[j];
                }
                u[i] = s / r[i][i];
            }
            backSubstitute(r, u);
            double[] theta = new double[coefficients.length];
            for (int i = 0; i < m; i++) {
                theta[kept[i]] = u[i];
            }
            return theta;
        }
    }

    /**
     * Solves the least-squares problem whose augmented matrix [X | y] has the Gram matrix of {@code a}
     * (rows × (p + 1), response last, first column the intercept's, rows ≥ p + 1).
     *
     * @param a a triangular factor (or any matrix with the same Gram matrix); not modified
     * @param n the number of observations
     */
    public static Solution solve(double[][] a, long n) {
        int rows = a.length;
        int p = a[0].length - 1;
        double[][] w = new double[rows][];
        for (int i = 0; i < rows; i++) {
            w[i] = a[i].clone();
        }
        int[] order = new int[p];
        double[] original = new double[p];
        for (int c = 0; c < p; c++) {
            order[c] = c;
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += w[i][c] * w[i][c];
            }
            original[c] = s > 0 ? Math.sqrt(s) : 1.0;
        }
        int limit = p;
        int j = 0;
        while (j < limit && j < rows) {
            double s = 0;
            for (int i = j; i < rows; i++) {
                s += w[i][j] * w[i][j];
            }
            double norm = Math.sqrt(s);
            if (!(norm >= TOLERANCE * original[j])) {
                moveToEnd(w, order, original, j, p);
                limit--;
                continue;
            }
            reflect(w, j, norm, p);
            j++;
        }
        int rank = j;
        int[] kept = Arrays.copyOf(order, rank);
        int[] aliased = Arrays.copyOfRange(order, rank, p);
        Arrays.sort(aliased);
        double[][] r = new double[rank][rank];
        for (int i = 0; i < rank; i++) {
            System.arraycopy(w[i], 0, r[i], 0, rank);
        }
        double[] u = new double[rank];
        for (int i = 0; i < rank; i++) {
            u[i] = w[i][p];
        }
        backSubstitute(r, u);
        double[] theta = new double[p];
        for (int i = 0; i < rank; i++) {
            theta[kept[i]] = u[i];
        }
        double rss = 0;
        for (int i = rank; i < rows; i++) {
            rss += w[i][p] * w[i][p];
        }
        double tss = 0;
        for (int i = 1; i < rows; i++) {
            tss += w[i][p] * w[i][p];
        }
        double[][] rinv = upperInverse(r);
        double[][] inv = new double[p][p];
        for (int i = 0; i < rank; i++) {
            for (int l = 0; l < rank; l++) {
                double acc = 0;
                for (int m = Math.max(i, l); m < rank; m++) {
                    acc += rinv[i][m] * rinv[l][m];
                }
                inv[kept[i]][kept[l]] = acc;
            }
        }
        return new Solution(theta, inv, rss, tss, n, aliased, kept, r);
    }

    /** The Householder reflection that zeroes column j below row j, applied to columns j … p. */
    private static void reflect(double[][] w, int j, double norm, int p) {
        int rows = w.length;
        double x0 = w[j][j];
        double alpha = x0 > 0 ? -norm : norm;
        double v0 = x0 - alpha;
        double vtv = v0 * v0;
        for (int i = j + 1; i < rows; i++) {
            vtv += w[i][j] * w[i][j];
        }
        if (vtv == 0.0) {
            return;
        }
        double beta = 2.0 / vtv;
        for (int c = j + 1; c <= p; c++) {
            double s = v0 * w[j][c];
            for (int i = j + 1; i < rows; i++) {
                s += w[i][j] * w[i][c];
            }
            s *= beta;
            w[j][c] -= s * v0;
            for (int i = j + 1; i < rows; i++) {
                w[i][c] -= s * w[i][j];
            }
        }
        w[j][j] = alpha;
        for (int i = j + 1; i < rows; i++) {
            w[i][j] = 0.0;
        }
    }

    /** Moves column j to position p − 1, shifting the columns after it left (dqrdc2's cycling). */
    private static void moveToEnd(double[][] w, int[] order, double[] original, int j, int p) {
        for (double[] row : w) {
            double t = row[j];
            System.arraycopy(row, j + 1, row, j, p - 1 - j);
            row[p - 1] = t;
        }
        int o = order[j];
        System.arraycopy(order, j + 1, order, j, p - 1 - j);
        order[p - 1] = o;
        double n0 = original[j];
        System.arraycopy(original, j + 1, original, j, p - 1 - j);
        original[p - 1] = n0;
    }

    /** Solves R u = b in place for upper-triangular R. */
    static void backSubstitute(double[][] r, double[] u) {
        for (int i = u.length - 1; i >= 0; i--) {
            double s = u[i];
            for (int l = i + 1; l < u.length; l++) {
                s -= r[i][l] * u[l];
            }
            u[i] = s / r[i][i];
        }
    }

    /** R⁻¹ of an upper-triangular R. */
    private static double[][] upperInverse(double[][] r) {
        int m = r.length;
        double[][] inv = new double[m][m];
        for (int c = 0; c < m; c++) {
            double[] e = new double[m];
            e[c] = 1.0;
            backSubstitute(r, e);
            for (int i = 0; i < m; i++) {
                inv[i][c] = e[i];
            }
        }
        return inv;
    }

    /**
     * How an aliased column depends on the kept ones: the coefficients of its least-squares fit on them
     * (R<sub>11</sub>⁻¹ times its part in the kept rows), in kept order. Used to name the terms that take
     * part in the dependence.
     *
     * @param a      the same matrix as given to {@link #solve}
     * @param column an aliased column
     */
    public static double[] dependence(double[][] a, Solution s, int column) {
        int rows = a.length;
        int m = s.rank();
        double[][] sub = new double[rows][m + 1];
        for (int i = 0; i < rows; i++) {
            for (int l = 0; l < m; l++) {
                sub[i][l] = a[i][s.kept()[l]];
            }
            sub[i][m] = a[i][column];
        }
        Solution fit = solve(sub, s.n());
        return fit.coefficients();
    }
}
