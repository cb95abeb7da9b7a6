package org.fallline.evolution;

import java.util.ArrayList;
import java.util.List;
import org.fallline.evolution.internal.AverageDerivatives;
import org.fallline.evolution.internal.CovariateCoding;
import org.fallline.evolution.internal.Distributions;
import org.fallline.evolution.internal.Glm;
import org.fallline.evolution.internal.GlmFit;
import org.fallline.evolution.internal.NonNormalGradients;
import org.fallline.evolution.internal.PolynomialBasis;

/**
 * The GLM gradients of one group ({@link GlmGradients}): the fitted first- and second-order logistic
 * (0/1 fitness) or Poisson (counts) fitness functions of the standardised traits, their
 * average-derivative β (first-order model) and γ (second-order model) with delta-method standard
 * errors ({@link AverageDerivatives}), and for the logistic model Janzen &amp; Stern's rescaled
 * coefficients γ<sub>JS</sub> = mean(p(1 − p))·q/W̄ of the second-order fit. Covariates enter both fits as
 * extra columns after the trait terms. A fit that separates gives no numbers, only a diagnosis.
 */
final class GlmAnalysis {

    /** z<sub>0.975</sub>, for the Wald intervals. */
    private static final double Z975 = 1.959963984540054;

    private GlmAnalysis() {
    }

    private static GlmFit fit(Model model, double[][] x, double[] w) {
        return model == Model.LOGISTIC ? Glm.logistic(x, w) : Glm.poisson(x, w);
    }

    private static AverageDerivatives.Link link(Model model) {
        return model == Model.LOGISTIC ? AverageDerivatives.Link.LOGIT : AverageDerivatives.Link.LOG;
    }

    /** The design [basis | covariate columns]. */
    static double[][] withCovariates(double[][] basis, double[][] cov) {
        if (cov == null) {
            return basis;
        }
        int n = basis.length;
        int b = basis[0].length;
        int r = cov[0].length;
        double[][] x = new double[n][b + r];
        for (int i = 0; i < n; i++) {
            System.arraycopy(basis[i], 0, x[i], 0, b);
            System.arraycopy(cov[i], 0, x[i], b, r);
        }
        return x;
    }

    /** The first-order GLM of z and the covariate columns (null for none). */
    static GlmFit firstOrder(Model model, double[][] z, double[][] cov, double[] w) {
        return fit(model, withCovariates(NonNormalGradients.firstOrderDesign(z), cov), w);
    }

    /** The second-order GLM of z and the covariate columns (null for none). */
    static GlmFit secondOrder(Model model, double[][] z, double[][] cov, double[] w) {
        return fit(model, withCovariates(NonNormalGradients.secondOrderDesign(z), cov), w);
    }

    /**
     * The covariates' part of η with the numeric covariates at their means and the categorical ones at their
     * reference level (what the figures hold them at), from the second-order fit's coefficients.
     */
    private static double heldTerm(GlmFit f2, double[][] cov, CovariateCoding coding) {
        if (cov == null) {
            return 0.0;
        }
        int r = cov[0].length;
        int at = f2.parameterCount() - r;
        double s = 0;
        for (int j = 0; j < r; j++) {
            if (!coding.isCategorical(coding.covariateOf(j))) {
                double m = 0;
                for (double[] row : cov) {
                    m += row[j];
                }
                s += f2.coefficient(at + j) * m / cov.length;
            }
        }
        return s;
    }

    private static double mean(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s / w.length;
    }

    /** The gradients and the two fits they come from (the second null without the second-order model). */
    record Fitted(GlmGradients gradients, GlmFit first, GlmFit second) {
    }

