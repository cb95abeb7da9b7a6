package org.fallline.physics.heat;

import org.fallline.physics.PhysicsException;

/**
 * The two stage matrices of a Radau IIA step in 1-D ({@link RadauStepper}), factored and solved
 * together: the real γ/h + K and the complex (α − iβ)/h + K, K the axis operator plus the decay.
 * Each is a Thomas elimination, p_0 = σ + d_0, p_j = σ + d_j − s_j u_{j−1}, u_j = a_j / p_j (s, d, a
 * the sub-, main and superdiagonal), the complex one in complex arithmetic on real coefficients.
 * Elimination and substitution are recurrences whose speed is set by the latency of each row's
 * operations, so running the real and the complex recurrence in the same loop costs little more
 * than one of them. No pivoting is needed: every row of K has d_j ≥ |s_j| + |a_j| (the 3-point
 * stencil and its side closures), so with Re σ &gt; 0 both matrices are strictly diagonally
 * dominant. A periodic axis adds the corners by the Sherman–Morrison formula, as {@link
 * org.fallline.core.linear.Tridiagonal#factorCyclic} does (Press et al., <i>Numerical Recipes</i>,
 * 3rd ed., §2.7.2; Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., §4.3): A = A' + u vᵀ with
 * g = −(σ + d_0), u = (g, 0, …, 0, α), v = (1, 0, …, 0, β/g), α = A(n−1, 0), β = A(0, n−1), and
 * x = y − (vᵀy / (1 + vᵀq)) q for A'y = b, A'q = u. Solves are in place and allocate nothing.
 */
final class RadauStageSolver {

    private final int n;
    private final double[] sub;
    private final double[] inv;     // real system: 1 / pivot
    private final double[] up;      // real system: a_j / pivot
    private final double[] invRe;   // complex system: 1 / pivot
    private final double[] invIm;
    private final double[] upRe;    // complex system: a_j / pivot
    private final double[] upIm;
    private final boolean cyclic;
    // Sherman–Morrison data: q of each system, v_last, and 1 + vᵀq
    private double[] q;
    private double[] qRe;
    private double[] qIm;
    private double vLast;
    private double den;
    private double vLastRe;
    private double vLastIm;
    private double denRe;
    private double denIm;

    /**
     * Factors γ/h + K (shift {@code real}) and (α − iβ)/h + K (shift {@code re} + i·{@code im}).
     *
     * @throws PhysicsException (numerical) if a pivot vanishes or a cyclic system is singular
     */
    RadauStageSolver(AxisOperator axis, double decay, double real, double re, double im) {
        n = axis.m;
        cyclic = axis.periodic;
        sub = axis.sub;
        inv = new double[n];
        up = new double[n];
        invRe = new double[n];
        invIm = new double[n];
        upRe = new double[n];
        upIm = new double[n];
        double[] sup = axis.sup;
        double[] diag = axis.diag;
        // the modified corner pivots of A' (cyclic) as corrections to row 0 and row n−1
        double g = 0;
        double gRe = 0;
        double gIm = 0;
        double corner = 0;
        double cornerRe = 0;
        double cornerIm = 0;
        if (cyclic) {
            double alpha = sup[n - 1];
            double beta = sub[0];
            g = -(real + diag[0] + decay);
            gRe = -(re + diag[0] + decay);
            gIm = -im;
            double g2 = gRe * gRe + gIm * gIm;
            vLast = beta / g;
            vLastRe = beta * gRe / g2;
            vLastIm = -beta * gIm / g2;
            corner = alpha * vLast;
            cornerRe = alpha * vLastRe;
            cornerIm = alpha * vLastIm;
        }
        double prev = 0;
        double prevRe = 0;
        double prevIm = 0;
        for (int j = 0; j < n; j++) {
            double s = j == 0 ? 0 : sub[j];
            double d = diag[j] + decay;
            double p = real + d - s * prev;
            double pRe = re + d - s * prevRe;
            double pIm = im - s * prevIm;
            if (j == 0) {
                p -= g;
                pRe -= gRe;
                pIm -= gIm;
            }
            if (j == n - 1) {
                p -= corner;
                pRe -= cornerRe;
                pIm -= cornerIm;
            }
            double p2 = pRe * pRe + pIm * pIm;
            if (!(Math.abs(p) > 0 && p2 > 0 && Double.isFinite(p) && Double.isFinite(p2))) {
                throw PhysicsException.numerical("radau5: a stage matrix has a vanishing pivot at row " + j);
            }
            inv[j] = 1 / p;
            invRe[j] = pRe / p2;
            invIm[j] = -pIm / p2;
            double a = j < n - 1 ? sup[j] : 0;
            prev = a * inv[j];
            prevRe = a * invRe[j];
            prevIm = a * invIm[j];
            up[j] = prev;
            upRe[j] = prevRe;
            upIm[j] = prevIm;
        }
        if (cyclic) {
            q = new double[n];
            qRe = new double[n];
            qIm = new double[n];
            q[0] = g;
            q[n - 1] = sup[n - 1];
            qRe[0] = gRe;
            qIm[0] = gIm;
            qRe[n - 1] = sup[n - 1];
            plain(q, qRe, qIm);
            den = 1 + q[0] + vLast * q[n - 1];
            denRe = 1 + qRe[0] + vLastRe * qRe[n - 1] - vLastIm * qIm[n - 1];
            denIm = qIm[0] + vLastRe * qIm[n - 1] + vLastIm * qRe[n - 1];
            if (!(Math.abs(den) > 1e-14 * (1 + Math.abs(q[0])))
                    || !(Math.hypot(denRe, denIm) > 1e-14 * (1 + Math.hypot(qRe[0], qIm[0])))) {
                throw PhysicsException.numerical("radau5: a cyclic stage matrix is singular");
            }
        }
    }

