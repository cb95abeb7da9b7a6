package org.fallline.evolution;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One estimated quantity with whatever inference the analysis could give it: the analytic standard
 * error, test statistic (t for least squares, z for a GLM), two-sided p-value and 95% confidence
 * interval (t distribution with the residual degrees of freedom for least squares); the case-bootstrap
 * standard error and percentile 95% interval; the permutation p-value; for a least-squares estimate of
 * binary or count fitness, the p-value of the same term in the matching GLM. Absent values are empty,
 * never NaN.
 *
 * @param term      the term, named as in the tidy table ({@code a}, {@code a:b}, {@code m1})
 * @param estimate  the estimate
 * @param stdError  analytic standard error
 * @param statistic estimate / standard error
 * @param pValue    two-sided p-value of the statistic
 * @param confLow   lower end of the 95% confidence interval
 * @param confHigh  upper end of the 95% confidence interval
 * @param bootSe    bootstrap standard error (sd of the resampled estimates, divisor B − 1)
 * @param bootLow   2.5% percentile of the resampled estimates
 * @param bootHigh  97.5% percentile of the resampled estimates
 * @param permP     permutation p-value (1 + #{|permuted| ≥ |observed|}) / (B + 1)
 * @param glmP      Wald p-value 2Φ(−|θ/SE|) of the same term in the GLM (logistic for 0/1 fitness, Poisson for
 *                  counts) of the same model, beside a least-squares estimate (Mitchell-Olds &amp; Shaw 1987)
 */
public record Coefficient(String term, double estimate, OptionalDouble stdError, OptionalDouble statistic,
        OptionalDouble pValue, OptionalDouble confLow, OptionalDouble confHigh, OptionalDouble bootSe,
        OptionalDouble bootLow, OptionalDouble bootHigh, OptionalDouble permP, OptionalDouble glmP) {

    public Coefficient {
        Objects.requireNonNull(term, "term");
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException("estimate of " + term + " is not finite: " + estimate);
        }
        stdError = finite(stdError);
        statistic = finite(statistic);
        pValue = finite(pValue);
        confLow = finite(confLow);
        confHigh = finite(confHigh);
        bootSe = finite(bootSe);
        bootLow = finite(bootLow);
        bootHigh = finite(bootHigh);
        permP = finite(permP);
        glmP = finite(glmP);
    }

    /** A coefficient without a GLM p-value. */
    public Coefficient(String term, double estimate, OptionalDouble stdError, OptionalDouble statistic,
            OptionalDouble pValue, OptionalDouble confLow, OptionalDouble confHigh, OptionalDouble bootSe,
            OptionalDouble bootLow, OptionalDouble bootHigh, OptionalDouble permP) {
        this(term, estimate, stdError, statistic, pValue, confLow, confHigh, bootSe, bootLow, bootHigh, permP,
                OptionalDouble.empty());
    }

    private static OptionalDouble finite(OptionalDouble v) {
        return v == null || v.isEmpty() || !Double.isFinite(v.getAsDouble()) ? OptionalDouble.empty() : v;
    }

    /** An estimate without inference. */
    public static Coefficient of(String term, double estimate) {
        OptionalDouble e = OptionalDouble.empty();
        return new Coefficient(term, estimate, e, e, e, e, e, e, e, e, e);
    }

    /** An estimate with standard error, statistic, p-value and confidence interval. */
    public static Coefficient of(String term, double estimate, double stdError, double statistic, double pValue,
            double confLow, double confHigh) {
        OptionalDouble e = OptionalDouble.empty();
        return new Coefficient(term, estimate, OptionalDouble.of(stdError), OptionalDouble.of(statistic),
                OptionalDouble.of(pValue), OptionalDouble.of(confLow), OptionalDouble.of(confHigh), e, e, e, e);
    }

    /** This estimate with a bootstrap standard error and percentile interval. */
    public Coefficient withBootstrap(double se, double low, double high) {
        return new Coefficient(term, estimate, stdError, statistic, pValue, confLow, confHigh, OptionalDouble.of(se),
                OptionalDouble.of(low), OptionalDouble.of(high), permP, glmP);
    }

    /** This estimate with a permutation p-value. */
    public Coefficient withPermutationP(double p) {
        return new Coefficient(term, estimate, stdError, statistic, pValue, confLow, confHigh, bootSe, bootLow,
                bootHigh, OptionalDouble.of(p), glmP);
    }

    /** This estimate with the p-value of the same term in the matching GLM. */
    public Coefficient withGlmP(double p) {
        return new Coefficient(term, estimate, stdError, statistic, pValue, confLow, confHigh, bootSe, bootLow,
                bootHigh, permP, OptionalDouble.of(p));
    }
}
