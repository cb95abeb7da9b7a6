package org.fallline.evolution.internal;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Tail probabilities through the regularised incomplete beta function, which keeps full relative
 * precision for tiny p-values (1 − cdf would lose it): for Student's t with ν degrees of freedom,
 * P(|T| ≥ t) = I<sub>ν/(ν+t²)</sub>(ν/2, ½); for F(d₁, d₂), P(F ≥ f) = I<sub>d₂/(d₂+d₁f)</sub>(d₂/2, d₁/2)
 * (Abramowitz &amp; Stegun 26.5.27, 26.6.2).
 */
public final class Distributions {

    private Distributions() {
    }

    /** Two-sided p-value of a t statistic. */
    public static double tTwoSided(double t, double df) {
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Beta.regularizedBeta(df / (df + t * t), 0.5 * df, 0.5);
    }

    /** Two-sided p-value of a standard normal statistic, erfc(|z|/√2). */
    public static double normalTwoSided(double z) {
        return org.apache.commons.math3.special.Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** Upper-tail probability of a χ² statistic with df degrees of freedom, Q(df/2, x/2). */
    public static double chiSquaredUpper(double x, double df) {
        if (x <= 0) {
            return 1.0;
        }
        return org.apache.commons.math3.special.Gamma.regularizedGammaQ(0.5 * df, 0.5 * x);
    }

    /** Upper-tail probability of an F statistic. */
    public static double fUpper(double f, double df1, double df2) {
        if (f <= 0) {
            return 1.0;
        }
        return Beta.regularizedBeta(df2 / (df2 + df1 * f), 0.5 * df2, 0.5 * df1);
    }

    /** The (1 + level)/2 quantile of t with df degrees of freedom (the half-width factor of a level interval). */
    public static double tQuantile(double level, double df) {
        return new TDistribution(null, df, 1e-13).inverseCumulativeProbability(0.5 + 0.5 * level);
    }
}