    /** Solves both systems in place: x ← (γ/h + K)⁻¹x and re + i·im ← ((α − iβ)/h + K)⁻¹(re + i·im). */
    void solve(double[] x, double[] re, double[] im) {
        plain(x, re, im);
        if (cyclic) {
            correctReal(x);
            double nRe = re[0] + vLastRe * re[n - 1] - vLastIm * im[n - 1];
            double nIm = im[0] + vLastRe * im[n - 1] + vLastIm * re[n - 1];
            double d2 = denRe * denRe + denIm * denIm;
            double fRe = (nRe * denRe + nIm * denIm) / d2;
            double fIm = (nIm * denRe - nRe * denIm) / d2;
            for (int j = 0; j < n; j++) {
                re[j] -= fRe * qRe[j] - fIm * qIm[j];
                im[j] -= fRe * qIm[j] + fIm * qRe[j];
            }
        }
    }

    /** Solves the real system alone in place: x ← (γ/h + K)⁻¹x. */
    void solveReal(double[] x) {
        double y = x[0] * inv[0];
        x[0] = y;
        for (int j = 1; j < n; j++) {
            y = (x[j] - sub[j] * y) * inv[j];
            x[j] = y;
        }
        for (int j = n - 2; j >= 0; j--) {
            x[j] -= up[j] * x[j + 1];
        }
        if (cyclic) {
            correctReal(x);
        }
    }

    private void correctReal(double[] x) {
        double f = (x[0] + vLast * x[n - 1]) / den;
        for (int j = 0; j < n; j++) {
            x[j] -= f * q[j];
        }
    }

    // both eliminations without the corners, side by side
    private void plain(double[] x, double[] re, double[] im) {
        double y = x[0] * inv[0];
        double yRe = re[0] * invRe[0] - im[0] * invIm[0];
        double yIm = re[0] * invIm[0] + im[0] * invRe[0];
        x[0] = y;
        re[0] = yRe;
        im[0] = yIm;
        for (int j = 1; j < n; j++) {
            double s = sub[j];
            y = (x[j] - s * y) * inv[j];
            double bRe = re[j] - s * yRe;
            double bIm = im[j] - s * yIm;
            yRe = bRe * invRe[j] - bIm * invIm[j];
            yIm = bRe * invIm[j] + bIm * invRe[j];
            x[j] = y;
            re[j] = yRe;
            im[j] = yIm;
        }
        for (int j = n - 2; j >= 0; j--) {
            x[j] -= up[j] * x[j + 1];
            double xRe = re[j + 1];
            double xIm = im[j + 1];
            re[j] -= upRe[j] * xRe - upIm[j] * xIm;
            im[j] -= upRe[j] * xIm + upIm[j] * xRe;
        }
    }
}
