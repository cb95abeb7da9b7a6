package org.fallline.evolution;

import java.util.List;
import org.fallline.evolution.internal.GlmFit;
import org.fallline.evolution.internal.PolynomialBasis;

/**
 * The p-values that go beside least-squares selection gradients of binary or count fitness (Mitchell-Olds
 * &amp; Shaw 1987, Evolution 41: 1149; as the lande package reports them): least squares gives the gradients
 * their meaning (β and γ of Lande &amp; Arnold 1983), but its t-tests assume normal residuals of constant
 * variance, which 0/1 survival or counts do not have; the same terms are therefore tested in the GLM of the
 * same model — logistic (logit link) for 0/1 fitness, Poisson (log link) for counts — β in the first-order
 * model, γ and the covariates in the second-order model (the first-order one when only that is fitted).
 * The test is Wald's, z = θ/SE with p = 2Φ(−|z|), as R's {@code summary.glm} prints it: a zero coefficient in
 * the GLM is exactly a zero gradient in the least-squares sense of "no selection on that term", and one fit
 * per model serves every term. A fit that separates (or does not converge) gives no p-values, only a note.
 */
final class GlmPValues {

    private GlmPValues() {
    }

    /**
     * Sets {@link Coefficient#glmP()} on β (from {@code first}), γ and the covariates (from {@code second}, or
     * the covariates from {@code first} when {@code second} is null).
     *
     * @param gamma      γ, or null without the second-order model
     * @param covariates the covariate rows (may be empty)
     */
    static void attach(Model family, GlmFit first, GlmFit second, int k, List<Coefficient> beta,
            List<Coefficient> gamma, List<Coefficient> covariates, String where, List<String> notes) {
        String name = family == Model.LOGISTIC ? "logistic" : "Poisson";
        int p1 = PolynomialBasis.firstOrderSize(k);
        int q = PolynomialBasis.secondOrderSize(k);
        boolean firstOk = !first.separation();
        boolean secondOk = second != null && !second.separation();
        if (firstOk) {
            double[] p = first.pValues();
            for (int i = 0; i < beta.size(); i++) {
                beta.set(i, beta.get(i).withGlmP(p[PolynomialBasis.linear(i)]));
            }
            if (second == null) {
                for (int j = 0; j < covariates.size(); j++) {
                    covariates.set(j, covariates.get(j).withGlmP(p[p1 + j]));
                }
            }
        } else {
            notes.add("glm.p.value" + where + ": no " + name + " p-values beside beta, the first-order " + name
                    + " fit: " + first.diagnosis());
        }
        if (secondOk) {
            double[] p = second.pValues();
            int at = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    gamma.set(at, gamma.get(at).withGlmP(p[PolynomialBasis.quadratic(k, i, j)]));
                    at++;
                }
            }
            for (int j = 0; j < covariates.size(); j++) {
                covariates.set(j, covariates.get(j).withGlmP(p[q + j]));
            }
        } else if (second != null) {
            notes.add("glm.p.value" + where + ": no " + name + " p-values beside gamma, the second-order " + name
                    + " fit: " + second.diagnosis());
        }
        if (firstOk || secondOk) {
            notes.add("glm.p.value" + where + ": Wald p-values of the same terms in the " + name + " GLM ("
                    + (family == Model.LOGISTIC ? "logit link, fitness 0/1" : "log link, fitness counts")
                    + ") of the same model - first-order for beta, second-order for gamma - beside the least-squares"
                    + " estimates, whose t-tests assume normal errors (Mitchell-Olds & Shaw 1987)");
        }
    }
}
