package org.fallline.evolution;

import java.util.List;

/**
 * Selection differentials on the analysed (standardised) traits z of one group, with relative fitness
 * w = W/mean(W) (Lande &amp; Arnold 1983, Evolution 37: 1210–1226, eqs. 2 and 13):
 *
 * <ul>
 *   <li>S = Cov(w, z) with divisor n, the mean after selection minus the mean before;</li>
 *   <li>the same covariance with divisor n − 1 (R's {@code cov}), for which β = P⁻¹S with
 *       P = Cov(z) (divisor n − 1) holds exactly;</li>
 *   <li>C = Cov(w, (z − z̄)(z − z̄)ᵀ) with divisor n: the change in the phenotypic covariance by
 *       selection plus SSᵀ.</li>
 * </ul>
 *
 * @param traits  trait names
 * @param s       S, divisor n
 * @param sSample S, divisor n − 1
 * @param c       C, divisor n (k × k, symmetric)
 */
public record SelectionDifferentials(List<String> traits, double[] s, double[] sSample, double[][] c) {

    public SelectionDifferentials {
        traits = List.copyOf(traits);
        s = s.clone();
        sSample = sSample.clone();
        c = Matrices.copy(c);
    }

    @Override
    public double[] s() {
        return s.clone();
    }

    @Override
    public double[] sSample() {
        return sSample.clone();
    }

    @Override
    public double[][] c() {
        return Matrices.copy(c);
    }
}
