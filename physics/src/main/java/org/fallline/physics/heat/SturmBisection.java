package org.fallline.physics.heat;

/**
 * Eigenvalues of a real tridiagonal matrix with positive products of its off-diagonals (similar to
 * the symmetric matrix with off-diagonals −√(sub_{i+1}·sup_i)), by bisection on the Sturm count:
 * the number of negative pivots of T − σI is the number of eigenvalues below σ (Golub and Van Loan,
 * <i>Matrix Computations</i>, 4th ed., §8.4.1).
 */
final class SturmBisection {

    private SturmBisection() {
    }

    /** The k-th smallest eigenvalue (k = 0 … m − 1), to rounding. */
    static double kthEigenvalue(AxisOperator t, int k) {
        int m = t.m;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double r = (i > 0 ? Math.sqrt(t.sub[i] * t.sup[i - 1]) : 0) + (i < m - 1 ? Math.sqrt(t.sup[i] * t.sub[i + 1]) : 0);
            lo = Math.min(lo, t.diag[i] - r);
            hi = Math.max(hi, t.diag[i] + r);
        }
        for (int iter = 0; iter < 200 && hi - lo > 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); iter++) {
            double mid = 0.5 * (lo + hi);
            if (countBelow(t, mid) > k) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static int countBelow(AxisOperator t, double sigma) {
        int count = 0;
        double q = 1;
        for (int i = 0; i < t.m; i++) {
            double off2 = i > 0 ? t.sub[i] * t.sup[i - 1] : 0;
            q = t.diag[i] - sigma - (i > 0 ? off2 / q : 0);
            if (q == 0) {
                q = -Double.MIN_NORMAL;
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }
}
