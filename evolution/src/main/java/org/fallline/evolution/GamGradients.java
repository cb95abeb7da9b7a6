package org.fallline.evolution;

import java.util.List;
import org.fallline.evolution.gam.FittedGam;
import org.fallline.evolution.gam.GamFamily;

/**
 * Generalised selection gradients from a spline fitness function, as gsg's {@code gam.gradients} computes them
 * (Morrissey &amp; Sakrejda 2013, Evolution 67: 2094–2100): with W̃(z) the fitted GAM fitness function on the
 * response scale, in the standardised traits z, and the averages over the n individuals of the group,
 * <blockquote>β<sub>i</sub> = mean ∂W̃/∂z<sub>i</sub> / mean W̃, &nbsp;&nbsp;
 * γ<sub>ij</sub> = mean ∂²W̃/∂z<sub>i</sub>∂z<sub>j</sub> / mean W̃</blockquote>
 * — the derivatives of population mean fitness with respect to the population mean phenotype, divided by mean
 * fitness. The derivatives are exact (from the spline basis), not finite differences. mean W̃ is gsg's
 * denominator; for the canonical links used here it equals mean W. Bootstrap standard errors and percentile
 * intervals come from case resampling with the GAM refitted and its smoothing parameters re-selected in every
 * replicate.
 *
 * @param family  the family chosen from the fitness values
 * @param beta    β<sub>gam</sub> per trait (term = trait)
 * @param gamma   γ<sub>gam</sub> upper triangle (term {@code a:b}), diagonal included (not halved)
 * @param fitness the fitted fitness function (for figures: values, gradients and a pointwise band)
 */
public record GamGradients(GamFamily family, List<Coefficient> beta, List<Coefficient> gamma, FittedGam fitness) {

    public GamGradients {
        beta = List.copyOf(beta);
        gamma = List.copyOf(gamma);
    }

    /** The tidy-table analysis name of β: {@code beta_gam}. */
    public static final String BETA = "beta_gam";
    /** The tidy-table analysis name of γ: {@code gamma_gam}. */
    public static final String GAMMA = "gamma_gam";

    /** The family as the output says it, with why it was chosen. */
    public String familyDescription() {
        return switch (family) {
            case BINOMIAL -> "binomial (logit link), fitness is 0/1";
            case POISSON -> "Poisson (log link), fitness is a non-negative whole number";
            case GAUSSIAN -> "Gaussian (identity link), fitness is continuous";
        };
    }
}
