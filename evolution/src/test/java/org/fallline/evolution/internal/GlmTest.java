package org.fallline.evolution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Glm against exact maximum-likelihood solutions and against R's glm() (reference/make_logistic_reference.R
 * for the logistic fits on Bumpus and Karn &amp; Penrose, /work/shared/reference/evolution/simulate_and_fit.R
 * for the Poisson fit on the synthetic data).
 */
class GlmTest {

    static final Reference REAL = Reference.load("/reference/reference_real_data.csv");
    static final Reference SYNTHETIC = Reference.load("/reference/reference_synthetic_n2000.csv");
    private static final Pattern Z_P = Pattern.compile("z=(\\S+) p=(\\S+)");

    static List<String> realDatasets() {
        return Datasets.REAL;
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
            () -> what + ": expected " + expected + " got " + actual);
    }

    /** Coefficient names as R's glm prints them for the first- or second-order design. */
    static List<String> termNames(String[] traits, boolean quadratic) {
        List<String> names = new ArrayList<>();
        names.add("(Intercept)");
        names.addAll(List.of(traits));
        if (quadratic) {
            for (String t : traits) {
                names.add("half_" + t + "_sq");
            }
            for (int i = 0; i < traits.length; i++) {
                for (int j = i + 1; j < traits.length; j++) {
                    names.add(traits[i] + "_x_" + traits[j]);
                }
            }
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("realDatasets")
    void firstOrderLogisticMatchesR(String name) {
        Datasets.Data d = Datasets.get(name);
        GlmFit fit = Glm.logistic(NonNormalGradients.firstOrderDesign(d.z()), d.w());
        List<String> terms = termNames(d.traits(), false);
        for (int j = 0; j < terms.size(); j++) {
            Reference.Row r = REAL.row(name, "logit1_coef", terms.get(j));
            assertRelative(r.estimate(), fit.coefficient(j), 1e-6, name + " " + terms.get(j));
            assertRelative(r.se(), fit.standardError(j), 1e-6, name + " SE " + terms.get(j));
        }
        // z and p as printed by summary.glm (6 decimals, 6 significant digits)
        for (int j = 1; j < terms.size(); j++) {
            Matcher m = Z_P.matcher(REAL.row(name, "logit_alpha", terms.get(j)).note());
            assertTrue(m.matches());
            assertEquals(Double.parseDouble(m.group(1)), fit.zValues()[j], 5.1e-7, "z " + terms.get(j));
            assertRelative(Double.parseDouble(m.group(2)), fit.pValues()[j], 5e-6, "p " + terms.get(j));
        }
        checkFitSummary(name, "logit1_coef_fit", fit);
        assertFalse(fit.separation(), fit.diagnosis());
    }

    @ParameterizedTest
    @MethodSource("realDatasets")
    void secondOrderLogisticMatchesRAndFlagsSeparationWhereRDoes(String name) {
        Datasets.Data d = Datasets.get(name);
        if (!REAL.has(name, "logit2_coef_fit", "separation")) {
            // R skipped it: more parameters than birds
            assertTrue(NonNormalGradients.secondOrderParameterCount(d.traits().length) >= d.n());
            return;
        }
        GlmFit fit = Glm.logistic(NonNormalGradients.secondOrderDesign(d.z()), d.w());
        boolean rSeparation = REAL.estimate(name, "logit2_coef_fit", "separation") == 1;
        assertEquals(rSeparation, fit.separation(), fit.diagnosis());
        if (rSeparation) {
            assertTrue(fit.diagnosis().contains("separation"), fit.diagnosis());
            return;
        }
        List<String> terms = termNames(d.traits(), true);
        for (int j = 0; j < terms.size(); j++) {
            Reference.Row r = REAL.row(name, "logit2_coef", terms.get(j));
            assertRelative(r.estimate(), fit.coefficient(j), 1e-6, name + " " + terms.get(j));
            assertRelative(r.se(), fit.standardError(j), 1e-6, name + " SE " + terms.get(j));
        }
        checkFitSummary(name, "logit2_coef_fit", fit);
    }

    @Test
    void secondOrderLogisticOnNineBumpusTraitsIsSeparated() {
        // 55 parameters on 136 birds: R reports fitted probabilities numerically 0 or 1
        Datasets.Data d = Datasets.get("bumpus_all_9traits");
        GlmFit fit = Glm.logistic(NonNormalGradients.secondOrderDesign(d.z()), d.w());
        assertTrue(fit.separation());
        assertEquals(1.0, REAL.estimate("bumpus_all_9traits", "logit2_coef_fit", "separation"));
        double min = REAL.estimate("bumpus_all_9traits", "logit2_coef_fit", "min_fitted");
        assertTrue(min < Glm.SEPARATION_TOLERANCE);
        double ourMin = Double.POSITIVE_INFINITY;
        for (double p : fit.fitted()) {
            ourMin = Math.min(ourMin, p);
        }
        assertTrue(ourMin < Glm.SEPARATION_TOLERANCE, "min fitted " + ourMin);
        // the iteration is R's, so even this fit ends where R's does: flagged, but the same iterate
        assertEquals((int) REAL.estimate("bumpus_all_9traits", "logit2_coef_fit", "iterations"), fit.iterations());
        assertRelative(REAL.estimate("bumpus_all_9traits", "logit2_coef_fit", "deviance"), fit.deviance(), 1e-8,
            "deviance");
    }

    private static void checkFitSummary(String name, String analysis, GlmFit fit) {
        assertRelative(REAL.estimate(name, analysis, "deviance"), fit.deviance(), 1e-8, name + " deviance");
        assertRelative(REAL.estimate(name, analysis, "null_deviance"), fit.nullDeviance(), 1e-10,
            name + " null deviance");
        // the same iteration as R's glm.fit, so the same number of steps
        assertEquals((int) REAL.estimate(name, analysis, "iterations"), fit.iterations(), name + " iterations");
        assertTrue(fit.converged());
    }

    @Test
    void quadraticPoissonMatchesR() {
        Datasets.Data d = Datasets.get("synthetic_n2000_3traits");
        GlmFit fit = Glm.poisson(NonNormalGradients.secondOrderDesign(d.z()), d.w());
        assertTrue(fit.converged());
        assertFalse(fit.separation());
        String[] t = d.traits();
        for (int j = 0; j < 3; j++) {
            Reference.Row r = SYNTHETIC.row(d.name(), "poisson_glm_coef_linear", t[j]);
            assertRelative(r.estimate(), fit.coefficient(1 + j), 1e-6, t[j]);
            assertRelative(r.se(), fit.standardError(1 + j), 1e-6, "SE " + t[j]);
            assertRelative(SYNTHETIC.estimate(d.name(), "poisson_glm_coef_quadratic", t[j] + ":" + t[j]),
                fit.coefficient(4 + j), 1e-6, "half square " + t[j]);
        }
        assertRelative(SYNTHETIC.estimate(d.name(), "poisson_glm_coef_quadratic", t[0] + ":" + t[1]),
            fit.coefficient(7), 1e-6, "cross 12");
        assertRelative(SYNTHETIC.estimate(d.name(), "poisson_glm_coef_quadratic", t[0] + ":" + t[2]),
            fit.coefficient(8), 1e-6, "cross 13");
        assertRelative(SYNTHETIC.estimate(d.name(), "poisson_glm_coef_quadratic", t[1] + ":" + t[2]),
            fit.coefficient(9), 1e-6, "cross 23");
    }

    @Test
    void scoreEquationOfTheInterceptHoldsAtConvergence() {
        // canonical link with an intercept: Σ μ_i = Σ y_i at the maximum-likelihood estimate
        Datasets.Data s = Datasets.get("synthetic_n2000_3traits");
        GlmFit poisson = Glm.poisson(NonNormalGradients.secondOrderDesign(s.z()), s.w());
        double sumW = 0;
        for (double v : s.w()) {
            sumW += v;
        }
        assertRelative(sumW, poisson.meanFitted() * s.n(), 1e-7, "Poisson sum of fitted");
        Datasets.Data b = Datasets.get("karn_penrose");
        GlmFit logit = Glm.logistic(NonNormalGradients.secondOrderDesign(b.z()), b.w());
        double sumY = 0;
        for (double v : b.w()) {
            sumY += v;
        }
        assertRelative(sumY, logit.meanFitted() * b.n(), 1e-7, "logistic sum of fitted");
    }

    /** Two groups: y ~ 1 + g with g in {0,1}; the MLE is the log odds ratio, SE² = Σ 1/cell count. */
    @Test
    void logisticWithOneBinaryCovariateGivesTheLogOddsRatio() {
        int[][] cells = {{7, 13}, {18, 5}}; // group g: {deaths, survivals}
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            for (int outcome = 0; outcome < 2; outcome++) {
                for (int c = 0; c < cells[g][outcome]; c++) {
                    rows.add(new double[] {1, g});
                    ys.add((double) outcome);
                }
            }
        }
        double[][] x = rows.toArray(new double[0][]);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        GlmFit fit = Glm.logistic(x, y);
        double a0 = Math.log(13.0 / 7);
        double a1 = Math.log(5.0 / 18) - a0;
        assertEquals(a0, fit.coefficient(0), 1e-10);
        assertEquals(a1, fit.coefficient(1), 1e-10);
        // as in R, the information is evaluated at the start of the last IRLS step, one converged
        // Newton step before the final coefficients: the SEs carry that step's O(1e-7) relative error
        assertRelative(Math.sqrt(1.0 / 7 + 1.0 / 13), fit.standardError(0), 1e-6, "SE intercept");
        assertRelative(Math.sqrt(1.0 / 7 + 1.0 / 13 + 1.0 / 18 + 1.0 / 5), fit.standardError(1), 1e-6, "SE slope");
        assertFalse(fit.separation());
    }

    /** Poisson with a group indicator: log of the group means, SE² = 1/Σy in each group. */
    @Test
    void poissonWithOneBinaryCovariateGivesTheLogRateRatio() {
        double[] y = {0, 3, 1, 4, 2, 7, 5, 6, 9, 4, 8};
        double[][] x = new double[y.length][];
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < y.length; i++) {
            int g = i < 5 ? 0 : 1;
            x[i] = new double[] {1, g};
            if (g == 0) {
                s0 += y[i];
            } else {
                s1 += y[i];
            }
        }
        GlmFit fit = Glm.poisson(x, y);
        assertEquals(Math.log(s0 / 5), fit.coefficient(0), 1e-10);
        assertEquals(Math.log((s1 / 6) / (s0 / 5)), fit.coefficient(1), 1e-10);
        // information from the start of the last IRLS step, as in R (see the logistic case)
        assertRelative(Math.sqrt(1 / s0), fit.standardError(0), 1e-6, "SE intercept");
        assertRelative(Math.sqrt(1 / s0 + 1 / s1), fit.standardError(1), 1e-6, "SE slope");
        // two-sided normal p-value 2(1 − Φ(|z|))
        double phi = new NormalDistribution().cumulativeProbability(Math.abs(fit.zValues()[1]));
        assertEquals(2 * (1 - phi), fit.pValues()[1], 1e-12);
    }

    @Test
    void completeSeparationIsReportedNotThrown() {
        double[][] x = new double[10][];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {1, i};
            y[i] = i >= 5 ? 1 : 0;
        }
        GlmFit fit = Glm.logistic(x, y);
        assertTrue(fit.separation());
        assertTrue(fit.diagnosis().contains("separation"), fit.diagnosis());
    }

    @Test
    void collinearDesignIsANumericalError() {
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            double t = Math.sin(i);
            x[i] = new double[] {1, t, 2 * t - 1};
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        SelectionException e = assertThrows(SelectionException.class, () -> Glm.logistic(x, y));
        assertEquals(Kind.NUMERICAL, e.kind());
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
        SelectionException p = assertThrows(SelectionException.class, () -> Glm.poisson(x, y));
        assertEquals(Kind.NUMERICAL, p.kind());
    }

    @Test
    void badInputIsRejected() {
        double[][] x = {{1, 0.5}, {1, -0.2}, {1, 1.5}};
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> Glm.logistic(x, new double[] {0, 2, 1})).kind());
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> Glm.logistic(x, new double[] {1, 1, 1})).kind());
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> Glm.poisson(x, new double[] {0, -1, 1})).kind());
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> Glm.poisson(x, new double[] {0, 0, 0})).kind());
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> Glm.poisson(x, new double[] {0, 1})).kind());
        double[][] noIntercept = {{2, 0.5}, {1, -0.2}, {1, 1.5}};
        assertEquals(Kind.BAD_INPUT, assertThrows(SelectionException.class,
            () -> Glm.poisson(noIntercept, new double[] {0, 1, 1})).kind());
    }
}
