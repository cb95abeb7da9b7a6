package org.fallline.physics.heat;

import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The three-stage Radau IIA collocation method (order 5, stage order 3, L-stable, stiffly accurate;
 * Ehle 1969; Hairer and Wanner, <i>Solving Ordinary Differential Equations II</i>, 2nd ed., §IV.5
 * and §IV.8): nodes c = ((4 − √6)/10, (4 + √6)/10, 1) and the matrix A below; its stability
 * function is the (2, 3) Padé approximant of eᶻ, R(z) = (1 + 2z/5 + z²/20)/(1 − 3z/5 + 3z²/20 − z³/60).
 *
 * <p>The stage equations of u' = −Ku + F, ((hA)⁻¹ ⊗ I + I ⊗ K) Z = G, decouple by the real similarity
 * A⁻¹ = T Λ T⁻¹, Λ = diag(γ, [[α, β], [−β, α]]) (the real eigenvalue γ ≈ 3.6378 and the complex pair
 * α ± iβ ≈ 2.6811 ± 3.0504i of A⁻¹, computed here from A by Hipparchus): one real system
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

    /** Computes T, T⁻¹, γ, α and β from A (once per run; microseconds). */
    RadauIIA() {
        RealMatrix inverse = MatrixUtils.inverse(MatrixUtils.createRealMatrix(A));
        EigenDecompositionNonSymmetric eigen = new EigenDecompositionNonSymmetric(inverse);
        RealMatrix v = eigen.getV();
        RealMatrix d = eigen.getD();
        // the real eigenvalue is the diagonal entry of D with no 2×2 block around it
        int real = -1;
        for (int i = 0; i < 3; i++) {
            boolean alone = true;
            for (int j = 0; j < 3; j++) {
                alone &= j == i || d.getEntry(i, j) == 0 && d.getEntry(j, i) == 0;
            }
            if (alone) {
                real = i;
            }
        }
        if (real < 0) {
            throw new IllegalStateException("Radau IIA: A⁻¹ has no isolated real eigenvalue");
        }
        int p = real == 0 ? 1 : 0;
        int q = real == 2 ? 1 : 2;
        int[] order = {real, p, q};
        RealMatrix tm = MatrixUtils.createRealMatrix(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                tm.setEntry(i, k, v.getEntry(i, order[k]));
            }
        }
        t = tm.getData();
        tInverse = MatrixUtils.inverse(tm).getData();
        gamma = d.getEntry(real, real);
        alpha = d.getEntry(p, p);
        beta = d.getEntry(p, q);
    }
}
