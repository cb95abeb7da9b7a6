package org.fallline.evolution.gam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionException.Kind;
import org.fallline.evolution.internal.gam.CubicRegressionSpline;
import org.fallline.evolution.internal.gam.GamDesign;
import org.fallline.evolution.internal.gam.PenalizedIrls;
import org.fallline.evolution.internal.gam.SmoothTerm;
import org.fallline.evolution.internal.gam.SmoothingSearch;

/**
 * Fits a fitness function as a generalised additive model, as mgcv's {@code gam(y ~ …, method = "GCV.Cp")}
 * does (Wood 2017, <i>Generalized Additive Models</i>, 2nd ed.): g(E[y]) = α + cᵀγ + f(z) with f one
 * {@code s(z, bs = "cr")} for one trait, one tensor product {@code te(z1, …, zk)} of cubic regression spline
 * margins for two or three traits (Morrissey &amp; Sakrejda 2013's fitness surface), and s(z1) + … + s(zk) beyond
 * three (or when asked); c are parametric covariates. Coefficients maximise the penalised likelihood by
 * penalised IRLS; the smoothing parameters minimise GCV (Gaussian) or UBRE (binomial, Poisson), see
 * {@link SmoothingCriterion}.
 *
 * <p>The model matrix is held in memory (n × p doubles, p = 1 + covariates + Σ basis dimensions, e.g. 25 for two
 * traits, 125 for three): a fit needing more than a quarter of the Java heap for it is refused as bad input.
 */
public final class Gam {

    /**
     * Deviance per individual below which a binomial fit is taken as complete separation: every fitted probability is
     * then within about 1e-6 of its 0/1 outcome, which happens only when the outcomes are split by the traits.
     */
    static final double SEPARATION_DEVIANCE = 1e-6;

    private Gam() {
    }

    /** Fits y on traits z (n × k, columns named {@code traits}) without covariates. */
    public static FittedGam fit(List<String> traits, double[][] z, double[] y, GamFamily family, GamOptions options) {
        return fit(traits, z, List.of(), new double[z.length][0], y, family, options);
    }

