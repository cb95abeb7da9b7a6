package org.fallline.physics.heat;

/**
 * The three-stage Radau IIA collocation method (order 5, stage order 3, L-stable, stiffly accurate;
 * Ehle 1969; Hairer and Wanner, <i>Solving Ordinary Differential Equations II</i>, 2nd ed., §IV.5
 * and §IV.8): nodes c = ((4 − √6)/10, (4 + √6)/10, 1) and the matrix A below; its stability
 * function is the (2, 3) Padé approximant of eᶻ, R(z) = (1 + 2z/5 + z²/20)/(1 − 3z/5 + 3z²/20 − z³/60).
 *
 * <p>The stage equations of u' = −Ku + F, ((hA)⁻¹ ⊗ I + I ⊗ K) Z = G, decouple by the real similarity
 * A⁻¹ = T Λ T⁻¹, Λ = diag(γ, [[α, β], [−β, α]]) (the real eigenvalue γ ≈ 3.6378 and the complex pair
 * α ± iβ ≈ 2.6811 ± 3.0504i of A⁻¹): one real system
 * (γ/h + K) w₁ = r₁ and one complex system ((α − iβ)/h + K)(w₂ + iw₃) = r₂ + ir₃. The embedded
 * third-order solution of §IV.8 gives the error estimate (I + hγ₀K)⁻¹(γ₀h f(t, u) + Σ eᵢzᵢ) with
 * γ₀ = 1/γ and e = (γ₀/3)(−13 − 7√6, −13 + 7√6, −1), which is O(h⁴) for smooth solutions and
 * damped for stiff ones.
 */
final class RadauIIA {

    private static final double S6 = Math.sqrt(6);

    /** The nodes. */
    static final double[] C = {(4 - S6) / 10, (4 + S6) / 10, 1};

    /** The Butcher matrix (row i: a_i1, a_i2, a_i3). */
    static final double[][] A = {
        {(88 - 7 * S6) / 360, (296 - 169 * S6) / 1800, (-2 + 3 * S6) / 225},
        {(296 + 169 * S6) / 1800, (88 + 7 * S6) / 360, (-2 - 3 * S6) / 225},
        {(16 - S6) / 36, (16 + S6) / 36, 1.0 / 9}};

    /** The columns of T: the real eigenvector of A⁻¹, then the real and imaginary parts of a complex one. */
    final double[][] t;
    /** T⁻¹. */
    final double[][] tInverse;
    final double gamma;
    final double alpha;
    final double beta;
    /** (Σ eᵢzᵢ)/h = (γ₀/h) Σ dᵢzᵢ: the d = (−13 − 7√6, −13 + 7√6, −1)/3 of the estimate. */
    static final double[] D = {-(13 + 7 * S6) / 3, (-13 + 7 * S6) / 3, -1.0 / 3};

    /**
     * Computes T, T⁻¹, γ, α and β from the closed-form eigenvalues of A, u = (6 + ∛81 − ∛9)/30 and
     * a ± ib = (12 − ∛81 + ∛9)/60 ± i(∛81 + ∛9)√3/60 (the roots of its characteristic cubic), whose
     * reciprocals γ = 1/u and α ± iβ = (a ± ib)/(a² + b²) are those of A⁻¹. An eigenvector of the
     * rank-2 matrix A − λI is the cross product of two of its rows; the real one is T's first column,
     * the real and imaginary parts of the one for a − ib (A⁻¹'s α + iβ) the other two, so that
     * A⁻¹(p + iq) = (α + iβ)(p + iq) gives Λ's block [[α, β], [−β, α]]. (By hand, in a few flops:
     * Hipparchus's eigen-decomposition would cost a cold run the initialisation of its linear algebra.)
     */
    RadauIIA() {
        double c81 = Math.cbrt(81);
        double c9 = Math.cbrt(9);
        double u = (6 + c81 - c9) / 30;
        double a = (12 - c81 + c9) / 60;
        double b = (c81 + c9) * Math.sqrt(3) / 60;
        double norm = a * a + b * b;
        gamma = 1 / u;
        alpha = a / norm;
        beta = b / norm;
        double[] real = nullVector(u, 0)[0];
        double[][] pair = nullVector(a, -b);
        t = new double[3][3];
        for (int i = 0; i < 3; i++) {
            t[i][0] = real[i];
            t[i][1] = pair[0][i];
            t[i][2] = pair[1][i];
        }
        tInverse = inverse(t);
    }

    // the real and imaginary parts of (row 0) × (row 1) of A − (re + i·im)I
    private static double[][] nullVector(double re, double im) {
        double[][] mr = new double[2][3];
        double[][] mi = new double[2][3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                mr[i][j] = A[i][j] - (i == j ? re : 0);
                mi[i][j] = i == j ? -im : 0;
            }
        }
        double[][] v = new double[2][3];
        for (int k = 0; k < 3; k++) {
            int j = (k + 1) % 3;
            int l = (k + 2) % 3;
            // m0_j m1_l − m0_l m1_j in complex arithmetic
            v[0][k] = mr[0][j] * mr[1][l] - mi[0][j] * mi[1][l] - (mr[0][l] * mr[1][j] - mi[0][l] * mi[1][j]);
            v[1][k] = mr[0][j] * mi[1][l] + mi[0][j] * mr[1][l] - (mr[0][l] * mi[1][j] + mi[0][l] * mr[1][j]);
        }
        return v;
    }

    // the inverse of a 3×3 matrix by its adjugate
    private static double[][] inverse(double[][] m) {
        double[][] adj = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r1 = (j + 1) % 3;
                int r2 = (j + 2) % 3;
                int c1 = (i + 1) % 3;
                int c2 = (i + 2) % 3;
                adj[i][j] = m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1];
            }
        }
        double det = m[0][0] * adj[0][0] + m[0][1] * adj[1][0] + m[0][2] * adj[2][0];
        for (double[] row : adj) {
            for (int j = 0; j < 3; j++) {
                row[j] /= det;
            }
        }
        return adj;
    }
}