    /** The gradients with their delta-method inference. */
    static Fitted analyse(Model model, double[][] z, double[][] cov, CovariateCoding coding, double[] w,
            List<String> traits, boolean quadratic) {
        int k = traits.size();
        double meanW = mean(w);
        String family = model == Model.LOGISTIC ? "logistic" : "Poisson";
        List<Coefficient> beta = new ArrayList<>();
        List<Coefficient> gamma = new ArrayList<>();
        List<Coefficient> gammaJs = new ArrayList<>();
        List<String> diagnoses = new ArrayList<>();
        SecondOrderFitness secondOrder = null;
        GlmFit f1 = firstOrder(model, z, cov, w);
        if (f1.separation()) {
            diagnoses.add(family + " β not reported, first-order " + family + " fit: " + f1.diagnosis());
        } else {
            AverageDerivatives.Result b = AverageDerivatives.beta(f1, z, cov, meanW, link(model), true);
            for (int i = 0; i < k; i++) {
                beta.add(wald(traits.get(i), b.estimate()[i], b.se()[i]));
            }
        }
        GlmFit f2 = null;
        if (quadratic) {
            f2 = secondOrder(model, z, cov, w);
            if (f2.separation()) {
                diagnoses.add(family + " γ not reported, second-order " + family + " fit: " + f2.diagnosis());
            } else {
                AverageDerivatives.Result g = AverageDerivatives.gamma(f2, z, cov, meanW, link(model), true);
                double js = model == Model.LOGISTIC ? meanP1mP(f2) / meanW : 0;
                secondOrder = SecondOrderFitness.ofBasis(model, f2.coefficients(), k, heldTerm(f2, cov, coding), meanW);
                int at = 0;
                for (int i = 0; i < k; i++) {
                    for (int j = i; j < k; j++) {
                        String term = traits.get(i) + ":" + traits.get(j);
                        gamma.add(wald(term, g.estimate()[at], g.se()[at]));
                        if (model == Model.LOGISTIC) {
                            int c = PolynomialBasis.quadratic(k, i, j);
                            gammaJs.add(Coefficient.of(term, js * f2.coefficient(c), js * f2.standardError(c),
                                    f2.zValues()[c], f2.pValues()[c], js * (f2.coefficient(c) - Z975
                                    * f2.standardError(c)), js * (f2.coefficient(c) + Z975 * f2.standardError(c))));
                        }
                        at++;
                    }
                }
            }
        }
        return new Fitted(new GlmGradients(model, beta, gamma, gammaJs, diagnoses,
                java.util.Optional.ofNullable(secondOrder)), f1, f2);
    }

    /**
     * The bootstrap statistic [β (when wanted), γ and γ<sub>JS</sub> (when wanted)] of one resample.
     *
     * @throws SelectionException NUMERICAL when a fit separates
     */
    static double[] estimates(Model model, double[][] z, double[][] cov, double[] w, boolean withBeta,
            boolean withGamma, boolean withJs) {
        int k = z[0].length;
        int m = k * (k + 1) / 2;
        double meanW = mean(w);
        double[] out = new double[(withBeta ? k : 0) + (withGamma ? m : 0) + (withJs ? m : 0)];
        int at = 0;
        if (withBeta) {
            GlmFit f1 = firstOrder(model, z, cov, w);
            failIfSeparated(f1);
            double[] b = AverageDerivatives.beta(f1, z, cov, meanW, link(model), false).estimate();
            System.arraycopy(b, 0, out, 0, k);
            at = k;
        }
        if (withGamma || withJs) {
            GlmFit f2 = secondOrder(model, z, cov, w);
            failIfSeparated(f2);
            if (withGamma) {
                double[] g = AverageDerivatives.gamma(f2, z, cov, meanW, link(model), false).estimate();
                System.arraycopy(g, 0, out, at, m);
                at += m;
            }
            if (withJs) {
                double js = meanP1mP(f2) / meanW;
                for (int i = 0; i < k; i++) {
                    for (int j = i; j < k; j++) {
                        out[at++] = js * f2.coefficient(PolynomialBasis.quadratic(k, i, j));
                    }
                }
            }
        }
        return out;
    }

    private static void failIfSeparated(GlmFit f) {
        if (f.separation()) {
            throw new SelectionException(SelectionException.Kind.NUMERICAL, "the GLM fit separates");
        }
    }

    private static double meanP1mP(GlmFit f) {
        double s = 0;
        for (double p : f.fitted()) {
            s += p * (1 - p);
        }
        return s / f.fitted().length;
    }

    /** Estimate ± z<sub>0.975</sub>·SE with the two-sided normal p-value of estimate/SE. */
    private static Coefficient wald(String term, double estimate, double se) {
        double z = estimate / se;
        return Coefficient.of(term, estimate, se, z, Distributions.normalTwoSided(z), estimate - Z975 * se,
                estimate + Z975 * se);
    }
}
