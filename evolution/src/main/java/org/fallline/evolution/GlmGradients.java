package org.fallline.evolution;

import java.util.List;

/**
 * Selection gradients on the scale of relative fitness from a generalised linear model of absolute
 * fitness on the same standardised traits, reported beside the least-squares ones.
 *
 * <ul>
 *   <li>{@link Model#LOGISTIC} (Janzen &amp; Stern 1998, Evolution 52: 1564–1571): logit P(W = 1) =
 *       a + αᵀz, β = mean(p(1 − p)) α / mean(W) with the standard errors scaled alike; γ from the
 *       second-order logistic model (terms z, ½z<sub>i</sub>², z<sub>i</sub>z<sub>j</sub>), its quadratic
 *       coefficients times that model's mean(p(1 − p))/mean(W).</li>
 *   <li>{@link Model#POISSON} (Morrissey &amp; Sakrejda 2013, Evolution 67: 2094–2100): the
 *       average-derivative gradients of the fitted second-order log-linear fitness function W̃(z),
 *       β = Σ W̃<sub>i</sub>∇log W̃(z<sub>i</sub>)/Σ W̃<sub>i</sub> and γ likewise from the second
 *       derivatives, with bootstrap inference when resampled.</li>
 * </ul>
 *
 * <p>A fit that shows complete or quasi-complete separation (or does not converge) has no finite
 * maximum-likelihood estimate: its gradients are left out and {@link #diagnoses()} says why, rather
 * than reporting huge numbers.
 *
 * @param model     LOGISTIC or POISSON
 * @param beta      β per trait (term = trait), empty when the first-order fit is unreliable
 * @param gamma     γ upper triangle (term {@code a:b}), empty when not fitted or unreliable
 * @param diagnoses warnings about the fits (separation, non-convergence), empty when all is well
 */
public record GlmGradients(Model model, List<Coefficient> beta, List<Coefficient> gamma, List<String> diagnoses) {

    public GlmGradients {
        beta = List.copyOf(beta);
        gamma = List.copyOf(gamma);
        diagnoses = List.copyOf(diagnoses);
    }

    /** The tidy-table analysis name of β: {@code beta_logistic} or {@code beta_poisson}. */
    public String betaAnalysis() {
        return model == Model.LOGISTIC ? "beta_logistic" : "beta_poisson";
    }

    /** The tidy-table analysis name of γ: {@code gamma_logistic} or {@code gamma_poisson}. */
    public String gammaAnalysis() {
        return model == Model.LOGISTIC ? "gamma_logistic" : "gamma_poisson";
    }
}