    /**
     * Fits y on traits z and parametric covariates c (n × m, columns named {@code covariates}).
     *
     * @throws SelectionException BAD_INPUT when a trait has fewer distinct values than its basis needs, y is not
     *                            valid for the family or the model matrix would not fit in memory; NUMERICAL when the
     *                            penalised IRLS does not converge or a binomial fit separates
     */
    public static FittedGam fit(List<String> traits, double[][] z, List<String> covariates, double[][] c, double[] y,
            GamFamily family, GamOptions options) {
        int n = y.length;
        int k = traits.size();
        if (z.length != n || c.length != n) {
            throw new IllegalArgumentException("traits, covariates and fitness have different lengths");
        }
        checkResponse(y, family);
        List<SmoothTerm> smooths = new ArrayList<>();
        boolean tensor = k > 1 && k <= GamOptions.MAX_TENSOR_TRAITS && !options.additive();
        if (tensor) {
            int[] vars = new int[k];
            int[] q = new int[k];
            for (int t = 0; t < k; t++) {
                vars[t] = t;
                q[t] = options.marginDimension();
                checkDistinct(traits, z, t, q[t], "tensor-product margin");
            }
            smooths.add(new SmoothTerm(z, vars, q));
        } else {
            for (int t = 0; t < k; t++) {
                checkDistinct(traits, z, t, options.smoothDimension(), "smooth");
                smooths.add(new SmoothTerm(z, new int[] {t}, new int[] {options.smoothDimension()}));
            }
        }
        int m = covariates.size();
        GamDesign design = new GamDesign(k, m, smooths);
        int p = design.columns();
        if (n <= p) {
            throw new SelectionException("the GAM has " + p + " coefficients but only " + n + " individuals: it needs"
                    + " more individuals than coefficients; use fewer traits or a smaller basis");
        }
        long bytes = 8L * n * p;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 4) {
            throw new SelectionException(String.format(Locale.ROOT, "the GAM's model matrix (%d individuals × %d"
                    + " coefficients) needs %d MB, more than a quarter of the Java heap (%d MB): give the JVM more"
                    + " memory (-Xmx), fewer traits or a smaller basis", n, p, bytes >> 20, heap >> 20));
        }
        DistinctRows rows = DistinctRows.of(z, c, y, family);
        int u = rows.size();
        double[] x = new double[u * p];
        double[] row = new double[p];
        GamDesign.Workspace w = design.workspace();
        for (int g = 0; g < u; g++) {
            int i = rows.first(g);
            design.row(z[i], c[i], w, row);
            System.arraycopy(row, 0, x, g * p, p);
        }
        List<double[][]> penalties = design.penalties();
        PenalizedIrls irls = new PenalizedIrls(x, p, rows.meanResponse(), rows.counts(), rows.devianceConstant(), family,
                penalties);
        SmoothingCriterion criterion = options.criterion().orElse(family.defaultCriterion());
        SmoothingSearch search = new SmoothingSearch(irls, criterion, n);
        SmoothingSearch.Result result;
        try {
            if (options.smoothingParameters().isPresent()) {
                double[] lambda = options.smoothingParameters().get();
                if (lambda.length != penalties.size()) {
                    throw new IllegalArgumentException("the model has " + penalties.size() + " smoothing parameters, "
                            + lambda.length + " given");
                }
                double[] rho = new double[lambda.length];
                for (int j = 0; j < rho.length; j++) {
                    rho[j] = Math.log(lambda[j]);
                }
                result = search.at(rho);
            } else if (options.startingSmoothingParameters().isPresent()) {
                double[] lambda = options.startingSmoothingParameters().get();
                if (lambda.length != penalties.size()) {
                    throw new IllegalArgumentException("the model has " + penalties.size() + " smoothing parameters, "
                            + lambda.length + " given");
                }
                double[] rho = new double[lambda.length];
                for (int j = 0; j < rho.length; j++) {
                    rho[j] = Math.log(lambda[j]);
                }
                result = search.refine(rho);
            } else {
                result = search.minimise(penalties.size(), smooths.size() > 1);
            }
        } catch (PenalizedIrls.NotConverged e) {
            if (e.separated()) {
                throw new SelectionException(Kind.NUMERICAL, "the binomial GAM separates the data: fitted survival"
                        + " probabilities reach 0 or 1 (" + e.getMessage() + "); the fitness function is not"
                        + " estimable from these data — use fewer traits or the OLS analysis");
            }
            throw new SelectionException(Kind.NUMERICAL, "the GAM could not be fitted: " + e.getMessage());
        }
        if (family == GamFamily.BINOMIAL && result.fit().deviance() < SEPARATION_DEVIANCE * n) {
            throw new SelectionException(Kind.NUMERICAL, String.format(Locale.ROOT, "the binomial GAM separates the"
                    + " data: the traits predict every survival and death (deviance %.2g, fitted probabilities 0 or 1),"
                    + " so the fitness function has no finite estimate; use fewer traits or the OLS analysis",
                    result.fit().deviance()));
        }
        double[] means = new double[m];
        for (double[] ci : c) {
            for (int j = 0; j < m; j++) {
                means[j] += ci[j] / n;
            }
        }
        return new FittedGam(traits, covariates, means, design, family, criterion, result, rows.groups(), formula(traits,
                covariates, tensor, options));
    }

    private static String formula(List<String> traits, List<String> covariates, boolean tensor, GamOptions o) {
        StringBuilder b = new StringBuilder();
        for (String cv : covariates) {
            b.append(cv).append(" + ");
        }
        if (tensor) {
            b.append("te(").append(String.join(", ", traits)).append(", bs = \"cr\", k = ").append(o.marginDimension())
                    .append(')');
        } else {
            for (int t = 0; t < traits.size(); t++) {
                b.append(t > 0 ? " + " : "").append("s(").append(traits.get(t)).append(", bs = \"cr\", k = ")
                        .append(o.smoothDimension()).append(')');
            }
        }
        return b.toString();
    }

    private static void checkDistinct(List<String> traits, double[][] z, int t, int q, String what) {
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = z[i][t];
        }
        int u = CubicRegressionSpline.distinctCount(x);
        if (u < q) {
            throw new SelectionException("trait '" + traits.get(t) + "' has " + u + " distinct value"
                    + (u == 1 ? "" : "s") + ", fewer than the " + q + " knots of its cubic regression spline " + what
                    + ": a spline fitness function needs at least " + q + " (use the OLS analysis, or fewer knots)");
        }
    }

    private static void checkResponse(double[] y, GamFamily family) {
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            boolean ok = switch (family) {
                case GAUSSIAN -> Double.isFinite(v);
                case BINOMIAL -> v == 0 || v == 1;
                case POISSON -> v >= 0 && v == Math.rint(v) && Double.isFinite(v);
            };
            if (!ok) {
                throw new SelectionException("fitness " + v + " of individual " + (i + 1) + " is not valid for a "
                        + family.name().toLowerCase(Locale.ROOT) + " GAM (" + switch (family) {
                            case GAUSSIAN -> "a finite number";
                            case BINOMIAL -> "0 or 1";
                            case POISSON -> "a non-negative whole number";
                        } + " expected)");
            }
        }
    }
}
