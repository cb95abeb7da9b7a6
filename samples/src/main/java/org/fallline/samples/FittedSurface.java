package org.fallline.samples;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.fallline.evolution.GamGradients;
import org.fallline.evolution.GlmGradients;
import org.fallline.evolution.GroupReport;
import org.fallline.evolution.Model;
import org.fallline.evolution.SecondOrderFitness;
import org.fallline.evolution.gam.FittedGam;
import org.fallline.samples.internal.Numbers;

/**
 * The fitness surface that {@code --model} chooses for the figures, as a function of the standardised traits z on
 * the scale the figure shows, with what that scale and model are called:
 *
 * <ul>
 *   <li>ols: the second-order least-squares surface w(z) = α + bᵀz + ½zᵀγz, relative fitness; a quadratic can
 *       leave the possible range, so it is cut at 0 (and at 1/W̄ for survival) and the figure says so;</li>
 *   <li>logistic: the second-order logistic model's fitted probability p(z) = 1/(1 + e<sup>−η(z)</sup>), on the
 *       survival scale, in (0, 1) by construction;</li>
 *   <li>poisson: exp(η(z))/W̄ of the second-order log-linear model, relative fitness, positive by construction;</li>
 *   <li>gam: the GAM's fitted fitness function h(f(z)) (Wood 2017; one {@code te} smooth of two or three traits,
 *       additive beyond): P(W = 1) for 0/1 fitness, in (0, 1) by the logit link; otherwise relative fitness
 *       h(f(z))/W̄, positive by the log link for counts, cut at 0 (and said) for the identity link.</li>
 * </ul>
 *
 * @param value   the surface at z, on the shown scale, before any cut
 * @param label   the colour scale's label (the quantity and its model)
 * @param formula the surface's formula for the subtitle
 * @param floor   the smallest possible value (cut below it)
 * @param ceiling the largest possible value (cut above it)
 * @param range   the possible range as the subtitle says it when the surface had to be cut
 */
record FittedSurface(ToDoubleFunction<double[]> value, String label, String formula, double floor, double ceiling,
        String range) {

    /** The surface of the chosen model, or a note saying why there is none (without covariates). */
    static Optional<FittedSurface> of(GroupReport g, Model model, boolean binary, StringBuilder why) {
        return of(g, model, binary, List.of(), why);
    }

    /**
     * The surface of the chosen model, or a note saying why there is none.
     *
     * @param covariates the covariates of the analysis (numeric ones are held at their means, the indicator
     *                   columns of categorical ones at 0, their reference level)
     */
    static Optional<FittedSurface> of(GroupReport g, Model model, boolean binary, List<String> covariates,
                                      StringBuilder why) {
        if (model == Model.GAM) {
            if (g.gam().isEmpty()) {
                why.append("no GAM was fitted");
                return Optional.empty();
            }
            return Optional.of(gam(g.gam().get(), g.meanFitness(), covariates));
        }
        if (model == Model.OLS) {
            if (g.quadratic().isEmpty()) {
                why.append("no second-order model was fitted");
                return Optional.empty();
            }
            SecondOrderFitness f = SecondOrderFitness.of(g);
            double ceiling = binary ? 1 / g.meanFitness() : Double.POSITIVE_INFINITY;
            return Optional.of(new FittedSurface(f::fitness, "fitted relative fitness w (least squares)",
                    "w(z) = α + b·z + ½ z·γz (second-order least squares)", 0, ceiling,
                    "[0, " + (binary ? "1/W̄ = " + Numbers.table(ceiling) + "]" : "∞)")));
        }
        String family = model == Model.LOGISTIC ? "logistic" : "Poisson";
        for (GlmGradients glm : g.glm()) {
            if (glm.model() == model && glm.secondOrder().isPresent()) {
                SecondOrderFitness f = glm.secondOrder().get();
                if (model == Model.LOGISTIC) {
                    return Optional.of(new FittedSurface(f::fitness, "fitted survival probability p = P(W = 1) (logistic)",
                            "p(z) = 1/(1 + exp(−η)), η = a + b·z + ½ z·Qz (second-order logistic model)", 0, 1, "[0, 1]"));
                }
                return Optional.of(new FittedSurface(f::relativeFitness, "fitted relative fitness exp(η)/W̄ (Poisson)",
                        "exp(η)/W̄ (W̄ = " + Numbers.table(g.meanFitness()) + "), η = a + b·z + ½ z·Qz (second-order "
                                + "Poisson model)", 0, Double.POSITIVE_INFINITY, "[0, ∞)"));
            }
        }
        why.append(g.quadratic().isEmpty() ? "no second-order model was fitted"
                : "the second-order " + family + " fit did not give estimates (see the notes)");
        return Optional.empty();
    }

    /** The GAM's fitted fitness function: P(W = 1) for binomial fitness, relative fitness W̃/W̄ otherwise. */
    private static FittedSurface gam(GamGradients gam, double meanFitness, List<String> covariates) {
        FittedGam fit = gam.fitness();
        List<String> columns = fit.covariates();
        double[] means = fit.covariateMeans();
        double[] held = new double[columns.size()];
        for (int j = 0; j < held.length; j++) {
            // a numeric covariate's column bears its name; a categorical one's indicators NAME:LEVEL stay at 0
            held[j] = covariates.contains(columns.get(j)) ? means[j] : 0;
        }
        String formula = "f = " + fit.formula() + ", λ by " + fit.criterion().name() + " (GAM)";
        return switch (fit.family()) {
            case BINOMIAL -> new FittedSurface(z -> fit.fitness(z, held),
                    "fitted survival probability p = P(W = 1) (GAM)", "p(z) = 1/(1 + exp(−f(z))), " + formula, 0, 1,
                    "[0, 1]");
            case POISSON -> new FittedSurface(z -> fit.fitness(z, held) / meanFitness,
                    "fitted relative fitness exp(f)/W̄ (GAM)", "exp(f(z))/W̄ (W̄ = " + Numbers.table(meanFitness) + "), "
                    + formula, 0, Double.POSITIVE_INFINITY, "[0, ∞)");
            case GAUSSIAN -> new FittedSurface(z -> fit.fitness(z, held) / meanFitness,
                    "fitted relative fitness f/W̄ (GAM)", "f(z)/W̄ (W̄ = " + Numbers.table(meanFitness) + "), " + formula,
                    0, Double.POSITIVE_INFINITY, "[0, ∞)");
        };
    }

    /** The surface at z cut to [floor, ceiling]. */
    double cut(double[] z) {
        return Math.max(floor, Math.min(ceiling, value.applyAsDouble(z)));
    }
}
