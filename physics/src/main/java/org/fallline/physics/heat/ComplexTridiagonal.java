package org.fallline.physics.heat;

import org.fallline.physics.PhysicsException;

/**
 * The factorisation of σI + K for a complex shift σ = σ_r + iσ_i and a real (cyclic) tridiagonal K:
 * the complex stage system of a Radau IIA step in 1-D ({@link RadauStepper}). The Thomas elimination
 * p_0 = σ + d_0, p_j = σ + d_j − s_j u_{j−1}, u_j = a_j / p_j (a the superdiagonal) runs in complex
 * arithmetic on real coefficients; it needs no pivoting: every row of K has d_j ≥ |s_j| + |a_j| (the
 * 3-point stencil and its side closures), so with Re σ &gt; 0 the matrix is strictly diagonally dominant.
 * A periodic axis adds the corners by the Sherman–Morrison formula, as {@link
 * org.fallline.core.linear.Tridiagonal#factorCyclic} does for real systems (Press et al.,
 * <i>Numerical Recipes</i>, 3rd ed., §2.7.2; Golub and Van Loan, <i>Matrix Computations</i>, 4th ed.,
 * §4.3). Solves are in place on the real and imaginary parts and allocate nothing.
 */
final class ComplexTridiagonal {

    private final int n;
    private final double[] sub;
    private final double[] invRe;
    private final double[] invIm;
    private final double[] upRe;
    private final double[] upIm;
    // Sherman–Morrison for the cyclic case: q = A'⁻¹u, v = (1, 0, …, 0, vLast), x = y − (vᵀy / den) q
    private final double[] qRe;
    private final double[] qIm;
    private final double vLastRe;
    private final double vLastIm;
    private final double denRe;
    private final double denIm;

    /**
     * σI + K with K the 1-D operator of the axis plus the decay λ on its diagonal.
     *
     * @throws PhysicsException (numerical) if a pivot vanishes
     */
    ComplexTridiagonal(AxisOperator axis, double decay, double sigmaRe, double sigmaIm) {
        n = axis.m;
        sub = axis.sub.clone();
        invRe = new double[n];
        invIm = new double[n];
        upRe = new double[n];
        upIm = new double[n];
        double[] dRe = new double[n];
        for (int j = 0; j < n; j++) {
            dRe[j] = sigmaRe + axis.diag[j] + decay;
        }
        double[] dIm = new double[n];
        java.util.Arrays.fill(dIm, sigmaIm);
        if (!axis.periodic) {
            eliminate(dRe, dIm, axis.sup);
            qRe = null;
            qIm = null;
            vLastRe = 0;
            vLastIm = 0;
            denRe = 1;
            denIm = 0;
            return;
        }
        // A = A' + u vᵀ with γ = −(σ + d_0), u = (γ, 0, …, 0, α), v = (1, 0, …, 0, β/γ),
        // α = A(n−1, 0) = sup[n−1], β = A(0, n−1) = sub[0]
        double alpha = axis.sup[n - 1];
        double beta = axis.sub[0];
        double gRe = -dRe[0];
        double gIm = -dIm[0];
        double g2 = gRe * gRe + gIm * gIm;
        // β/γ and αβ/γ
        double vRe = beta * gRe / g2;
        double vIm = -beta * gIm / g2;
        dRe[0] -= gRe;
        dIm[0] -= gIm;
        dRe[n - 1] -= alpha * vRe;
        dIm[n - 1] -= alpha * vIm;
        eliminate(dRe, dIm, axis.sup);
        qRe = new double[n];
        qIm = new double[n];
        qRe[0] = gRe;
        qIm[0] = gIm;
        qRe[n - 1] = alpha;
        plainSolve(qRe, qIm);
        vLastRe = vRe;
        vLastIm = vIm;
        denRe = 1 + qRe[0] + vRe * qRe[n - 1] - vIm * qIm[n - 1];
        denIm = qIm[0] + vRe * qIm[n - 1] + vIm * qRe[n - 1];
        if (!(Math.hypot(denRe, denIm) > 1e-14 * (1 + Math.hypot(qRe[0], qIm[0])))) {
            throw PhysicsException.numerical("radau5: the complex cyclic stage matrix is singular");
        }
    }

    private void eliminate(double[] dRe, double[] dIm, double[] sup) {
        double prevRe = 0;
        double prevIm = 0;
        for (int j = 0; j < n; j++) {
            double s = j == 0 ? 0 : sub[j];
            double pRe = dRe[j] - s * prevRe;
            double pIm = dIm[j] - s * prevIm;
            double p2 = pRe * pRe + pIm * pIm;
            if (!(p2 > 0) || !Double.isFinite(p2)) {
                throw PhysicsException.numerical("radau5: the complex stage matrix has a vanishing pivot at row " + j);
            }
            invRe[j] = pRe / p2;
            invIm[j] = -pIm / p2;
            prevRe = j < n - 1 ? sup[j] * invRe[j] : 0;
            prevIm = j < n - 1 ? sup[j] * invIm[j] : 0;
            upRe[j] = prevRe;
            upIm[j] = prevIm;
        }
    }

    /** Solves (σI + K)(x_r + i x_i) = b_r + i b_i in place: on entry re and im hold b, on return x. */
    void solve(double[] re, double[] im) {
        plainSolve(re, im);
        if (qRe == null) {
            return;
        }
        // f = (x_0 + v_last x_{n−1}) / den
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

    private void plainSolve(double[] re, double[] im) {
        double yRe = re[0] * invRe[0] - im[0] * invIm[0];
        double yIm = re[0] * invIm[0] + im[0] * invRe[0];
        re[0] = yRe;
        im[0] = yIm;
        for (int j = 1; j < n; j++) {
            double s = sub[j];
            double bRe = re[j] - s * yRe;
            double bIm = im[j] - s * yIm;
            yRe = bRe * invRe[j] - bIm * invIm[j];
            yIm = bRe * invIm[j] + bIm * invRe[j];
            re[j] = yRe;
            im[j] = yIm;
        }
        for (int j = n - 2; j >= 0; j--) {
            double xRe = re[j + 1];
            double xIm = im[j + 1];
            re[j] -= upRe[j] * xRe - upIm[j] * xIm;
            im[j] -= upRe[j] * xIm + upIm[j] * xRe;
        }
    }
}
