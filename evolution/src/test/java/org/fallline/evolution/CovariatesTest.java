package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/**
 * {@code --covariates} against R (reference/make_covariates_reference.R): lm(w ~ z + covariates) and
 * lm(w ~ z + quadratic(z) + covariates) to 1e-9 relative, on Bumpus's sparrows with Sex (numeric, all birds) and
 * AgeGroup (empty for the females: listwise deletion), the second transcription's text-coded sex and age
 * (categorical), and the synthetic counts with a numeric covariate and a three-level factor.
 */
class CovariatesTest {

    private static final double REL = 1e-9;
    private static final ReferenceTable REF = new ReferenceTable("/reference/reference_covariates.csv");
    static final List<String> THREE = List.of("TotalLength_mm", "Weight_g", "HumerusL_in");
    static final List<String> THREE2 = List.of("length", "weight", "humerus");

    static PhenotypeSource bumpus() {
        return PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv"));
    }

    static PhenotypeSource bumpus2() {
        return PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus_second_transcription.csv"));
    }

    /** The synthetic set with columns site = id mod 3 and grp = id mod 2. */
    static PhenotypeSource syntheticBySite() throws IOException {
        String text;
        try (InputStream in = CovariatesTest.class.getResourceAsStream("/data/synthetic_selection_n2000.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\r?\n");
        sb.append(lines[0]).append(",site,grp\n");
        for (int i = 1; i < lines.length; i++) {
            long id = Long.parseLong(lines[i].substring(0, lines[i].indexOf(',')));
            sb.append(lines[i]).append(',').append(id % 3).append(',').append(id % 2).append('\n');
        }
        return PhenotypeCsv.of("synthetic.csv", sb.toString());
    }

    static GroupReport run(PhenotypeSource src, SelectionOptions.Builder b) {
        SelectionReport r = new SelectionAnalysis().analyze(src, b.build());
        assertEquals(1, r.groups().size());
        return r.groups().get(0);
    }

    private static void coefficient(String ds, String analysis, Coefficient c) {
        ReferenceTable.Row r = REF.get(ds, analysis, c.term());
        Tolerance.relative(r.estimate(), c.estimate(), REL, ds + " " + analysis + " " + c.term());
        Tolerance.relative(r.se(), c.stdError().getAsDouble(), REL, ds + " " + analysis + " SE " + c.term());
        Tolerance.relative(r.noteValue("t"), c.statistic().getAsDouble(), REL, ds + " t " + c.term());
        Tolerance.relative(r.noteValue("p"), c.pValue().getAsDouble(), 1e-7, ds + " p " + c.term());
    }

    /** β, γ, the covariate rows and S (same rows) against lm. */
    static void ols(String ds, GroupReport g, int covariateRows) {
        for (Coefficient c : g.gradient().beta()) {
            coefficient(ds, "beta", c);
        }
        for (Coefficient c : g.quadratic().orElseThrow().gamma()) {
            coefficient(ds, "gamma", c);
        }
        assertEquals(covariateRows, g.covariates().size(), ds + " covariate rows");
        for (Coefficient c : g.covariates()) {
            coefficient(ds, "covariate", c);
        }
        for (int i = 0; i < g.traits().size(); i++) {
            Tolerance.relative(REF.get(ds, "S", g.traits().get(i)).estimate(), g.differentials().s()[i], REL, ds + " S");
        }
    }

    /**
     * glm.p.value of β (first-order GLM) and γ (second-order GLM) against summary(glm), and the GLM's
     * average-derivative gradients with their delta-method SEs, to 1e-7 relative.
     */
    static void glm(String ds, GroupReport g, boolean gradients) {
        glm(ds, g, gradients, true);
    }

    static void glm(String ds, GroupReport g, boolean gradients, boolean pValues) {
        for (Coefficient c : pValues ? g.gradient().beta() : List.<Coefficient>of()) {
            Tolerance.relative(REF.get(ds, "glm_p1", c.term()).noteValue("p"), c.glmP().getAsDouble(), 1e-7,
                    ds + " glm p " + c.term());
        }
        for (Coefficient c : pValues ? g.quadratic().orElseThrow().gamma() : List.<Coefficient>of()) {
            Tolerance.relative(REF.get(ds, "glm_p2", c.term()).noteValue("p"), c.glmP().getAsDouble(), 1e-7,
                    ds + " glm p " + c.term());
        }
        for (Coefficient c : pValues ? g.covariates() : List.<Coefficient>of()) {
            Tolerance.relative(REF.get(ds, "glm_pc", c.term()).noteValue("p"), c.glmP().getAsDouble(), 1e-7,
                    ds + " glm p " + c.term());
        }
        if (!gradients) {
            return;
        }
        GlmGradients gl = g.glm().get(0);
        for (Coefficient c : gl.beta()) {
            ReferenceTable.Row r = REF.get(ds, "beta_glm", c.term());
            Tolerance.relative(r.estimate(), c.estimate(), 1e-7, ds + " " + gl.betaAnalysis() + " " + c.term());
            Tolerance.relative(r.se(), c.stdError().getAsDouble(), 1e-7, ds + " SE " + c.term());
        }
        for (Coefficient c : gl.gamma()) {
            ReferenceTable.Row r = REF.get(ds, "gamma_glm", c.term());
            Tolerance.relative(r.estimate(), c.estimate(), 1e-7, ds + " " + gl.gammaAnalysis() + " " + c.term());
            Tolerance.relative(r.se(), c.stdError().getAsDouble(), 1e-7, ds + " SE " + c.term());
        }
    }

    @Test
    void sexAsANumericCovariateOfTheSparrows() {
        GroupReport g = run(bumpus(), SelectionOptions.builder().fitness("W").traits(THREE).covariates("Sex"));
        ols("bumpus_sex", g, 1);
        glm("bumpus_sex", g, true);
        assertEquals("Sex", g.covariates().get(0).term());
        // the surface is drawn with Sex at its mean, the share of males (87 of the 136 birds)
        assertEquals(g.covariates().get(0).estimate() * 87 / 136, g.covariateHeldTerm(), 1e-14);
    }

    @Test
    void ageGroupDropsTheFemalesListwiseBeforeStandardising() {
        GroupReport g = run(bumpus(), SelectionOptions.builder().fitness("W").traits(THREE).covariates("AgeGroup"));
        ols("bumpus_agegroup", g, 1);
        glm("bumpus_agegroup", g, true);
        assertEquals(87, g.n());
        assertEquals(49, g.dropped());
        assertTrue(g.notes().stream().anyMatch(n -> n.startsWith("49 rows dropped for a missing fitness, trait or"
                + " covariate value") && n.contains("49 of them for a missing covariate (AgeGroup)")), g.notes().toString());
    }

    @Test
    void textCodedSexIsCategoricalWithTheFirstLevelAsReference() {
        GroupReport g = run(bumpus2(), SelectionOptions.builder().fitness("survival").traits(THREE2).covariates("sex"));
        ols("bumpus2_sex", g, 1);
        glm("bumpus2_sex", g, true);
        assertEquals(0.0, g.covariateHeldTerm(), 0.0, "a categorical covariate is held at its reference level");
        assertEquals("sex:m", g.covariates().get(0).term());
    }

    @Test
    void textCodedAgeOfTheMales() {
        GroupReport g = run(bumpus2(), SelectionOptions.builder().fitness("survival").traits(THREE2).covariates("age"));
        ols("bumpus2_age", g, 1);
        glm("bumpus2_age", g, true);
        assertEquals("age:y", g.covariates().get(0).term());
    }

    @Test
    void aNumericCovariateAndAThreeLevelFactor() throws IOException {
        GroupReport g = run(syntheticBySite(), SelectionOptions.builder().fitness("W").traits("body_length_mm", "mass_g")
                .covariates("wing_mm", "site").categorical("site"));
        ols("synthetic_wing_site", g, 3);
        glm("synthetic_wing_site", g, false);
        assertEquals(List.of("wing_mm", "site:1", "site:2"), g.covariates().stream().map(Coefficient::term).toList());
        assertTrue(g.glm().isEmpty(), "no Poisson gradients unless asked for");
    }

    @Test
    void compareGroupsWithACovariateAsAnova() throws IOException {
        for (Model m : new Model[] {Model.OLS, Model.POISSON}) {
            SelectionReport r = new SelectionAnalysis().analyze(syntheticBySite(), SelectionOptions.builder()
                    .fitness("W").traits("body_length_mm", "mass_g").covariates("wing_mm").by("grp").model(m)
                    .compareGroups(true).build());
            String analysis = m == Model.OLS ? "compare_F" : "compare_LRT_poisson";
            assertEquals(2, r.comparisons().size());
            for (Coefficient c : r.comparisons()) {
                ReferenceTable.Row ref = REF.get("synthetic_by_parity_wing", analysis, c.term());
                Tolerance.relative(ref.estimate(), c.estimate(), 1e-7, analysis + " " + c.term());
                Tolerance.relative(ref.noteValue("p"), c.pValue().getAsDouble(), 1e-6, analysis + " p " + c.term());
            }
        }
    }

    /**
     * The bootstrap and permutation refits carry the covariates: the bootstrap statistic of the sample itself is
     * lm's β and γ, and the Freedman–Lane statistic of the identity permutation is lm's t of each β and γ.
     */
    @Test
    void resamplingRefitsIncludeTheCovariates() {
        List<String> header = new java.util.ArrayList<>();
        double[][] data = Tables.read("/data/synthetic_selection_n2000.csv", header);
        org.fallline.evolution.internal.CovariateCoding coding = org.fallline.evolution.internal.CovariateCoding
                .builder().numeric("wing_mm").categorical("site", List.of("0", "1", "2"), List.of(0, 1, 2)).build();
        org.fallline.evolution.internal.GroupAccumulator acc = new org.fallline.evolution.internal.GroupAccumulator(
                "all", 2, true, coding);
        for (double[] row : data) {
            acc.add(row[4], new double[] {row[1], row[2], row[3], row[0] % 3}, true);
        }
        org.fallline.evolution.internal.StandardizedMoments sm = new org.fallline.evolution.internal
                .StandardizedMoments(acc.sums(), Standardization.SD);
        org.fallline.evolution.internal.ResamplingStatistics stats = new org.fallline.evolution.internal
                .ResamplingStatistics(acc.rows(), coding, Standardization.SD, true, null);
        int[] identity = java.util.stream.IntStream.range(0, data.length).toArray();
        double[] boot = stats.bootstrap(identity);
        double[] perm = stats.permutation(sm).apply(identity);
        String ds = "synthetic_wing_site";
        List<String> terms = List.of("body_length_mm", "mass_g", "body_length_mm:body_length_mm",
                "body_length_mm:mass_g", "mass_g:mass_g");
        for (int t = 0; t < terms.size(); t++) {
            ReferenceTable.Row ref = REF.get(ds, t < 2 ? "beta" : "gamma", terms.get(t));
            Tolerance.relative(ref.estimate(), boot[t], REL, "bootstrap statistic " + terms.get(t));
            Tolerance.relative(ref.noteValue("t"), perm[t], REL, "Freedman-Lane t " + terms.get(t));
        }
    }

    /** With --by every group gets its own treatment contrasts: its reference level is its own first level. */
    @Test
    void eachGroupHasItsOwnReferenceLevel() {
        StringBuilder sb = new StringBuilder("W,x,g,lv\n");
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < 200; i++) {
            boolean a = i % 2 == 0;
            String lv = a ? (rnd.nextBoolean() ? "x" : "y") : (rnd.nextBoolean() ? "y" : "z");
            sb.append(rnd.nextInt(2)).append(',').append(rnd.nextGaussian()).append(',').append(a ? "A" : "B")
                    .append(',').append(lv).append('\n');
        }
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.of("g.csv", sb.toString()),
                SelectionOptions.builder().fitness("W").traits("x").covariates("lv").by("g").build());
        assertEquals(List.of("lv:y"), r.groups().get(0).covariates().stream().map(Coefficient::term).toList());
        assertEquals(List.of("lv:z"), r.groups().get(1).covariates().stream().map(Coefficient::term).toList());
    }

    @Test
    void covariatesBeyondDoublePrecisionAreRefusedByName() {
        StringBuilder sb = new StringBuilder("W,x,c\n");
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {
            sb.append(rnd.nextInt(2)).append(',').append(rnd.nextGaussian()).append(',')
                    .append(rnd.nextGaussian() * 1e200).append('\n');
        }
        SelectionException e = assertThrows(SelectionException.class, () -> new SelectionAnalysis().analyze(
                PhenotypeCsv.of("big.csv", sb.toString()), SelectionOptions.builder().fitness("W").traits("x")
                        .covariates("c").build()));
        assertEquals(SelectionException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("--covariates: values of 'c' up to "), e.getMessage());
    }

    @Test
    void poissonGradientsWithCovariates() throws IOException {
        GroupReport g = run(syntheticBySite(), SelectionOptions.builder().fitness("W").traits("body_length_mm", "mass_g")
                .covariates("wing_mm", "site").categorical("site").model(Model.POISSON));
        glm("synthetic_wing_site", g, true, false);
        assertTrue(g.gradient().beta().get(0).glmP().isEmpty(), "glm.p.value only beside least squares");
    }
}
