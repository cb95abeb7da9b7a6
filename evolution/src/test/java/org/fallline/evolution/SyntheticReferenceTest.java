package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The least-squares analysis of the synthetic data set (2000 individuals, 3 traits, Poisson fitness)
 * against R's {@code lm} (reference/reference_synthetic_n2000.csv, made by la_reference_lib.R): every
 * estimate and standard error to 10⁻⁹ relative, t and p to the digits R printed.
 */
class SyntheticReferenceTest {

    private static final String DS = "synthetic_n2000_3traits";
    private static final double REL = 1e-9;
    private static final List<String> TRAITS = List.of("body_length_mm", "mass_g", "wing_mm");

    private static ReferenceTable ref;
    private static GroupReport g;

    @BeforeAll
    static void analyse() {
        ref = new ReferenceTable("/reference/reference_synthetic_n2000.csv");
        PhenotypeSource src = PhenotypeCsv.open(ReferenceTable.resource("/data/synthetic_selection_n2000.csv"));
        SelectionReport report = new SelectionAnalysis().analyze(src,
                SelectionOptions.builder().fitness("W").traits(TRAITS).build());
        assertEquals(1, report.groups().size());
        g = report.groups().get(0);
    }

    private static ReferenceTable.Row row(String analysis, String term) {
        return ref.get(DS, analysis, term);
    }

    @Test
    void descriptives() {
        assertEquals(2000, g.n());
        assertEquals(0, g.dropped());
        Tolerance.relative(row("meanW", "meanW").estimate(), g.meanFitness(), 1e-12, "mean W");
        for (int i = 0; i < 3; i++) {
            Tolerance.relative(row("trait_mean_raw", TRAITS.get(i)).estimate(), g.traitMeans()[i], REL, "mean");
            Tolerance.relative(row("trait_sd_raw", TRAITS.get(i)).estimate(), g.traitSds()[i], REL, "sd");
        }
    }

    @Test
    void differentials() {
        SelectionDifferentials d = g.differentials();
        for (int i = 0; i < 3; i++) {
            Tolerance.relative(row("S_pop", TRAITS.get(i)).estimate(), d.s()[i], REL, "S_pop " + TRAITS.get(i));
            Tolerance.relative(row("S_samp", TRAITS.get(i)).estimate(), d.sSample()[i], REL, "S_samp " + TRAITS.get(i));
            for (int j = i; j < 3; j++) {
                String term = TRAITS.get(i) + ":" + TRAITS.get(j);
                Tolerance.relative(row("C_pop", term).estimate(), d.c()[i][j], REL, "C " + term);
                assertEquals(d.c()[i][j], d.c()[j][i], 0.0, "C symmetric");
            }
        }
    }

    @Test
    void linearGradient() {
        for (int i = 0; i < 3; i++) {
            ReferenceTable.Row r = row("beta", TRAITS.get(i));
            Coefficient b = g.gradient().beta().get(i);
            assertEquals(TRAITS.get(i), b.term());
            Tolerance.relative(r.estimate(), b.estimate(), REL, "beta");
            Tolerance.relative(r.se(), b.stdError().getAsDouble(), REL, "beta SE");
            Tolerance.decimals(r.noteValue("t"), b.statistic().getAsDouble(), 6, "beta t");
            Tolerance.significant(r.noteValue("p"), b.pValue().getAsDouble(), 6, "beta p");
        }
        Coefficient a = g.gradient().intercept();
        Tolerance.relative(row("beta_model", "intercept").estimate(), a.estimate(), 1e-12, "intercept");
        Tolerance.relative(row("beta_model", "intercept").se(), a.stdError().getAsDouble(), REL, "intercept SE");
        ModelFit f = g.gradient().fit();
        Tolerance.relative(row("beta_model", "r_squared").estimate(), f.rSquared(), REL, "R²");
        Tolerance.relative(row("beta_model", "residual_sigma").estimate(), f.sigma(), REL, "sigma");
        assertEquals(row("beta_model", "residual_sigma").noteValue("df"), f.dfResidual(), 0.0, "df");
    }

    @Test
    void quadraticMatrix() {
        QuadraticSelectionMatrix q = g.quadratic().orElseThrow();
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                String term = TRAITS.get(i) + ":" + TRAITS.get(j);
                ReferenceTable.Row r = row("gamma", term);
                Coefficient c = q.element(i, j);
                assertEquals(term, c.term());
                Tolerance.relative(r.estimate(), c.estimate(), REL, "gamma " + term);
                Tolerance.relative(r.se(), c.stdError().getAsDouble(), REL, "gamma SE " + term);
                Tolerance.decimals(r.noteValue("t"), c.statistic().getAsDouble(), 6, "gamma t " + term);
                Tolerance.significant(r.noteValue("p"), c.pValue().getAsDouble(), 6, "gamma p " + term);
            }
            // The raw coefficient of z² in R's undoubled fit is half of γ_ii, with half its SE.
            ReferenceTable.Row u = row("gamma_undoubled_coef", TRAITS.get(i) + "^2");
            Tolerance.relative(u.estimate(), q.element(i, i).estimate() / 2, REL, "undoubled");
            Tolerance.relative(u.se(), q.element(i, i).stdError().getAsDouble() / 2, REL, "undoubled SE");
            ReferenceTable.Row l = row("quad_model_linear_term", TRAITS.get(i));
            Tolerance.relative(l.estimate(), q.linear().get(i).estimate(), REL, "linear term");
            Tolerance.relative(l.se(), q.linear().get(i).stdError().getAsDouble(), REL, "linear term SE");
        }
        ModelFit f = q.fit();
        Tolerance.relative(row("gamma_model", "r_squared").estimate(), f.rSquared(), REL, "R²");
        Tolerance.relative(row("gamma_model", "residual_sigma").estimate(), f.sigma(), REL, "sigma");
        assertEquals(row("gamma_model", "residual_sigma").noteValue("df"), f.dfResidual(), 0.0, "df");
        assertEquals(10, f.parameters());
    }

    @Test
    void canonicalAnalysis() {
        CanonicalAnalysis c = g.canonical().orElseThrow();
        for (int a = 0; a < 3; a++) {
            String m = "m" + (a + 1);
            ReferenceTable.Row ev = row("eigenvalue", m);
            Tolerance.relative(ev.estimate(), c.eigenvalues().get(a).estimate(), REL, "eigenvalue " + m);
            Tolerance.relative(ev.se(), c.eigenvalues().get(a).stdError().getAsDouble(), REL, "eigenvalue SE " + m);
            ReferenceTable.Row th = row("theta_canonical_linear", m);
            Tolerance.relative(th.estimate(), c.theta().get(a).estimate(), REL, "theta " + m);
            Tolerance.relative(th.se(), c.theta().get(a).stdError().getAsDouble(), REL, "theta SE " + m);
            for (int i = 0; i < 3; i++) {
                ReferenceTable.Row v = row("eigenvector", m + "[" + TRAITS.get(i) + "]");
                Tolerance.relative(v.estimate(), c.eigenvectors()[i][a], REL, "eigenvector " + m + " " + TRAITS.get(i));
            }
        }
    }
}
