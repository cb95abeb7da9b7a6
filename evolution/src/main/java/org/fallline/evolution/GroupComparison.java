package org.fallline.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.fallline.evolution.internal.Distributions;
import org.fallline.evolution.internal.Glm;
import org.fallline.evolution.internal.GlmFit;
import org.fallline.evolution.internal.LeastSquares;
import org.fallline.evolution.internal.PolynomialBasis;
import org.fallline.evolution.internal.RowStore;
import org.fallline.evolution.internal.StandardizedMoments;

/**
 * "Does selection differ between the groups?": tests of equal β and of equal γ across the groups of
 * the {@code by} column by the trait × group interaction, with fitness relativised and traits
 * standardised within each group as the per-group analyses do.
 * <ul>
 *   <li>Equal β: the first-order model with group intercepts and group-specific slopes against group
 *       intercepts and common slopes, (G − 1)k degrees of freedom.</li>
 *   <li>Equal γ: the second-order model with group-specific intercepts, linear and quadratic terms
 *       against group-specific intercepts and linear terms and common quadratic terms,
 *       (G − 1)k(k + 1)/2 degrees of freedom.</li>
 * </ul>
 * For least squares the statistic is F = [(RSS<sub>0</sub> − RSS<sub>1</sub>)/d] / [RSS<sub>1</sub>/(N − p<sub>1</sub>)]
 * on (d, N − p<sub>1</sub>) degrees of freedom, as R's {@code anova(lm0, lm1)}; when a GLM is fitted (0/1
 * or count fitness) it is the likelihood-ratio statistic D<sub>0</sub> − D<sub>1</sub> (deviances), χ² on d
 * degrees of freedom, as {@code anova(glm0, glm1, test = "Chisq")}. The least-squares fits come from the
 * groups' triangular factors stacked (their Gram matrices add), so no row is read again. Covariates enter
 * both models of each test with group-specific coefficients, as the group intercepts do (each group's own
 * analysis has its own covariate effects), so the tests compare selection only.
 */
final class GroupComparison {

    private GroupComparison() {
    }

    /** One group: its moments and, when a GLM is fitted, its rows. */
    record Group(String label, StandardizedMoments moments, RowStore rows) {
    }

    /** The comparisons and one note per comparison saying what was tested. */
    record Result(List<Coefficient> tests, List<String> notes) {
    }

    static Result compare(List<Group> groups, SelectionOptions options, Model glm) {
        int k = options.traits().size();
        List<Coefficient> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String by = options.by().orElseThrow();
        if (groups.size() < 2) {
            notes.add("no comparison of groups: '" + by + "' has a single group");
            return new Result(tests, notes);
        }
        boolean[] orders = options.quadratic() ? new boolean[] {false, true} : new boolean[] {false};
        for (boolean second : orders) {
            String term = second ? "gamma" : "beta";
            double[] stat = glm != null ? likelihoodRatio(groups, k, second, glm) : fTest(groups, k, second);
            if (stat == null) {
                notes.add("compare " + term + ": not tested, a " + glm.name().toLowerCase(Locale.ROOT)
                        + " fit of the combined groups separates");
                continue;
            }
            OptionalDouble e = OptionalDouble.empty();
            tests.add(new Coefficient(term, stat[0], e, OptionalDouble.of(stat[0]), OptionalDouble.of(stat[1]), e, e, e,
                    e, e, e));
            String what = second ? "equal gamma (second-order model with group-specific linear and quadratic terms"
                    + " against group-specific linear and common quadratic terms)"
                    : "equal beta (first-order model with group-specific slopes against common slopes)";
            notes.add(String.format(Locale.ROOT, "compare %s across the %d groups of '%s': %s, group intercepts in"
                    + " both; %s = %.6g on %s, p = %.4g", term, groups.size(), by, what,
                    glm != null ? "likelihood-ratio chi-squared" : "F", stat[0],
                    glm != null ? String.format(Locale.ROOT, "%d df", (int) stat[2])
                            : String.format(Locale.ROOT, "%d and %d df", (int) stat[2], (int) stat[3]), stat[1]));
        }
        return new Result(tests, notes);
    }

    /**
     * Column of the stacked design for basis column c &gt; 0 of group g, or −1 to leave it out. Columns
     * 0 … G − 1 are the intercept and the indicators of groups 2 … G (treatment contrasts, as R's).
     */
    private static int column(int c, int g, int groups, int k, boolean second, boolean common) {
        int q = PolynomialBasis.secondOrderSize(k);
        if (c <= k) {
            // linear terms: group-specific except in the reduced first-order model
            return !second && common ? groups + (c - 1) : groups + g * k + (c - 1);
        }
        if (!second) {
            return -1;
        }
        int quad = q - 1 - k;
        return common ? groups + groups * k + (c - 1 - k) : groups + groups * k + g * quad + (c - 1 - k);
    }

    /** Adds the intercept column's entry v of group g: to the intercept, and to group g's indicator. */
    private static void intercept(double[] out, int g, double v) {
        out[0] += v;
        if (g > 0) {
            out[g] += v;
        }
    }

