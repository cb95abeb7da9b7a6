package org.fallline.evolution;

import java.util.List;
import java.util.Optional;

/**
 * Selection gradients on the scale of relative fitness from a generalised linear model of absolute
 * fitness on the same standardised traits, reported beside the least-squares ones.
 *
 * <p>In both families ({@link Model#LOGISTIC} for 0/1 fitness, {@link Model#POISSON} for counts) β and γ are
 * the average derivatives of the fitted fitness function W̃(z) over the individuals, divided by mean
 * fitness (Janzen &amp; Stern 1998, Evolution 52: 1564–1571, for β; Morrissey &amp; Sakrejda 2013,
 * Evolution 67: 2094–2100, for both): β<sub>j</sub> = mean ∂W̃/∂z<sub>j</sub> / W̄ from the first-order
 * model, γ<sub>jk</sub> = mean ∂²W̃/∂z<sub>j</sub>∂z<sub>k</sub> / W̄ from the second-order model, with
 * delta-method standard errors, z = estimate/SE and normal p-values and intervals. For the logistic
 * model {@link #gammaJs()} keeps Janzen &amp; Stern's rescaling of the second-order coefficients,
 * mean(p(1 − p))·q<sub>jk</sub>/W̄, which ignores the curvature of the link; its z and p are the
 * coefficient's Wald test.
 *
 * <p>A fit that shows complete or quasi-complete separation (or does not converge) has no finite
 * maximum-likelihood estimate: its gradients are left out and {@link #diagnoses()} says why, rather
 * than reporting huge numbers.
 *
 * @param model     LOGISTIC or POISSON
 * @param beta      β per trait (term = trait), empty when the first-order fit is unreliable
 * @param gamma     γ upper triangle (term {@code a:b}), empty when not fitted or unreliable
 * @param gammaJs   Janzen &amp; Stern's γ (logistic only), empty otherwise
 * @param diagnoses warnings about the fits (separation, non-convergence), empty when all is well
 * @param secondOrder the fitted second-order fitness function whose average derivatives γ is, empty when the
 *                  second-order model was not fitted or is unreliable (what the figures draw)
 */
public record GlmGradients(Model model, List<Coefficient> beta, List<Coefficient> gamma, List<Coefficient> gammaJs,
        List<String> diagnoses, Optional<SecondOrderFitness> secondOrder) {

    public GlmGradients {
        beta = List.copyOf(beta);
        gamma = List.copyOf(gamma);
        gammaJs = List.copyOf(gammaJs);
        diagnoses = List.copyOf(diagnoses);
    }

    /** Gradients without a fitted second-order function. */
    public GlmGradients(Model model, List<Coefficient> beta, List<Coefficient> gamma, List<Coefficient> gammaJs,
            List<String> diagnoses) {
        this(model, beta, gamma, gammaJs, diagnoses, Optional.empty());
    }

    /** The tidy-table analysis name of β: {@code beta_logistic} or {@code beta_poisson}. */
    public String betaAnalysis() {
        return model == Model.LOGISTIC ? "beta_logistic" : "beta_poisson";
    }

    /** The tidy-table analysis name of γ: {@code gamma_logistic} or {@code gamma_poisson}. */
    public String gammaAnalysis() {
        return model == Model.LOGISTIC ? "gamma_logistic" : "gamma_poisson";
    }

    /** The tidy-table analysis name of Janzen &amp; Stern's γ: {@code gamma_logistic_js}. */
    public String gammaJsAnalysis() {
        return "gamma_logistic_js";
    }
}
