package org.fallline.evolution;

import java.util.ArrayList;
import java.util.List;
import org.fallline.evolution.internal.AverageDerivatives;
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
 * coefficients γ<sub>JS</sub> = mean(p(1 − p))·q/W̄ of the second-order fit. A fit that separates gives
 * no numbers, only a diagnosis.
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

    private static double mean(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s / w.length;
    }

    /** The gradients with their delta-method inference. */
    static GlmGradients analyse(Model model, double[][] z, double[] w, List<String> traits, boolean quadratic) {
        int k = traits.size();
        double meanW = mean(w);
        String family = model == Model.LOGISTIC ? "logistic" : "Poisson";
        List<Coefficient> beta = new ArrayList<>();
        List<Coefficient> gamma = new ArrayList<>();
        List<Coefficient> gammaJs = new ArrayList<>();
        List<String> diagnoses = new ArrayList<>();
        SecondOrderFitness secondOrder = null;
        GlmFit f1 = fit(model, NonNormalGradients.firstOrderDesign(z), w);
        if (f1.separation()) {
            diagnoses.add(family + " β not reported, first-order " + family + " fit: " + f1.diagnosis());
        } else {
            AverageDerivatives.Result b = AverageDerivatives.beta(f1, z, meanW, link(model), true);
            for (int i = 0; i < k; i++) {
                beta.add(wald(traits.get(i), b.estimate()[i], b.se()[i]));
            }
        }
        if (quadratic) {
            GlmFit f2 = fit(model, NonNormalGradients.secondOrderDesign(z), w);
            if (f2.separation()) {
                diagnoses.add(family + " γ not reported, second-order " + family + " fit: " + f2.diagnosis());
            } else {
                AverageDerivatives.Result g = AverageDerivatives.gamma(f2, z, meanW, link(model), true);
                double js = model == Model.LOGISTIC ? meanP1mP(f2) / meanW : 0;
                secondOrder = SecondOrderFitness.ofBasis(model, f2.coefficients(), k, 0, meanW);
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
        return new GlmGradients(model, beta, gamma, gammaJs, diagnoses, java.util.Optional.ofNullable(secondOrder));
    }

    /**
     * The bootstrap statistic [β (when wanted), γ and γ<sub>JS</sub> (when wanted)] of one resample.
     *
     * @throws SelectionException NUMERICAL when a fit separates
     */
    static double[] estimates(Model model, double[][] z, double[] w, boolean withBeta, boolean withGamma,
            boolean withJs) {
        int k = z[0].length;
        int m = k * (k + 1) / 2;
        double meanW = mean(w);
        double[] out = new double[(withBeta ? k : 0) + (withGamma ? m : 0) + (withJs ? m : 0)];
        int at = 0;
        if (withBeta) {
            GlmFit f1 = fit(model, NonNormalGradients.firstOrderDesign(z), w);
            failIfSeparated(f1);
            double[] b = AverageDerivatives.beta(f1, z, meanW, link(model), false).estimate();
            System.arraycopy(b, 0, out, 0, k);
            at = k;
        }
        if (withGamma || withJs) {
            GlmFit f2 = fit(model, NonNormalGradients.secondOrderDesign(z), w);
            failIfSeparated(f2);
            if (withGamma) {
                double[] g = AverageDerivatives.gamma(f2, z, meanW, link(model), false).estimate();
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
