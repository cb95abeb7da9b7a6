package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fallline.evolution.GroupReport;
import org.fallline.evolution.Model;
import org.fallline.evolution.SecondOrderFitness;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.io.PhenotypeCsv;
import org.fallline.samples.figures.Figures;
import org.junit.jupiter.api.Test;

/**
 * The surface figure draws the fitted fitness function of the chosen model: every grid value is that function
 * at the grid point (cut to the possible range only for least squares), and at the mean phenotype it is R's
 * {@code predict(glm, type = "response")} for the second-order logistic model of the sparrows
 * (evolution/src/test/resources/reference/make_fitted_fitness_reference.R: 0.611402481905275463).
 */
class SurfaceFigureTest {

    private static final List<String> TRAITS = List.of("TotalLength_mm", "Weight_g", "HumerusL_in");

    private record Analysed(GroupReport group, SelectionSample.Group sample, SelectionOptions options) {
    }

    private static Analysed sparrows(Model model) {
        SelectionOptions options = SelectionOptions.builder().fitness("W").traits(TRAITS).model(model).build();
        SelectionSample sample = new SelectionSample(TRAITS.size(), options.seed());
        GroupReport g = new SelectionAnalysis().analyze(PhenotypeCsv.of("bumpus.csv",
                SelectionCommand.bundled("bumpus.csv")), options, sample).groups().get(0);
        return new Analysed(g, sample.group(g.group()), options);
    }

    /** Checks every drawn grid value against the function and returns how many there were. */
    private static int drawnValuesAreTheFunction(SurfaceFigure.Plane plane, FittedSurface surface,
                                                 SecondOrderFitness f, Model model) {
        Figures.Grid grid = plane.grid();
        int drawn = 0;
        for (int i = 0; i < grid.x().length; i++) {
            for (int j = 0; j < grid.y().length; j++) {
                double w = grid.z()[i][j];
                if (Double.isNaN(w)) {
                    continue;
                }
                drawn++;
                double[] z = plane.z(grid.x()[i], grid.y()[j]);
                double expected = model == Model.LOGISTIC ? f.fitness(z) : f.relativeFitness(z);
                assertEquals(Math.max(surface.floor(), Math.min(surface.ceiling(), expected)), w, 1e-15);
                assertTrue(w >= surface.floor() && w <= surface.ceiling(), "in the possible range: " + w);
            }
        }
        return drawn;
    }

    @Test
    void theLogisticSurfaceIsTheFittedProbability() {
        Analysed a = sparrows(Model.LOGISTIC);
        SecondOrderFitness f = a.group().glm().get(0).secondOrder().orElseThrow();
        FittedSurface surface = FittedSurface.of(a.group(), Model.LOGISTIC, true, new StringBuilder()).orElseThrow();
        assertTrue(surface.label().contains("survival probability"));
        List<String> chosen = List.of("TotalLength_mm", "Weight_g");
        SurfaceFigure.Plane plane = SurfaceFigure.plane(a.group(), a.sample(), chosen, a.options(), surface);
        assertTrue(drawnValuesAreTheFunction(plane, surface, f, Model.LOGISTIC) > 1000, "most of the grid is drawn");
        assertFalse(plane.cut(), "a probability needs no cut");
        assertEquals("other traits held at their means", plane.held());
        // the mean phenotype in trait units is z = 0, where R's predict gives 0.611402481905275463
        double[] mean = a.group().traitMeans();
        assertEquals(0.611402481905275463, surface.value().applyAsDouble(plane.z(mean[0], mean[1])), 1e-8);
    }

    @Test
    void thePoissonSurfaceIsExpOfTheLinearPredictorOverMeanFitness() {
        Analysed a = sparrows(Model.POISSON);
        SecondOrderFitness f = a.group().glm().get(0).secondOrder().orElseThrow();
        assertEquals(Model.POISSON, f.model());
        FittedSurface surface = FittedSurface.of(a.group(), Model.POISSON, true, new StringBuilder()).orElseThrow();
        SurfaceFigure.Plane plane = SurfaceFigure.plane(a.group(), a.sample(), null, a.options(), surface);
        assertTrue(drawnValuesAreTheFunction(plane, surface, f, Model.POISSON) > 1000);
        assertTrue(plane.xLabel().startsWith("m") && plane.held().startsWith("canonical axes of the least-squares γ"));
    }

