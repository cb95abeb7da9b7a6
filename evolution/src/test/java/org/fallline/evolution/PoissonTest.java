package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/**
 * Poisson average-derivative gradients (Morrissey &amp; Sakrejda 2013) of the synthetic count data
 * against R (beta_glm_avgderiv, gamma_glm_avgderiv of reference_synthetic_n2000.csv).
 */
class PoissonTest {

    private static final List<String> TRAITS = List.of("body_length_mm", "mass_g", "wing_mm");

    @Test
    void averageDerivativeGradientsMatchR() {
        ReferenceTable ref = new ReferenceTable("/reference/reference_synthetic_n2000.csv");
        SelectionReport r = new SelectionAnalysis().analyze(
                PhenotypeCsv.open(ReferenceTable.resource("/data/synthetic_selection_n2000.csv")),
                SelectionOptions.builder().fitness("W").traits(TRAITS).model(Model.POISSON).build());
        GroupReport g = r.groups().get(0);
        assertEquals(1, g.glm().size());
        GlmGradients p = g.glm().get(0);
        assertEquals(Model.POISSON, p.model());
        assertTrue(p.diagnoses().isEmpty());
        String ds = "synthetic_n2000_3traits";
        for (int i = 0; i < 3; i++) {
            Tolerance.relative(ref.get(ds, "beta_glm_avgderiv", TRAITS.get(i)).estimate(), p.beta().get(i).estimate(),
                    1e-6, "β " + TRAITS.get(i));
        }
        int at = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                String term = TRAITS.get(i) + ":" + TRAITS.get(j);
                assertEquals(term, p.gamma().get(at).term());
                Tolerance.relative(ref.get(ds, "gamma_glm_avgderiv", term).estimate(), p.gamma().get(at++).estimate(),
                        1e-6, "γ " + term);
            }
        }
        assertTrue(r.tidy().stream().anyMatch(e -> e.analysis().equals("beta_poisson")));
        assertTrue(r.tidy().stream().anyMatch(e -> e.analysis().equals("gamma_poisson")));
        // Least squares is still reported beside it.
        assertEquals(3, g.gradient().beta().size());
    }
}
