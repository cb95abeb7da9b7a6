package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/**
 * The fitted second-order fitness functions the figures draw, against R's
 * {@code predict(glm(...), type = "response")} (reference/make_fitted_fitness_reference.R) at points of trait
 * space off the data and at individuals: the logistic surface of Bumpus's sparrows and the Poisson surface of
 * the synthetic counts; and the least-squares surface against its own coefficients.
 */
class SecondOrderFitnessReferenceTest {

    private static List<String[]> reference(String dataset) throws IOException {
        return Files.readAllLines(ReferenceTable.resource("/reference/reference_fitted_fitness.csv")).stream()
                .skip(1).map(l -> l.split(",")).filter(f -> f[0].equals(dataset)).toList();
    }

    private static void check(SecondOrderFitness f, String dataset) throws IOException {
        List<String[]> rows = reference(dataset);
        assertEquals(8, rows.size());
        for (String[] r : rows) {
            double[] z = {Double.parseDouble(r[2].strip()), Double.parseDouble(r[3].strip()),
                    Double.parseDouble(r[4].strip())};
            double eta = Double.parseDouble(r[5].strip());
            double response = Double.parseDouble(r[6].strip());
            String at = dataset + " at z = " + java.util.Arrays.toString(z);
            assertEquals(eta, f.linearPredictor(z), 1e-8 * Math.max(1, Math.abs(eta)), at + ": η");
            Tolerance.relative(response, f.fitness(z), 1e-7, at + ": fitted fitness");
            Tolerance.relative(response / f.meanFitness(), f.relativeFitness(z), 1e-7, at + ": relative fitness");
        }
    }

    @Test
    void theLogisticSurfaceIsRsFittedProbability() throws IOException {
        List<String> traits = List.of("TotalLength_mm", "Weight_g", "HumerusL_in");
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv")),
                SelectionOptions.builder().fitness("W").traits(traits).model(Model.LOGISTIC).build());
        GlmGradients gl = r.groups().get(0).glm().get(0);
        SecondOrderFitness f = gl.secondOrder().orElseThrow();
        assertEquals(Model.LOGISTIC, f.model());
        assertEquals(r.groups().get(0).meanFitness(), f.meanFitness(), 1e-15);
        check(f, "bumpus_all_3traits");
    }

    @Test
    void thePoissonSurfaceIsTheExponentialOfRsLinearPredictor() throws IOException {
        List<String> traits = List.of("body_length_mm", "mass_g", "wing_mm");
        SelectionReport r = new SelectionAnalysis().analyze(
                PhenotypeCsv.open(ReferenceTable.resource("/data/synthetic_selection_n2000.csv")),
                SelectionOptions.builder().fitness("W").traits(traits).model(Model.POISSON).build());
        SecondOrderFitness f = r.groups().get(0).glm().get(0).secondOrder().orElseThrow();
        assertEquals(Model.POISSON, f.model());
        check(f, "synthetic_n2000_3traits");
    }

    @Test
    void theLeastSquaresSurfaceIsTheSecondOrderPolynomialOfGamma() {
        List<String> traits = List.of("TotalLength_mm", "Weight_g");
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv")),
                SelectionOptions.builder().fitness("W").traits(traits).build());
        GroupReport g = r.groups().get(0);
        QuadraticSelectionMatrix q = g.quadratic().orElseThrow();
        SecondOrderFitness f = SecondOrderFitness.of(q, g.meanFitness());
        double[] z = {0.7, -1.3};
        double[] b = q.linearValues();
        double expected = q.intercept().estimate() + b[0] * z[0] + b[1] * z[1]
                + 0.5 * q.element(0, 0).estimate() * z[0] * z[0] + 0.5 * q.element(1, 1).estimate() * z[1] * z[1]
                + q.element(0, 1).estimate() * z[0] * z[1];
        assertEquals(expected, f.fitness(z), 1e-14);
        assertEquals(f.fitness(z), f.relativeFitness(z), "least squares is fitted to relative fitness");
        // the logistic fit of binary fitness added beside OLS carries its own fitted function too
        assertTrue(g.glm().get(0).secondOrder().isPresent());
    }
}
