package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/**
 * Least squares and the Janzen–Stern logistic gradients on real data against R
 * (reference/reference_real_data.csv: la_reference_lib.R's la_analysis on Bumpus's sparrows, all
 * birds and females only, 9 and 3 traits, and on Karn &amp; Penrose's neonatal survival). Least-squares
 * estimates and standard errors to 10⁻⁹ relative; logistic ones to 10⁻⁶ relative (IRLS stops at a
 * relative deviance change of 10⁻⁸, as R's does).
 */
class RealDataReferenceTest {

    private static final double REL = 1e-9;
    private static final ReferenceTable REF = new ReferenceTable("/reference/reference_real_data.csv");
    private static final List<String> NINE = List.of("TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm",
            "HumerusL_in", "FemurL_in", "TibioTarL_in", "SkullW_in", "SternumL_in");
    private static final List<String> THREE = List.of("TotalLength_mm", "Weight_g", "HumerusL_in");

    private static GroupReport run(String file, String fitness, List<String> traits, boolean quadratic,
            RowFilter... where) {
        SelectionOptions.Builder b = SelectionOptions.builder().fitness(fitness).traits(traits).quadratic(quadratic);
        for (RowFilter f : where) {
            b.where(f);
        }
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.open(ReferenceTable.resource(file)), b.build());
        assertEquals(1, r.groups().size());
        return r.groups().get(0);
    }

    private static void coefficient(String ds, String analysis, String term, Coefficient c) {
        ReferenceTable.Row r = REF.get(ds, analysis, term);
        Tolerance.relative(r.estimate(), c.estimate(), REL, ds + " " + analysis + " " + term);
        if (!Double.isNaN(r.se())) {
            Tolerance.relative(r.se(), c.stdError().getAsDouble(), REL, ds + " " + analysis + " SE " + term);
        }
    }

    private static void ols(String ds, GroupReport g, List<String> t) {
        int k = t.size();
        Tolerance.relative(REF.get(ds, "meanW", "meanW").estimate(), g.meanFitness(), 1e-11, ds + " mean W");
        for (int i = 0; i < k; i++) {
            Tolerance.relative(REF.get(ds, "S_pop", t.get(i)).estimate(), g.differentials().s()[i], REL, ds + " S");
            Tolerance.relative(REF.get(ds, "S_samp", t.get(i)).estimate(), g.differentials().sSample()[i], REL, ds);
            for (int j = i; j < k; j++) {
                Tolerance.relative(REF.get(ds, "C_pop", t.get(i) + ":" + t.get(j)).estimate(),
                        g.differentials().c()[i][j], REL, ds + " C");
            }
            coefficient(ds, "beta", t.get(i), g.gradient().beta().get(i));
            ReferenceTable.Row r = REF.get(ds, "beta", t.get(i));
            Tolerance.decimals(r.noteValue("t"), g.gradient().beta().get(i).statistic().getAsDouble(), 6, ds + " t");
            Tolerance.significant(r.noteValue("p"), g.gradient().beta().get(i).pValue().getAsDouble(), 6, ds + " p");
        }
        Tolerance.relative(REF.get(ds, "beta_model", "r_squared").estimate(), g.gradient().fit().rSquared(), REL, ds);
        Tolerance.relative(REF.get(ds, "beta_model", "residual_sigma").estimate(), g.gradient().fit().sigma(), REL, ds);
        g.quadratic().ifPresent(q -> {
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    coefficient(ds, "gamma", t.get(i) + ":" + t.get(j), q.element(i, j));
                }
                coefficient(ds, "quad_model_linear_term", t.get(i), q.linear().get(i));
            }
            Tolerance.relative(REF.get(ds, "gamma_model", "r_squared").estimate(), q.fit().rSquared(), REL, ds);
            CanonicalAnalysis c = g.canonical().orElseThrow();
            for (int a = 0; a < k; a++) {
                coefficient(ds, "eigenvalue", "m" + (a + 1), c.eigenvalues().get(a));
                coefficient(ds, "theta_canonical_linear", "m" + (a + 1), c.theta().get(a));
                for (int i = 0; i < k; i++) {
                    Tolerance.relative(REF.get(ds, "eigenvector", "m" + (a + 1) + "[" + t.get(i) + "]").estimate(),
                            c.eigenvectors()[i][a], REL, ds + " eigenvector");
                }
            }
        });
    }

    private static GlmGradients logistic(GroupReport g) {
        assertEquals(1, g.glm().size(), "binary fitness brings the logistic analysis beside least squares");
        GlmGradients gl = g.glm().get(0);
        assertEquals(Model.LOGISTIC, gl.model());
        return gl;
    }

    private static void janzenStern(String ds, GroupReport g, List<String> t, boolean gammaReliable) {
        GlmGradients gl = logistic(g);
        for (int i = 0; i < t.size(); i++) {
            // β is Janzen & Stern's (their β is the average derivative); its SE is now the delta method's,
            // checked in AverageDerivativeReferenceTest, not mean(p(1 − p))·SE(α)/W̄.
            Tolerance.relative(REF.get(ds, "beta_JS", t.get(i)).estimate(), gl.beta().get(i).estimate(), 1e-6,
                    ds + " beta_JS " + t.get(i));
        }
        if (gammaReliable) {
            int at = 0;
            for (int i = 0; i < t.size(); i++) {
                for (int j = i; j < t.size(); j++) {
                    coefficient(ds, "gamma_JS", t.get(i) + ":" + t.get(j), gl.gammaJs().get(at++));
                }
            }
            assertTrue(gl.diagnoses().isEmpty(), gl.diagnoses().toString());
        }
    }

    @Test
    void bumpusAllBirdsNineTraits() {
        GroupReport g = run("/data/bumpus.csv", "W", NINE, true);
        assertEquals(136, g.n());
        ols("bumpus_all_9traits", g, NINE);
        janzenStern("bumpus_all_9traits", g, NINE, false);
        // R flags the second-order logit as separated: γ is not reported as numbers, and the report says why.
        GlmGradients gl = logistic(g);
        assertTrue(gl.gamma().isEmpty());
        assertEquals(1, gl.diagnoses().size());
        assertTrue(gl.diagnoses().get(0).startsWith("logistic γ not reported, second-order logistic fit: (quasi-)separation"),
                gl.diagnoses().get(0));
        assertTrue(g.notes().contains(gl.diagnoses().get(0)));
        assertFalse(new SelectionReport("b", "W", NINE, Standardization.SD, java.util.Set.of(), List.of(g), List.of())
                .tidy().stream().anyMatch(e -> e.analysis().equals("gamma_logistic")));
    }

    @Test
    void bumpusAllBirdsThreeTraits() {
        GroupReport g = run("/data/bumpus.csv", "W", THREE, true);
        ols("bumpus_all_3traits", g, THREE);
        janzenStern("bumpus_all_3traits", g, THREE, true);
    }

    @Test
    void bumpusFemales() {
        GroupReport g3 = run("/data/bumpus.csv", "W", THREE, true, new RowFilter("Sex", "0"));
        assertEquals(49, g3.n());
        ols("bumpus_female_3traits", g3, THREE);
        janzenStern("bumpus_female_3traits", g3, THREE, true);
        // 49 females cannot carry the 55-parameter second-order model: R skips it, and so must the user.
        GroupReport g9 = run("/data/bumpus.csv", "W", NINE, false, new RowFilter("Sex", "0.0"));
        ols("bumpus_female_9traits", g9, NINE);
        janzenStern("bumpus_female_9traits", g9, NINE, false);
    }

    @Test
    void karnPenrose() {
        List<String> t = List.of("bw", "gest");
        GroupReport g = run("/data/karn_penrose_neonatal.csv", "nns", t, true);
        assertEquals(7036, g.n());
        ols("karn_penrose", g, t);
        janzenStern("karn_penrose", g, t, true);
    }
}
