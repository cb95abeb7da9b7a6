package org.fallline.evolution.gam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GAM engine against mgcv 1.8-41 ({@code gam/mgcv_reference.R}, output committed beside it).
 *
 * <p>Two kinds of comparison. At mgcv's own smoothing parameters the fit is fully determined, so fitted values,
 * edf, score, the posterior standard errors and the GAM gradients must agree to what the two PIRLS convergence
 * criteria leave (mgcv stops at a relative change of the penalised deviance of 1e-7, ours at 1e-9): 1e-6 relative.
 * The GAM gradients are compared with the R script's finite differences, whose own error is O(h²) ≈ 1e-8 for β and,
 * because the spline's third derivative jumps at the knots, up to h·jump ≈ 1e-5 of γ's scale for γ.
 *
 * <p>With the smoothing parameters chosen, the criteria must agree to the optimisers' tolerance: mgcv's Newton
 * iteration stops when the score changes by less than about 1e-7 relative; near the minimum the score is quadratic
 * in ρ = log λ, so ρ is then known to about √1e-7 ≈ 3e-4, which moves edf and fitted values by up to ~1e-3 relative.
 * Our score must not be worse than mgcv's (beyond 1e-10 relative), nor better by more than mgcv's stopping rule.
 */
class GamMgcvReferenceTest {

    private static FittedGam fit(MgcvCases.Case c, GamOptions o) {
        return Gam.fit(c.traits(), c.z(), c.covariates(), c.c(), c.y(), c.family(), o.withAdditive(c.additive()));
    }

    static void close(double expected, double actual, double rel, String what) {
        double tol = rel * Math.max(Math.abs(expected), 1e-3);
        assertEquals(expected, actual, tol, what + ": expected " + expected + ", got " + actual + " (rel " + rel + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"neonatal_te", "bumpus_weight_s", "synthetic_mass_s", "synthetic_gaussian_te",
        "synthetic_te3", "bumpus_additive4", "bumpus_sex_weight_s"})
    void atMgcvSmoothingParametersTheFitIsMgcvs(String name) {
        MgcvCases.Case c = MgcvCases.load(name);
        Map<String, Double> ref = MgcvCases.reference(name);
        FittedGam g = fit(c, GamOptions.defaults().withSmoothingParameters(spInOrder(name, ref)));
        double[] fr = MgcvCases.fitted(name);
        double[] fj = g.fittedValues();
        double worst = 0;
        for (int i = 0; i < fr.length; i++) {
            worst = Math.max(worst, Math.abs(fj[i] - fr[i]) / Math.max(Math.abs(fr[i]), 1e-3));
        }
        assertTrue(worst < 1e-6, name + ": fitted values differ from mgcv's by " + worst + " relative");
        close(ref.get("edf/total"), g.edf(), 1e-6, name + " edf");
        close(score(ref), g.score(), 1e-6, name + " score");
        close(ref.get("deviance/"), g.deviance(), 1e-6, name + " deviance");
        close(ref.get("scale/"), g.scale(), 1e-6, name + " scale");
        for (int i = 1; i <= 5; i++) {
            double[] z = c.z()[i - 1];
            double[] cv = c.c()[i - 1];
            close(ref.get("eta/" + i), g.linearPredictor(z, cv), 1e-6, name + " eta " + i);
            close(ref.get("se_link/" + i), g.standardError(z, cv), 1e-5, name + " se " + i);
        }
        double[][] grads = GamGradientsCheck.averageDerivatives(g, c.z(), c.c());
        int k = c.traits().size();
        for (int a = 0; a < k; a++) {
            close(ref.get("beta_gam/" + c.traits().get(a)), grads[0][a], 1e-5, name + " beta_gam");
        }
        int at = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                String term = c.traits().get(a) + ":" + c.traits().get(b);
                close(ref.get("gamma_gam/" + term), grads[1][at], 1e-4, name + " gamma_gam " + term);
                at++;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"neonatal_te", "bumpus_weight_s", "synthetic_mass_s", "synthetic_gaussian_te",
        "bumpus_sex_weight_s"})
    void chosenSmoothingParametersAgreeToTheOptimisersTolerance(String name) {
        MgcvCases.Case c = MgcvCases.load(name);
        Map<String, Double> ref = MgcvCases.reference(name);
        FittedGam g = fit(c, GamOptions.defaults());
        double mgcv = score(ref);
        assertTrue(g.score() <= mgcv + 1e-10 * Math.abs(mgcv), name + ": score " + g.score() + " worse than mgcv's "
                + mgcv);
        assertTrue(g.score() >= mgcv - 1e-7 * Math.abs(mgcv), name + ": score " + g.score() + " better than mgcv's "
                + mgcv + " by more than mgcv's stopping rule");
        close(ref.get("edf/total"), g.edf(), 1e-3, name + " edf");
        double[] fr = MgcvCases.fitted(name);
        double[] fj = g.fittedValues();
        for (int i = 0; i < fr.length; i++) {
            close(fr[i], fj[i], 1e-3, name + " fitted " + i);
        }
        double[][] grads = GamGradientsCheck.averageDerivatives(g, c.z(), c.c());
        for (int a = 0; a < c.traits().size(); a++) {
            close(ref.get("beta_gam/" + c.traits().get(a)), grads[0][a], 1e-3, name + " beta_gam");
        }
    }

    private static double score(Map<String, Double> ref) {
        return ref.containsKey("score/UBRE") ? ref.get("score/UBRE") : ref.get("score/GCV");
    }

    private static double[] spInOrder(String name, Map<String, Double> ref) {
        List<String> order = new ArrayList<>();
        for (String[] f : MgcvCases.csv("/gam/reference_gam.csv")) {
            if (f[0].equals(name) && f[1].equals("sp")) {
                order.add(f[2]);
            }
        }
        double[] v = new double[order.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ref.get("sp/" + order.get(i));
        }
        return v;
    }
}
