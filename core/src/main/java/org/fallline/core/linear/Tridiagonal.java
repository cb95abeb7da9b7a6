package org.fallline.core.linear;

import org.fallline.core.CoreException;

/**
 * Tridiagonal systems by the Thomas algorithm (Gaussian elimination without pivoting, 8n flops), and cyclic
 * (periodic) tridiagonal systems by the Sherman–Morrison formula on top of it (Press et al., <i>Numerical
 * Recipes</i>, 3rd ed., §2.4 and §2.7.2; Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §4.3).
 * Without pivoting the elimination is stable for diagonally dominant or symmetric positive definite matrices,
 * which is what implicit diffusion steps and line relaxations produce; a vanishing pivot is reported.
 *
 * <p>All coefficient arrays have length n. Row i reads {@code sub[i]·x[i−1] + diag[i]·x[i] + sup[i]·x[i+1]};
 * in the plain system {@code sub[0]} and {@code sup[n−1]} are ignored, in the cyclic system they are the
 * corners A(0, n−1) and A(n−1, 0). {@link #factor} keeps the elimination so that each further solve costs 5n
 * flops and allocates nothing; solves may be in place (rhs and x the same array) and may run along a strided
 * line of a grid. A factorisation is immutable and may be shared by threads.
 */
public final class Tridiagonal {

    private final int n;
    private final double[] sub;
    private final double[] inverse;  // 1 / pivot of row i
    private final double[] upper;    // sup[i] / pivot of row i: the eliminated upper diagonal
    // Sherman–Morrison correction for the cyclic case (null for a plain system).
    private final double[] q;
    private final double vLast;
    private final double denominator;

    private Tridiagonal(int n, double[] sub, double[] inverse, double[] upper, double[] q, double vLast,
                        double denominator) {
        this.n = n;
        this.sub = sub;
        this.inverse = inverse;
        this.upper = upper;
        this.q = q;
        this.vLast = vLast;
        this.denominator = denominator;
    }

    /** Solves the tridiagonal system once; for repeated solves with the same matrix use {@link #factor}. */
    public static void solve(double[] sub, double[] diag, double[] sup, double[] rhs, double[] x) {
        factor(sub, diag, sup).solve(rhs, x);
    }

    /** Solves the cyclic tridiagonal system once (n ≥ 3); see {@link #factorCyclic}. */
    public static void solveCyclic(double[] sub, double[] diag, double[] sup, double[] rhs, double[] x) {
        factorCyclic(sub, diag, sup).solve(rhs, x);
    }

    /**
     * The Thomas elimination of the tridiagonal matrix (the arrays are copied).
     *
     * @throws CoreException if a pivot vanishes (the matrix is singular or needs pivoting)
     */
    public static Tridiagonal factor(double[] sub, double[] diag, double[] sup) {
        int n = checkLengths(sub, diag, sup, 1);
        double[] s = sub.clone();
        double[] inv = new double[n];
        double[] up = new double[n];
        eliminate(s, diag, sup, n, inv, up);
        return new Tridiagonal(n, s, inv, up, null, 0.0, 1.0);
    }

    /**
     * The factorisation of the cyclic tridiagonal matrix with corners A(0, n−1) = {@code sub[0]} and
     * A(n−1, 0) = {@code sup[n−1]}, n ≥ 3: A = A' + u vᵀ with A' tridiagonal, u = (γ, 0, …, 0, A(n−1, 0)),
     * v = (1, 0, …, 0, A(0, n−1)/γ), γ = −diag[0]; then x = y − (vᵀy / (1 + vᵀq)) q with A'y = b, A'q = u.
     *
     * @throws CoreException if a pivot vanishes or 1 + vᵀq = 0 (the matrix is singular)
     */
    public static Tridiagonal factorCyclic(double[] sub, double[] diag, double[] sup) {
        int n = checkLengths(sub, diag, sup, 3);
        double alpha = sup[n - 1];
        double beta = sub[0];
        double gamma = diag[0] != 0.0 ? -diag[0] : -1.0;
        double[] d = diag.clone();
        d[0] -= gamma;
        d[n - 1] -= alpha * beta / gamma;
        double[] s = sub.clone();
        double[] inv = new double[n];
        double[] up = new double[n];
        eliminate(s, d, sup, n, inv, up);
        Tridiagonal plain = new Tridiagonal(n, s, inv, up, null, 0.0, 1.0);
        double[] u = new double[n];
        u[0] = gamma;
        u[n - 1] = alpha;
        double[] qq = new double[n];
        plain.solve(u, qq);
        double vLast = beta / gamma;
        double denominator = 1.0 + qq[0] + vLast * qq[n - 1];
        if (!(Math.abs(denominator) > 1e-14 * (1.0 + Math.abs(qq[0]) + Math.abs(vLast * qq[n - 1])))) {
            throw CoreException.numerical("cyclic tridiagonal system is singular (Sherman–Morrison denominator "
                    + denominator + ")");
        }
        return new Tridiagonal(n, s, inv, up, qq, vLast, denominator);
    }