    private static int width(int groups, int k, boolean second, boolean common) {
        int quad = PolynomialBasis.secondOrderSize(k) - 1 - k;
        if (!second) {
            return groups + (common ? k : groups * k);
        }
        return groups + groups * k + (common ? quad : groups * quad);
    }

    /** Number of covariate columns of all groups together (each group has its own). */
    private static int covariateWidth(List<Group> groups) {
        int r = 0;
        for (Group g : groups) {
            r += g.moments().covariateColumns();
        }
        return r;
    }

    /** {F, p, df1, df2} of the least-squares comparison. */
    private static double[] fTest(List<Group> groups, int k, boolean second) {
        int gn = groups.size();
        double[] full = fitStacked(groups, k, second, false);
        double[] reduced = fitStacked(groups, k, second, true);
        double df2 = full[2] - full[1];
        double df1 = full[1] - reduced[1];
        double f = ((reduced[0] - full[0]) / df1) / (full[0] / df2);
        return new double[] {Math.max(f, 0.0), Distributions.fUpper(f, df1, df2), df1, df2, gn};
    }

    /** {RSS, rank, N} of the stacked least-squares model. */
    private static double[] fitStacked(List<Group> groups, int k, boolean second, boolean common) {
        int gn = groups.size();
        int base = width(gn, k, second, common);
        int cols = base + covariateWidth(groups);
        int p = second ? PolynomialBasis.secondOrderSize(k) : PolynomialBasis.firstOrderSize(k);
        List<double[]> stacked = new ArrayList<>();
        long n = 0;
        int covAt = base;
        for (int g = 0; g < gn; g++) {
            StandardizedMoments sm = groups.get(g).moments();
            double[][] t = sm.design(p);
            int r = sm.covariateColumns();
            double a = sm.relativeOffset();
            double b = sm.relativeScale();
            for (double[] row : t) {
                double[] out = new double[cols + 1];
                intercept(out, g, row[0]);
                for (int c = 1; c < p; c++) {
                    int to = column(c, g, gn, k, second, common);
                    if (to >= 0) {
                        out[to] += row[c];
                    }
                }
                System.arraycopy(row, p, out, covAt, r);
                // the response in relative fitness w = a + b·e: a linear combination of the columns of [1, e]
                out[cols] = a * row[0] + b * row[p + r];
                stacked.add(out);
            }
            covAt += r;
            n += sm.n();
        }
        LeastSquares.Solution s = LeastSquares.solve(stacked.toArray(new double[0][]), n);
        return new double[] {s.rss(), s.rank(), n};
    }

    /** {χ², p, df}, or null when a fit separates. */
    private static double[] likelihoodRatio(List<Group> groups, int k, boolean second, Model model) {
        double[] full = deviance(groups, k, second, false, model);
        double[] reduced = deviance(groups, k, second, true, model);
        if (full == null || reduced == null) {
            return null;
        }
        double chi = Math.max(reduced[0] - full[0], 0.0);
        double df = full[1] - reduced[1];
        return new double[] {chi, Distributions.chiSquaredUpper(chi, df), df};
    }

    /** {deviance, parameters} of the stacked GLM, or null when it separates. */
    private static double[] deviance(List<Group> groups, int k, boolean second, boolean common, Model model) {
        int gn = groups.size();
        int base = width(gn, k, second, common);
        int cols = base + covariateWidth(groups);
        int p = second ? PolynomialBasis.secondOrderSize(k) : PolynomialBasis.firstOrderSize(k);
        int covAt = base;
        int total = 0;
        for (Group g : groups) {
            total += g.rows().size();
        }
        double[][] x = new double[total][cols];
        double[] y = new double[total];
        double[] phi = new double[PolynomialBasis.secondOrderSize(k)];
        double[] z = new double[k];
        int at = 0;
        for (int g = 0; g < gn; g++) {
            RowStore rows = groups.get(g).rows();
            double[] mean = groups.get(g).moments().mean();
            double[] scale = groups.get(g).moments().scale();
            org.fallline.evolution.internal.CovariateCoding coding = groups.get(g).moments().coding();
            double[] raw = new double[k + rows.covariates()];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < k; j++) {
                    z[j] = (rows.trait(i, j) - mean[j]) / scale[j];
                }
                if (coding.width() > 0) {
                    rows.values(i, raw);
                    coding.fill(raw, k, x[at], covAt);
                }
                PolynomialBasis.fill(z, k, phi);
                intercept(x[at], g, 1.0);
                for (int c = 1; c < p; c++) {
                    int to = column(c, g, gn, k, second, common);
                    if (to >= 0) {
                        x[at][to] += phi[c];
                    }
                }
                y[at++] = rows.fitness(i);
            }
            covAt += coding.width();
        }
        GlmFit fit = model == Model.POISSON ? Glm.poisson(x, y) : Glm.logistic(x, y);
        if (fit.separation()) {
            return null;
        }
        return new double[] {fit.deviance(), cols};
    }
}
