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
 * {@code --compare-groups} against R's anova() (reference/make_compare_groups_reference.R): F tests of
 * the least-squares models, likelihood-ratio tests of the Poisson and logistic models.
 */
class GroupComparisonTest {

    private static final ReferenceTable REF = new ReferenceTable("/reference/reference_compare_groups.csv");

    /** The synthetic set with a column grp = id mod 2. */
    private static PhenotypeSource syntheticByParity() throws IOException {
        String text;
        try (InputStream in = GroupComparisonTest.class.getResourceAsStream("/data/synthetic_selection_n2000.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\r?\n");
        sb.append(lines[0]).append(",grp\n");
        for (int i = 1; i < lines.length; i++) {
            long id = Long.parseLong(lines[i].substring(0, lines[i].indexOf(',')));
            sb.append(lines[i]).append(',').append(id % 2).append('\n');
        }
        return PhenotypeCsv.of("synthetic.csv", sb.toString());
    }

    private static void check(SelectionReport r, String ds, String analysis) {
        assertEquals(2, r.comparisons().size());
        for (Coefficient c : r.comparisons()) {
            ReferenceTable.Row ref = REF.get(ds, analysis, c.term());
            Tolerance.relative(ref.estimate(), c.estimate(), 1e-7, ds + " " + analysis + " " + c.term());
            Tolerance.relative(ref.noteValue("p"), c.pValue().getAsDouble(), 1e-6, ds + " p " + c.term());
        }
        List<Estimate> rows = r.tidy().stream().filter(e -> e.analysis().equals("compare")).toList();
        assertEquals(List.of("beta", "gamma"), rows.stream().map(Estimate::term).toList());
    }

    @Test
    void leastSquaresFTestsAsAnova() throws IOException {
        SelectionReport r = new SelectionAnalysis().analyze(syntheticByParity(), SelectionOptions.builder()
                .fitness("W").traits("body_length_mm", "mass_g", "wing_mm").by("grp").compareGroups(true).build());
        check(r, "synthetic_n2000_by_id_parity", "compare_F");
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("compare beta") && n.contains("3 and 1992 df")),
                r.notes().toString());
    }

    @Test
    void poissonLikelihoodRatioTestsAsAnova() throws IOException {
        SelectionReport r = new SelectionAnalysis().analyze(syntheticByParity(), SelectionOptions.builder()
                .fitness("W").traits("body_length_mm", "mass_g", "wing_mm").by("grp").model(Model.POISSON)
                .compareGroups(true).build());
        check(r, "synthetic_n2000_by_id_parity", "compare_LRT_poisson");
    }

    @Test
    void logisticLikelihoodRatioTestsForTheSexesOfTheSparrows() {
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv")),
                SelectionOptions.builder().fitness("W").traits("TotalLength_mm", "Weight_g", "HumerusL_in").by("Sex")
                        .compareGroups(true).build());
        check(r, "bumpus_by_sex_3traits", "compare_LRT_binomial");
    }

    @Test
    void comparingNeedsGroups() {
        SelectionException e = assertThrows(SelectionException.class, () -> SelectionOptions.builder().fitness("W")
                .traits("a").compareGroups(true).build());
        assertEquals("comparing groups needs a grouping column (--by COL)", e.getMessage());
    }
}
