package org.fallline.evolution;

/**
 * Summary of one least-squares fit of relative fitness w, as R's {@code summary.lm} gives it:
 * R² = 1 − RSS/TSS, adjusted R² = 1 − (1 − R²)(n − 1)/(n − p), residual standard error
 * σ = √(RSS/(n − p)), and the overall F = ((TSS − RSS)/(p − 1)) / σ² on (p − 1, n − p) degrees of
 * freedom with its p-value.
 *
 * @param n            individuals
 * @param parameters   p, coefficients including the intercept
 * @param rSquared     R²
 * @param adjRSquared  adjusted R²
 * @param sigma        residual standard error σ
 * @param fStatistic   overall F statistic
 * @param dfModel      p − 1
 * @param dfResidual   n − p
 * @param fPValue      P(F(p − 1, n − p) ≥ F)
 */
public record ModelFit(long n, int parameters, double rSquared, double adjRSquared, double sigma, double fStatistic,
        int dfModel, long dfResidual, double fPValue) {
}