    @Test
    void theLeastSquaresSurfaceIsTheQuadraticCutAtTheSurvivalRange() {
        Analysed a = sparrows(Model.OLS);
        SecondOrderFitness f = SecondOrderFitness.of(a.group().quadratic().orElseThrow(), a.group().meanFitness());
        FittedSurface surface = FittedSurface.of(a.group(), Model.OLS, true, new StringBuilder()).orElseThrow();
        assertEquals(1 / a.group().meanFitness(), surface.ceiling(), 1e-15);
        SurfaceFigure.Plane plane = SurfaceFigure.plane(a.group(), a.sample(), null, a.options(), surface);
        assertTrue(drawnValuesAreTheFunction(plane, surface, f, Model.OLS) > 1000);
        assertNotNull(SurfaceFigure.of(a.group(), a.sample(), null, a.options(), "", new StringBuilder()));
    }

    @Test
    void aFirstOrderAnalysisHasNoSurfaceAndSaysWhy() {
        SelectionOptions options = SelectionOptions.builder().fitness("W").traits(TRAITS).model(Model.LOGISTIC)
                .quadratic(false).build();
        SelectionSample sample = new SelectionSample(TRAITS.size(), options.seed());
        GroupReport g = new SelectionAnalysis().analyze(PhenotypeCsv.of("bumpus.csv",
                SelectionCommand.bundled("bumpus.csv")), options, sample).groups().get(0);
        StringBuilder why = new StringBuilder();
        assertEquals(null, SurfaceFigure.of(g, sample.group(g.group()), null, options, "", why));
        assertEquals("no second-order model was fitted", why.toString());
    }

    /**
     * Under {@code --model gam} the surface is the GAM's fitted probability: on Karn &amp; Penrose's neonates, te(bw,
     * gest) with mgcv's defaults, at the first five babies it is mgcv's {@code predict(gam, type = "link")}
     * (samples/src/test/resources/reference/mgcv_gam_reference.csv, rows eta) to the smoothing optimisers' tolerance.
     */
    @Test
    void theGamSurfaceIsTheSplinesFittedProbability() {
        List<String> traits = List.of("bw", "gest");
        SelectionOptions options = SelectionOptions.builder().fitness("nns").traits(traits).model(Model.GAM).build();
        SelectionSample sample = new SelectionSample(2, options.seed());
        GroupReport g = new SelectionAnalysis().analyze(PhenotypeCsv.of("karn_penrose_neonatal.csv",
                SelectionCommand.bundled("karn_penrose_neonatal.csv")), options, sample).groups().get(0);
        org.fallline.evolution.gam.FittedGam fit = g.gam().orElseThrow().fitness();
        FittedSurface surface = FittedSurface.of(g, Model.GAM, true, List.of(), new StringBuilder()).orElseThrow();
        assertTrue(surface.label().contains("survival probability") && surface.formula().contains("te(bw, gest"),
                surface.formula());
        SurfaceFigure.Plane plane = SurfaceFigure.plane(g, sample.group(g.group()), traits, options, surface);
        Figures.Grid grid = plane.grid();
        int drawn = 0;
        for (int i = 0; i < grid.x().length; i++) {
            for (int j = 0; j < grid.y().length; j++) {
                double w = grid.z()[i][j];
                if (!Double.isNaN(w)) {
                    drawn++;
                    assertEquals(fit.fitness(plane.z(grid.x()[i], grid.y()[j])), w, 1e-15);
                    assertTrue(w > 0 && w < 1);
                }
            }
        }
        assertTrue(drawn > 1000);
        assertFalse(plane.cut());
        // the first five babies (bw, gest) and mgcv's linear predictor there
        double[][] babies = {{0.454545454545455, 155}, {0.454545454545455, 165}, {0.454545454545455, 165}, {2.5, 170},
            {0.454545454545455, 180}};
        double[] mgcvEta = {-5.87547275595431, -5.63163513215296, -5.63163513215296, -0.47445231230334,
            -5.26789005991272};
        for (int b = 0; b < babies.length; b++) {
            double p = surface.value().applyAsDouble(plane.z(babies[b][0], babies[b][1]));
            assertEquals(mgcvEta[b], Math.log(p / (1 - p)), 1e-3 * Math.abs(mgcvEta[b]), "baby " + (b + 1));
        }
    }
}
