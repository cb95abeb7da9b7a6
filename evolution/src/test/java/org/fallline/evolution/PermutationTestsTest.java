package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fallline.evolution.io.PhenotypeCsv;
import org.fallline.evolution.io.PhenotypeTable;
import org.junit.jupiter.api.Test;

/**
 * The permutation tests: Freedman–Lane for single gradients (against the exact t test where its
 * assumptions hold) and the re-rotating test of canonical eigenvalues (Reynolds et al. 2010).
 */
class PermutationTestsTest {

    @Test
    void freedmanLaneAgreesWithTheTTestForGaussianErrors() {
        // w = 1 + 0.15 z1 + 0·z2 + ε with corr(z1, z2) = 0.8 and Gaussian ε: the t test is exact, and a
        // valid permutation test of each coefficient must give nearly its p-value (within Monte Carlo error).
        Random r = new Random(8);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            double u1 = r.nextGaussian();
            double u2 = 0.8 * u1 + 0.6 * r.nextGaussian();
            rows.add(new double[] {10 + 1.5 * u1 + 0.6 * u2 + 1.5 * r.nextGaussian(), 5 + u1, 3 + u2});
        }
        int b = 1999;
        GroupReport g = new SelectionAnalysis().analyze(PhenotypeTable.numeric("g", List.of("W", "a", "b"),
                rows.toArray(new double[0][])), SelectionOptions.builder().fitness("W").traits("a", "b")
                .quadratic(false).permutations(b).seed(3).build()).groups().get(0);
        for (Coefficient c : g.gradient().beta()) {
            double p = c.pValue().getAsDouble();
            double perm = c.permP().getAsDouble();
            double mc = Math.sqrt(p * (1 - p) / b);
            assertEquals(p, perm, 4 * mc + 1.0 / b, c.term() + ": t test " + p + ", Freedman–Lane " + perm);
        }
        assertTrue(g.notes().stream().anyMatch(n -> n.contains("Freedman–Lane")), g.notes().toString());
    }

    @Test
    void rotationRedoneInEveryPermutationTakesTheSparrowsLeadingEigenvalueOffTheList() {
        // Double regression: m1 has p = 6.9e-6; with the rotation re-estimated in each permutation the
        // leading eigenvalue is no larger than permuted data sets give (Reynolds et al. 2010): p ≈ 0.4.
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv")),
                SelectionOptions.builder().fitness("W").traits("TotalLength_mm", "AlarExtent_mm", "Weight_g",
                        "SkullL_mm", "HumerusL_in", "FemurL_in", "TibioTarL_in", "SkullW_in", "SternumL_in")
                        .permutations(199).seed(1).build());
        Coefficient m1 = r.groups().get(0).canonical().orElseThrow().eigenvalues().get(0);
        assertTrue(m1.pValue().getAsDouble() < 1e-5, "conditional p " + m1.pValue());
        assertTrue(m1.permP().getAsDouble() > 0.2, "permutation p " + m1.permP());
    }
}
