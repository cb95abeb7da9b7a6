package org.fallline.core.linear;

import org.fallline.core.CoreException;

/**
 * Dense Cholesky A = L Lᵀ of the small coarsest multigrid operator (Golub &amp; Van Loan, <i>Matrix
 * Computations</i>, 4th ed., Algorithm 4.2.2). A pivot that vanishes to rounding (a positive semi-definite
 * operator such as the pure Neumann or periodic Laplacian, whose constants are in the null space) is dropped,
 * so that the solve returns a particular solution of a consistent system; a clearly negative pivot means the
 * operator is not positive semi-definite and is reported.
 */
final class DenseCholesky {

    private static final double NULL_PIVOT = 1e-10;

    private final int n;
    private final double[] l;   // row-major lower triangle
    private final double[] inversePivot;

    DenseCholesky(CsrMatrix a) {
        n = a.rows();
        l = new double[n * n];
        inversePivot = new double[n];
        double scale = 0.0;
        for (int i = 0; i < n; i++) {
            for (int k = a.rowStart[i]; k < a.rowStart[i + 1]; k++) {
                l[i * n + a.columns[k]] = a.values[k];
                if (a.columns[k] == i) {
                    scale = Math.max(scale, Math.abs(a.values[k]));
                }
            }
        }
        for (int j = 0; j < n; j++) {
            double d = l[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (d < -NULL_PIVOT * scale || Double.isNaN(d)) {
                throw CoreException.numerical(String.format(java.util.Locale.ROOT,
                        "multigrid: the coarsest operator is not positive definite (pivot %.3g), so the matrix is not "
                                + "symmetric positive (semi-)definite", d));
            }
            boolean dropped = d <= NULL_PIVOT * scale;
            double root = dropped ? 0.0 : Math.sqrt(d);
            l[j * n + j] = root;
            inversePivot[j] = dropped ? 0.0 : 1.0 / root;
            for (int i = j + 1; i < n; i++) {
                double s = l[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s * inversePivot[j];
            }
        }
    }

    /** x = A⁻¹ b (b and x may be the same array). */
    void solve(double[] b, double[] x) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * x[k];
            }
            x[i] = s * inversePivot[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s * inversePivot[i];
        }
    }
}