    private static void eliminate(double[] sub, double[] diag, double[] sup, int n, double[] inv, double[] up) {
        double previous = 0.0;
        for (int i = 0; i < n; i++) {
            double s = i == 0 ? 0.0 : sub[i];
            double pivot = diag[i] - s * previous;
            double scale = Math.abs(diag[i]) + Math.abs(s * previous);
            if (!(Math.abs(pivot) > 1e-14 * scale) || !Double.isFinite(pivot)) {
                throw CoreException.numerical("tridiagonal system is singular or needs pivoting: pivot " + pivot
                        + " at row " + i);
            }
            inv[i] = 1.0 / pivot;
            previous = i < n - 1 ? sup[i] * inv[i] : 0.0;
            up[i] = previous;
        }
    }

    private static int checkLengths(double[] sub, double[] diag, double[] sup, int min) {
        int n = diag.length;
        if (sub.length != n || sup.length != n) {
            throw new IllegalArgumentException("tridiagonal: sub, diag and sup must have the same length, got "
                    + sub.length + ", " + n + ", " + sup.length);
        }
        if (n < min) {
            throw new IllegalArgumentException("tridiagonal: need n ≥ " + min + ", got " + n);
        }
        return n;
    }

    /** n, the order of the system. */
    public int dimension() {
        return n;
    }

    /** Solves A x = rhs (rhs and x may be the same array). */
    public void solve(double[] rhs, double[] x) {
        if (rhs.length != n || x.length != n) {
            throw new IllegalArgumentException("tridiagonal solve: need arrays of length " + n + ", got "
                    + rhs.length + " and " + x.length);
        }
        solve(rhs, x, 0, 1);
    }

    /**
     * Solves A x = rhs along the line {@code offset + i·stride}, i = 0 … n−1, of the arrays (for example a grid
     * column in an ADI step); entries off the line are untouched; rhs and x may be the same array.
     */
    public void solve(double[] rhs, double[] x, int offset, int stride) {
        int last = offset + (n - 1) * stride;
        if (offset < 0 || stride <= 0 || last >= rhs.length || last >= x.length) {
            throw new IllegalArgumentException("tridiagonal solve: line offset " + offset + ", stride " + stride
                    + " of length " + n + " does not fit arrays of length " + rhs.length + " and " + x.length);
        }
        double previous = rhs[offset] * inverse[0];
        x[offset] = previous;
        for (int i = 1, p = offset + stride; i < n; i++, p += stride) {
            previous = (rhs[p] - sub[i] * previous) * inverse[i];
            x[p] = previous;
        }
        for (int i = n - 2, p = last - stride; i >= 0; i--, p -= stride) {
            x[p] -= upper[i] * x[p + stride];
        }
        if (q != null) {
            double factor = (x[offset] + vLast * x[last]) / denominator;
            for (int i = 0, p = offset; i < n; i++, p += stride) {
                x[p] -= factor * q[i];
            }
        }
    }

    /**
     * Solves A x = rhs along {@code count} adjacent lines at once: line q (0 ≤ q &lt; count) holds the entries
     * {@code offset + q + i·stride}, i = 0 … n−1, as the lines of a grid axis other than the fastest one do
     * (stride ≥ count). The elimination runs over i with the lines innermost, so that memory is read in
     * order (an ADI sweep along y or z); each line gets exactly what {@link #solve(double[], double[], int, int)}
     * gives it. rhs and x may be the same array.
     */
    public void solveLines(double[] rhs, double[] x, int offset, int stride, int count) {
        int last = offset + (n - 1) * stride + count - 1;
        if (offset < 0 || count < 1 || stride < count || last >= rhs.length || last >= x.length) {
            throw new IllegalArgumentException("tridiagonal solve: " + count + " lines at offset " + offset
                    + ", stride " + stride + " of length " + n + " do not fit arrays of length " + rhs.length
                    + " and " + x.length);
        }
        double inv0 = inverse[0];
        for (int q = 0; q < count; q++) {
            x[offset + q] = rhs[offset + q] * inv0;
        }
        for (int i = 1, p = offset + stride; i < n; i++, p += stride) {
            double s = sub[i];
            double inv = inverse[i];
            for (int q = 0; q < count; q++) {
                x[p + q] = (rhs[p + q] - s * x[p - stride + q]) * inv;
            }
        }
        for (int i = n - 2, p = offset + (n - 2) * stride; i >= 0; i--, p -= stride) {
            double u = upper[i];
            for (int q = 0; q < count; q++) {
                x[p + q] -= u * x[p + stride + q];
            }
        }
        if (q != null) {
            int end = offset + (n - 1) * stride;
            for (int l = 0; l < count; l++) {
                double factor = (x[offset + l] + vLast * x[end + l]) / denominator;
                for (int i = 0, p = offset + l; i < n; i++, p += stride) {
                    x[p] -= factor * q[i];
                }
            }
        }
    }
}
