package org.fallline.evolution;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of the tidy table of a {@link SelectionReport}, mapping 1:1 to a line of the CSV with the
 * header {@link #COLUMNS}: {@code group,analysis,term,estimate,std.error,statistic,p.value,conf.low,
 * conf.high,boot.se,perm.p.value,boot.conf.low,boot.conf.high,glm.p.value}. Absent values are empty.
 *
 * <p>{@code analysis} is one of {@code S}, {@code C}, {@code beta}, {@code gamma},
 * {@code quadratic_linear}, {@code covariate}, {@code eigenvalue}, {@code eigenvector}, {@code theta},
 * {@code beta_logistic}, {@code gamma_logistic}, {@code gamma_logistic_js}, {@code beta_poisson},
 * {@code gamma_poisson}, {@code beta_gam}, {@code gamma_gam}, {@code response}, {@code fit}, {@code compare}; see {@link SelectionReport#tidy()}
 * for the terms.
 *
 * @param group      the group (the value of the {@code by} column, or {@code all})
 * @param analysis   what was estimated
 * @param term       which element
 * @param estimate   the estimate
 * @param stdError   analytic standard error
 * @param statistic  test statistic (t, z or F)
 * @param pValue     its p-value
 * @param confLow    lower 95% confidence limit
 * @param confHigh   upper 95% confidence limit
 * @param bootSe     bootstrap standard error
 * @param permPValue permutation p-value
 * @param bootConfLow  2.5% percentile of the bootstrap estimates (percentile interval)
 * @param bootConfHigh 97.5% percentile of the bootstrap estimates
 * @param glmPValue  beside a least-squares β, γ or covariate estimate of 0/1 or count fitness: the Wald p-value
 *                   of the same term in the logistic or Poisson GLM of the same model (first-order for β,
 *                   second-order for γ and the covariates)
 */
public record Estimate(String group, String analysis, String term, double estimate, OptionalDouble stdError,
        OptionalDouble statistic, OptionalDouble pValue, OptionalDouble confLow, OptionalDouble confHigh,
        OptionalDouble bootSe, OptionalDouble permPValue, OptionalDouble bootConfLow, OptionalDouble bootConfHigh,
        OptionalDouble glmPValue) {

    /** The tidy CSV header, in order. */
    public static final List<String> COLUMNS = List.of("group", "analysis", "term", "estimate", "std.error",
            "statistic", "p.value", "conf.low", "conf.high", "boot.se", "perm.p.value", "boot.conf.low", "boot.conf.high",
            "glm.p.value");

    public Estimate {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(term, "term");
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException(analysis + " " + term + ": estimate is not finite");
        }
    }

    /** A row without a GLM p-value. */
    public Estimate(String group, String analysis, String term, double estimate, OptionalDouble stdError,
            OptionalDouble statistic, OptionalDouble pValue, OptionalDouble confLow, OptionalDouble confHigh,
            OptionalDouble bootSe, OptionalDouble permPValue, OptionalDouble bootConfLow, OptionalDouble bootConfHigh) {
        this(group, analysis, term, estimate, stdError, statistic, pValue, confLow, confHigh, bootSe, permPValue,
                bootConfLow, bootConfHigh, OptionalDouble.empty());
    }

    /** The row of a coefficient. */
    static Estimate of(String group, String analysis, Coefficient c) {
        return new Estimate(group, analysis, c.term(), c.estimate(), c.stdError(), c.statistic(), c.pValue(),
                c.confLow(), c.confHigh(), c.bootSe(), c.permP(), c.bootLow(), c.bootHigh(), c.glmP());
    }

    /** A row with an estimate only. */
    static Estimate of(String group, String analysis, String term, double estimate) {
        OptionalDouble e = OptionalDouble.empty();
        return new Estimate(group, analysis, term, estimate, e, e, e, e, e, e, e, e, e);
    }
}
