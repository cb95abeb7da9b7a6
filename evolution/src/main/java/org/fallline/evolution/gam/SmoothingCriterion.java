package org.fallline.evolution.gam;

/**
 * The score minimised over the smoothing parameters λ (Wood 2017 §6.2), from the penalised fit at λ with
 * deviance D and effective degrees of freedom τ = tr(A), A the influence matrix of the working linear model:
 *
 * <ul>
 *   <li>{@link #GCV}: generalised cross-validation V<sub>g</sub> = nD/(n − τ)² (Craven &amp; Wahba 1979), for an
 *       unknown scale.</li>
 *   <li>{@link #UBRE}: the un-biased risk estimator (Mallows' C<sub>p</sub>) V<sub>u</sub> = D/n − φ + 2φτ/n with
 *       φ = 1, for a known scale.</li>
 * </ul>
 * These are mgcv's {@code gcv.ubre} for {@code method = "GCV.Cp"}.
 */
public enum SmoothingCriterion {
    /** Generalised cross-validation. */
    GCV,
    /** Un-biased risk estimator, scale 1. */
    UBRE;

    /** The score from the deviance, τ and n. */
    public double score(double deviance, double edf, long n) {
        return switch (this) {
            case GCV -> n * deviance / ((n - edf) * (n - edf));
            case UBRE -> deviance / n - 1 + 2 * edf / n;
        };
    }
}
