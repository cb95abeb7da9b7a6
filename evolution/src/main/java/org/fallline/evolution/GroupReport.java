package org.fallline.evolution;

import java.util.List;
import java.util.Optional;

/**
 * The selection analysis of one group of individuals (all of them, or one level of the {@code by}
 * column): relative fitness w = W/W̄ and standardised traits are computed within the group.
 *
 * @param group            the group's label ({@code all} without {@code by})
 * @param n                individuals analysed (complete rows)
 * @param dropped          rows of this group dropped for a missing fitness, trait or covariate value
 * @param droppedLines     line numbers of the first (up to 20) dropped rows
 * @param meanFitness      W̄, mean absolute fitness
 * @param traits           trait names
 * @param traitMeans       x̄ per trait, analysed units (log units for logged traits)
 * @param traitSds         sd per trait (divisor n − 1), analysed units
 * @param scales           c per trait, with z = (x − x̄)/c (sd, mean or 1)
 * @param differentials    S and C
 * @param gradient         β from the first-order model
 * @param quadratic        γ from the second-order model, when fitted
 * @param canonical        canonical analysis of γ, when fitted
 * @param stationaryPoint  stationary point of the fitted surface, when fitted
 * @param glm              GLM gradients (logistic or Poisson), when asked for or when fitness is binary
 * @param response         predicted response Δz̄ = Gβ, when G was given
 * @param bootstrapResamples bootstrap resamples that entered the bootstrap statistics (0 if none)
 * @param permutations     permutations that entered the permutation p-values (0 if none)
 * @param notes            warnings and remarks about this group, one line each
 * @param covariates       the covariates' coefficients (term {@code NAME}, or {@code NAME:LEVEL} for a level
 *                         against the reference level) from the second-order model, or from the first-order
 *                         model when only that is fitted; empty without covariates
 * @param covariateHeldTerm the covariates' part of the fitted least-squares surface (relative fitness) with the
 *                         numeric covariates at their means and the categorical ones at their reference levels:
 *                         Σ θ<sub>c</sub>·mean(c) over the numeric columns (0 without covariates); add it to
 *                         α + bᵀz + ½zᵀγz to draw the surface at those values
 * @param gam              the spline fitness function and GAM gradients, with {@code --model gam}
 */
public record GroupReport(String group, long n, long dropped, List<Long> droppedLines, double meanFitness,
        List<String> traits, double[] traitMeans, double[] traitSds, double[] scales,
        SelectionDifferentials differentials, SelectionGradient gradient, Optional<QuadraticSelectionMatrix> quadratic,
        Optional<CanonicalAnalysis> canonical, Optional<StationaryPoint> stationaryPoint, List<GlmGradients> glm,
        Optional<PredictedResponse> response, int bootstrapResamples, int permutations, List<String> notes,
        List<Coefficient> covariates, double covariateHeldTerm, Optional<GamGradients> gam) {

    /** A report without a spline fitness function. */
    public GroupReport(String group, long n, long dropped, List<Long> droppedLines, double meanFitness,
            List<String> traits, double[] traitMeans, double[] traitSds, double[] scales,
            SelectionDifferentials differentials, SelectionGradient gradient, Optional<QuadraticSelectionMatrix> quadratic,
            Optional<CanonicalAnalysis> canonical, Optional<StationaryPoint> stationaryPoint, List<GlmGradients> glm,
            Optional<PredictedResponse> response, int bootstrapResamples, int permutations, List<String> notes,
            List<Coefficient> covariates, double covariateHeldTerm) {
        this(group, n, dropped, droppedLines, meanFitness, traits, traitMeans, traitSds, scales, differentials, gradient,
                quadratic, canonical, stationaryPoint, glm, response, bootstrapResamples, permutations, notes, covariates,
                covariateHeldTerm, Optional.empty());
    }

    /** The label of the single group when there is no {@code by} column. */
    public static final String ALL = "all";

    public GroupReport {
        droppedLines = List.copyOf(droppedLines);
        traits = List.copyOf(traits);
        traitMeans = traitMeans.clone();
        traitSds = traitSds.clone();
        scales = scales.clone();
        glm = List.copyOf(glm);
        notes = List.copyOf(notes);
        covariates = List.copyOf(covariates);
    }

    /** A report whose covariates are all categorical or absent (held term 0). */
    public GroupReport(String group, long n, long dropped, List<Long> droppedLines, double meanFitness,
            List<String> traits, double[] traitMeans, double[] traitSds, double[] scales,
            SelectionDifferentials differentials, SelectionGradient gradient, Optional<QuadraticSelectionMatrix> quadratic,
            Optional<CanonicalAnalysis> canonical, Optional<StationaryPoint> stationaryPoint, List<GlmGradients> glm,
            Optional<PredictedResponse> response, int bootstrapResamples, int permutations, List<String> notes,
            List<Coefficient> covariates) {
        this(group, n, dropped, droppedLines, meanFitness, traits, traitMeans, traitSds, scales, differentials, gradient,
                quadratic, canonical, stationaryPoint, glm, response, bootstrapResamples, permutations, notes, covariates,
                0.0);
    }

    /** A report without covariates. */
    public GroupReport(String group, long n, long dropped, List<Long> droppedLines, double meanFitness,
            List<String> traits, double[] traitMeans, double[] traitSds, double[] scales,
            SelectionDifferentials differentials, SelectionGradient gradient, Optional<QuadraticSelectionMatrix> quadratic,
            Optional<CanonicalAnalysis> canonical, Optional<StationaryPoint> stationaryPoint, List<GlmGradients> glm,
            Optional<PredictedResponse> response, int bootstrapResamples, int permutations, List<String> notes) {
        this(group, n, dropped, droppedLines, meanFitness, traits, traitMeans, traitSds, scales, differentials, gradient,
                quadratic, canonical, stationaryPoint, glm, response, bootstrapResamples, permutations, notes, List.of(),
                0.0);
    }

    @Override
    public double[] traitMeans() {
        return traitMeans.clone();
    }

    @Override
    public double[] traitSds() {
        return traitSds.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }
}
