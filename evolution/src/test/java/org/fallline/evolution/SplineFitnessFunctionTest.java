package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.fallline.evolution.gam.GamFamily;
import org.fallline.evolution.gam.SmoothingCriterion;
import org.junit.jupiter.api.Test;

/**
 * Schluter's univariate fitness functions as penalised cubic regression splines, against mgcv 1.8-41's
 * {@code gam(W ~ s(z, bs = "cr"), method = "GCV.Cp")} (gam/mgcv_reference.R, cases {@code bumpus_weight_s}:
 * binomial survival on weight, and {@code synthetic_mass_s}: Poisson counts on mass): the curve through the
 * individuals is mgcv's fitted values to the smoothing optimiser's tolerance (as the GAM engine's own test of a
 * chosen λ, 1e-3), and the bootstrap band contains the curve and, for survival, lies inside (0, 1).
 */
class SplineFitnessFunctionTest {

    /** Columns {@code fitness} and {@code trait} of a data file under /data. */
    private static double[][] columns(String file, String fitness, String trait) throws IOException {
        List<String> lines = Files.readAllLines(ReferenceTable.resource("/data/" + file));
        List<String> header = List.of(lines.get(0).split(","));
        int f = header.indexOf(fitness);
        int t = header.indexOf(trait);
        double[][] out = new double[2][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            out[0][i - 1] = Double.parseDouble(cells[f]);
            out[1][i - 1] = Double.parseDouble(cells[t]);
        }
        return out;
    }

    /** mgcv's fitted values of a case, in row order. */
    private static double[] mgcvFitted(String name) throws IOException {
        return Files.readAllLines(ReferenceTable.resource("/gam/reference_gam_fitted.csv")).stream().skip(1)
                .map(l -> l.split(",")).filter(c -> c[0].equals("\"" + name + "\""))
                .mapToDouble(c -> Double.parseDouble(c[2])).toArray();
    }

    private static double mgcvEdf(String name) throws IOException {
        return Files.readAllLines(ReferenceTable.resource("/gam/reference_gam.csv")).stream()
                .filter(l -> l.startsWith("\"" + name + "\",\"edf\"")).mapToDouble(l -> Double.parseDouble(
                        l.substring(l.lastIndexOf(',') + 1))).findFirst().orElseThrow();
    }

    private static void throughTheIndividualsAsMgcv(SplineFitnessFunction s, double[] x, String name)
            throws IOException {
        double[] reference = mgcvFitted(name);
        assertEquals(x.length, reference.length);
        for (int i = 0; i < x.length; i++) {
            double expected = reference[i];
            assertEquals(expected, s.fitness(x[i]), 1e-3 * expected, name + ": individual " + (i + 1));
        }
        assertEquals(mgcvEdf(name), s.edf(), 1e-3 * mgcvEdf(name), name + ": edf");
    }

    private static void bandContainsTheCurve(SplineFitnessFunction s) {
        double[] fitted = s.fitted();
        double[] lower = s.lower();
        double[] upper = s.upper();
        for (int j = 0; j < fitted.length; j++) {
            assertTrue(lower[j] <= fitted[j] && fitted[j] <= upper[j], "band at " + s.at()[j] + ": [" + lower[j]
                    + ", " + upper[j] + "] against " + fitted[j]);
        }
    }

    @Test
    void survivalOnWeightIsMgcvsLogitSplineWithABandInsideZeroOne() throws IOException {
        double[][] d = columns("bumpus.csv", "W", "Weight_g");
        SplineFitnessFunction s = SplineFitnessFunction.fit("Weight_g", d[1], d[0],
                SplineFitnessFunction.Settings.DEFAULT);
        assertEquals(GamFamily.BINOMIAL, s.family());
        assertEquals(SmoothingCriterion.UBRE, s.criterion());
        throughTheIndividualsAsMgcv(s, d[1], "bumpus_weight_s");
        assertTrue(s.hasBand());
        assertEquals(200, s.resamples() + s.failed());
        assertFalse(s.reselected());
        bandContainsTheCurve(s);
        double[] at = s.at();
        assertEquals(100, at.length);
        assertEquals(22.6, at[0], 1e-12);
        assertEquals(31.0, at[at.length - 1], 1e-12);
        for (int j = 0; j < at.length; j++) {
            // refitted probabilities: inside (0, 1) through the link, nothing clamped
            assertTrue(s.lower()[j] > 0 && s.upper()[j] < 1, "band at " + at[j]);
            assertTrue(s.fitted()[j] > 0 && s.fitted()[j] < 1);
        }
    }

    @Test
    void countsOnMassAreMgcvsLogLinearSpline() throws IOException {
        double[][] d = columns("synthetic_selection_n2000.csv", "W", "mass_g");
        SplineFitnessFunction s = SplineFitnessFunction.fit("mass_g", d[1], d[0],
                SplineFitnessFunction.Settings.DEFAULT.withResamples(40));
        assertEquals(GamFamily.POISSON, s.family());
        throughTheIndividualsAsMgcv(s, d[1], "synthetic_mass_s");
        assertEquals(40, s.resamples());
        bandContainsTheCurve(s);
        for (double v : s.lower()) {
            assertTrue(v > 0, "an expected count is positive");
        }
    }

    @Test
    void theFamilyFollowsTheFitness() {
        assertEquals(GamFamily.BINOMIAL, SplineFitnessFunction.familyOf(new double[] {0, 1, 1}));
        assertEquals(GamFamily.POISSON, SplineFitnessFunction.familyOf(new double[] {0, 2, 5}));
        assertEquals(GamFamily.GAUSSIAN, SplineFitnessFunction.familyOf(new double[] {0.5, 2, 5}));
        assertEquals(GamFamily.GAUSSIAN, SplineFitnessFunction.familyOf(new double[] {-1, 2, 5}));
    }

    @Test
    void aTraitWithTwoValuesHasNoSpline() {
        SelectionException e = org.junit.jupiter.api.Assertions.assertThrows(SelectionException.class,
                () -> SplineFitnessFunction.fit("sex", new double[] {0, 1, 0, 1, 1}, new double[] {1, 0, 1, 1, 0},
                        SplineFitnessFunction.Settings.DEFAULT));
        assertTrue(e.getMessage().contains("2 distinct values"), e.getMessage());
    }
}
