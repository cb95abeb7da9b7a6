package org.fallline.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The result of a {@link SelectionAnalysis}: one {@link GroupReport} per group and notes about the
 * whole input (rows filtered out, rows without a group). Immutable; rendering is the caller's job,
 * helped by {@link #tidy()}.
 *
 * @param source          the name of the source (file name)
 * @param fitness         the fitness column
 * @param traits          trait names
 * @param standardization how traits were scaled
 * @param logTraits       traits analysed on the natural-log scale
 * @param groups          one report per group, in group order (numeric order when every label is a
 *                        number, text order otherwise)
 * @param notes           remarks about the input as a whole, one line each
 * @param comparisons     the tests of equal selection across groups (terms {@code beta}, {@code gamma};
 *                        estimate and statistic the F or χ² statistic), empty unless asked for
 */
public record SelectionReport(String source, String fitness, List<String> traits, Standardization standardization,
        Set<String> logTraits, List<GroupReport> groups, List<String> notes, List<Coefficient> comparisons) {

    public SelectionReport {
        traits = List.copyOf(traits);
        logTraits = Set.copyOf(logTraits);
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
        comparisons = List.copyOf(comparisons);
    }

    /** A report without group comparisons. */
    public SelectionReport(String source, String fitness, List<String> traits, Standardization standardization,
            Set<String> logTraits, List<GroupReport> groups, List<String> notes) {
        this(source, fitness, traits, standardization, logTraits, groups, notes, List.of());
    }

    /**
     * The whole report as rows of the tidy table ({@link Estimate#COLUMNS}), group by group, in this
     * order of {@code analysis}:
     *
     * <ul>
     *   <li>{@code S}: S = Cov(w, z) with divisor n; term = trait.</li>
     *   <li>{@code C}: C<sub>ij</sub>, divisor n; term {@code a:b} for i ≤ j in trait-list order.</li>
     *   <li>{@code beta}: β with OLS SE, t, p and 95% interval, bootstrap SE, permutation p.</li>
     *   <li>{@code gamma}: γ<sub>ij</sub> (diagonal: coefficient of ½z², so already doubled), term
     *       {@code a:b}, with the same inference.</li>
     *   <li>{@code quadratic_linear}: linear terms of the second-order model.</li>
     *   <li>{@code covariate}: the covariates' coefficients with their OLS inference, from the second-order
     *       model (the first-order one when only that is fitted); term = the covariate, or
     *       {@code NAME:LEVEL} for a level of a categorical covariate against its reference level.</li>
     *   <li>{@code eigenvalue}: λ of γ, decreasing, term {@code m1}…{@code mk}, inference from the
     *       double regression, bootstrap SE.</li>
     *   <li>{@code eigenvector}: element of M, term {@code m1:a} (axis m1, trait a).</li>
     *   <li>{@code theta}: θ, linear gradient along each canonical axis, term {@code m1}….</li>
     *   <li>{@code beta_logistic}, {@code gamma_logistic}, {@code beta_poisson},
     *       {@code gamma_poisson}: average-derivative GLM gradients (delta-method SE, z statistics);
     *       {@code gamma_logistic_js}: Janzen &amp; Stern's rescaled coefficients.</li>
     *   <li>{@code beta_gam}, {@code gamma_gam} (with {@code --model gam}): gsg's GAM gradients, mean derivatives
     *       of the spline fitness function over the individuals / mean fitted fitness ({@link GamGradients}); term
     *       = trait and {@code a:b}; bootstrap SE and percentile interval when resampled.</li>
     *   <li>{@code response}: Δz̄ = Gβ in trait units, term = trait.</li>
     *   <li>{@code compare} (group {@code all}, after the groups, with {@code compareGroups}): terms
     *       {@code beta} and {@code gamma}, estimate and statistic the F or likelihood-ratio χ².</li>
     *   <li>{@code fit}: one row per statistic, term = {@code n} (individuals), {@code dropped} (rows
     *       dropped for missing values), {@code mean_fitness} (W̄), then for the first-order model
     *       {@code linear.r.squared}, {@code linear.adj.r.squared}, {@code linear.sigma},
     *       {@code linear.f.statistic} (estimate = statistic = F, with its p-value), {@code linear.df}
     *       (p − 1), {@code linear.df.residual} (n − p), and the same with the prefix
     *       {@code quadratic.} for the second-order model; for the double regression only
     *       {@code canonical.r.squared} (its F and degrees of freedom would ignore the estimated rotation); with
     *       the GAM {@code gam.edf} (total effective degrees of freedom), {@code gam.ubre} or {@code gam.gcv} (the
     *       minimised score), {@code gam.deviance} and {@code gam.scale}.</li>
     * </ul>
     */
    public List<Estimate> tidy() {
        List<Estimate> rows = new ArrayList<>();
        for (GroupReport g : groups) {
            tidy(g, rows);
        }
        for (Coefficient c : comparisons) {
            rows.add(Estimate.of(GroupReport.ALL, "compare", c));
        }
        return List.copyOf(rows);
    }

    private static void tidy(GroupReport g, List<Estimate> rows) {
        String grp = g.group();
        List<String> t = g.traits();
        int k = t.size();
        SelectionDifferentials d = g.differentials();
        double[] s = d.s();
        double[][] c = d.c();
        for (int i = 0; i < k; i++) {
            rows.add(Estimate.of(grp, "S", t.get(i), s[i]));
        }
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                rows.add(Estimate.of(grp, "C", t.get(i) + ":" + t.get(j), c[i][j]));
            }
        }
        for (Coefficient b : g.gradient().beta()) {
            rows.add(Estimate.of(grp, "beta", b));
        }
        g.quadratic().ifPresent(q -> {
            for (Coefficient e : q.gamma()) {
                rows.add(Estimate.of(grp, "gamma", e));
            }
            for (Coefficient e : q.linear()) {
                rows.add(Estimate.of(grp, "quadratic_linear", e));
            }
        });
        for (Coefficient e : g.covariates()) {
            rows.add(Estimate.of(grp, "covariate", e));
        }
        g.canonical().ifPresent(ca -> {
            for (Coefficient e : ca.eigenvalues()) {
                rows.add(Estimate.of(grp, "eigenvalue", e));
            }
            double[][] m = ca.eigenvectors();
            for (int a = 0; a < k; a++) {
                for (int i = 0; i < k; i++) {
                    rows.add(Estimate.of(grp, "eigenvector", "m" + (a + 1) + ":" + t.get(i), m[i][a]));
                }
            }
            for (Coefficient e : ca.theta()) {
                rows.add(Estimate.of(grp, "theta", e));
            }
        });
        for (GlmGradients gl : g.glm()) {
            for (Coefficient e : gl.beta()) {
                rows.add(Estimate.of(grp, gl.betaAnalysis(), e));
            }
            for (Coefficient e : gl.gamma()) {
                rows.add(Estimate.of(grp, gl.gammaAnalysis(), e));
            }
            for (Coefficient e : gl.gammaJs()) {
                rows.add(Estimate.of(grp, gl.gammaJsAnalysis(), e));
            }
        }
        g.gam().ifPresent(gm -> {
            for (Coefficient e : gm.beta()) {
                rows.add(Estimate.of(grp, GamGradients.BETA, e));
            }
            for (Coefficient e : gm.gamma()) {
                rows.add(Estimate.of(grp, GamGradients.GAMMA, e));
            }
        });
        g.response().ifPresent(r -> {
            for (Coefficient e : r.response()) {
                rows.add(Estimate.of(grp, "response", e));
            }
        });
        rows.add(Estimate.of(grp, "fit", "n", g.n()));
        rows.add(Estimate.of(grp, "fit", "dropped", g.dropped()));
        rows.add(Estimate.of(grp, "fit", "mean_fitness", g.meanFitness()));
        fit(grp, "linear", g.gradient().fit(), rows);
        g.quadratic().ifPresent(q -> fit(grp, "quadratic", q.fit(), rows));
        // The double regression's fit is the second-order model's (same fitted values once the axes are
        // chosen); its F and degrees of freedom would ignore the rotation estimated from the data, so
        // only R² is reported.
        g.canonical().ifPresent(ca -> rows.add(Estimate.of(grp, "fit", "canonical.r.squared", ca.fit().rSquared())));
        g.gam().ifPresent(gm -> {
            rows.add(Estimate.of(grp, "fit", "gam.edf", gm.fitness().edf()));
            rows.add(Estimate.of(grp, "fit", "gam." + gm.fitness().criterion().name().toLowerCase(java.util.Locale.ROOT),
                    gm.fitness().score()));
            rows.add(Estimate.of(grp, "fit", "gam.deviance", gm.fitness().deviance()));
            rows.add(Estimate.of(grp, "fit", "gam.scale", gm.fitness().scale()));
        });
    }

    private static void fit(String grp, String prefix, ModelFit f, List<Estimate> rows) {
        rows.add(Estimate.of(grp, "fit", prefix + ".r.squared", f.rSquared()));
        rows.add(Estimate.of(grp, "fit", prefix + ".adj.r.squared", f.adjRSquared()));
        rows.add(Estimate.of(grp, "fit", prefix + ".sigma", f.sigma()));
        OptionalDouble e = OptionalDouble.empty();
        rows.add(new Estimate(grp, "fit", prefix + ".f.statistic", f.fStatistic(), e, OptionalDouble.of(f.fStatistic()),
                OptionalDouble.of(f.fPValue()), e, e, e, e, e, e));
        rows.add(Estimate.of(grp, "fit", prefix + ".df", f.dfModel()));
        rows.add(Estimate.of(grp, "fit", prefix + ".df.residual", f.dfResidual()));
    }
}
