package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/**
 * Average-derivative GLM gradients (Janzen &amp; Stern 1998; Morrissey &amp; Sakrejda 2013) against R
 * (reference/make_average_derivative_reference.R: glm.fit, the derivatives in closed form, checked there
 * against finite differences of the fitted fitness function; delta-method SEs from a finite-difference
 * Jacobian): β from the first-order model, γ from the second-order model, divided by mean fitness.
 */
class AverageDerivativeReferenceTest {

    private static final ReferenceTable REF = new ReferenceTable("/reference/reference_average_derivative.csv");

    private static void check(String ds, String file, List<String> traits, Model model, GlmGradients gl,
            String betaName, String gammaName) {
        for (int i = 0; i < traits.size(); i++) {
            ReferenceTable.Row r = REF.get(ds, betaName, traits.get(i));
            Coefficient b = gl.beta().get(i);
            Tolerance.relative(r.estimate(), b.estimate(), 1e-8, ds + " β " + traits.get(i));
            Tolerance.relative(r.se(), b.stdError().getAsDouble(), 1e-7, ds + " SE β " + traits.get(i));
        }
        int at = 0;
        for (int i = 0; i < traits.size(); i++) {
            for (int j = i; j < traits.size(); j++) {
                String term = traits.get(i) + ":" + traits.get(j);
                ReferenceTable.Row r = REF.get(ds, gammaName, term);
                Coefficient g = gl.gamma().get(at++);
                assertEquals(term, g.term());
                Tolerance.relative(r.estimate(), g.estimate(), 1e-8, ds + " γ " + term);
                Tolerance.relative(r.se(), g.stdError().getAsDouble(), 1e-7, ds + " SE γ " + term);
            }
        }
    }

    @Test
    void poissonGradientsMatchR() {
        List<String> traits = List.of("body_length_mm", "mass_g", "wing_mm");
        SelectionReport r = new SelectionAnalysis().analyze(
                PhenotypeCsv.open(ReferenceTable.resource("/data/synthetic_selection_n2000.csv")),
                SelectionOptions.builder().fitness("W").traits(traits).model(Model.POISSON).build());
        GroupReport g = r.groups().get(0);
        assertEquals(1, g.glm().size());
        GlmGradients p = g.glm().get(0);
        assertEquals(Model.POISSON, p.model());
        assertTrue(p.diagnoses().isEmpty());
        assertTrue(p.gammaJs().isEmpty());
        check("synthetic_n2000_3traits", "", traits, Model.POISSON, p, "beta_poisson", "gamma_poisson");
        assertTrue(r.tidy().stream().anyMatch(e -> e.analysis().equals("beta_poisson")));
        // Least squares is still reported beside it.
        assertEquals(3, g.gradient().beta().size());
    }

    @Test
    void logisticGradientsMatchRAndKeepJanzenSternsRescaling() {
        List<String> traits = List.of("TotalLength_mm", "Weight_g", "HumerusL_in");
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv")),
                SelectionOptions.builder().fitness("W").traits(traits).build());
        GlmGradients gl = r.groups().get(0).glm().get(0);
        assertEquals(Model.LOGISTIC, gl.model());
        check("bumpus_all_3traits", "", traits, Model.LOGISTIC, gl, "beta_logistic", "gamma_logistic");
        int at = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                String term = traits.get(i) + ":" + traits.get(j);
                ReferenceTable.Row js = REF.get("bumpus_all_3traits", "gamma_logistic_js", term);
                Tolerance.relative(js.estimate(), gl.gammaJs().get(at).estimate(), 1e-8, "γ_JS " + term);
                Tolerance.relative(js.se(), gl.gammaJs().get(at++).stdError().getAsDouble(), 1e-7, "SE γ_JS " + term);
            }
        }
        assertTrue(r.tidy().stream().anyMatch(e -> e.analysis().equals("gamma_logistic_js")));
    }
}
