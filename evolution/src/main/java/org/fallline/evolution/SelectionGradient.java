package org.fallline.evolution;

import java.util.List;

/**
 * The directional selection gradient β of one group: the partial regression slopes of relative
 * fitness w on the standardised traits z in the first-order model w = α + βᵀz + ε, fitted by least
 * squares (Lande &amp; Arnold 1983, eq. 7). β = P⁻¹S with P = Cov(z). Standard errors, t, p and 95%
 * intervals are those of ordinary least squares (t with n − k − 1 degrees of freedom).
 *
 * @param intercept α, the fitted relative fitness at the mean phenotype (1 by construction), term
 *                  {@code (Intercept)}
 * @param beta      one coefficient per trait, in trait order, term = trait name
 * @param fit       summary of the first-order fit
 */
public record SelectionGradient(Coefficient intercept, List<Coefficient> beta, ModelFit fit) {

    public SelectionGradient {
        beta = List.copyOf(beta);
    }

    /** The β estimates, in trait order. */
    public double[] values() {
        double[] v = new double[beta.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = beta.get(i).estimate();
        }
        return v;
    }
}
