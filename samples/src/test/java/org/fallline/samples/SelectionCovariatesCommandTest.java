package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --covariates}, {@code --categorical} and the {@code glm.p.value} column from the command line: the
 * covariate rows in the tidy CSV and the JSON, the GLM p-values beside the least-squares rows of the sparrows'
 * binary survival, the note on listwise deletion, and one {@code error:} line naming the option for bad use.
 * The numbers themselves are checked against R in the evolution module's CovariatesTest.
 */
class SelectionCovariatesCommandTest {

    private static final String TRAITS = "TotalLength_mm,Weight_g,HumerusL_in";

    @Test
    void covariateRowsAndGlmPValuesInTheTidyCsv() throws Exception {
        Run.Result r = Run.fallline("selection", "--traits", TRAITS, "--covariates", "AgeGroup", "--format", "csv",
                "--quiet");
        assertEquals(0, r.status(), r::toString);
        List<String[]> rows;
        try (CSVReader csv = new CSVReader(new StringReader(r.out()))) {
            rows = csv.readAll();
        }
        List<String> header = List.of(rows.get(0));
        assertEquals("glm.p.value", header.get(header.size() - 1));
        assertEquals("boot.conf.high", header.get(header.size() - 2));
        int glmP = header.size() - 1;
        String[] cov = rows.stream().filter(x -> x[1].equals("covariate")).findFirst().orElseThrow();
        assertEquals("AgeGroup", cov[2]);
        assertFalse(cov[glmP].isEmpty(), r::toString);
        for (String[] row : rows.subList(1, rows.size())) {
            boolean beside = List.of("beta", "gamma", "covariate").contains(row[1]);
            assertEquals(beside, !row[glmP].isEmpty(), () -> String.join(",", row));
        }
        String n = rows.stream().filter(x -> x[1].equals("fit") && x[2].equals("n")).findFirst().orElseThrow()[3];
        assertEquals(87.0, Double.parseDouble(n), 0.0, "the 49 females have no AgeGroup");
    }

    @Test
    void tableAndJsonShowTheCovariates() throws Exception {
        Run.Result table = Run.fallline("selection", "--traits", TRAITS, "--covariates", "AgeGroup", "--quiet");
        assertEquals(0, table.status(), table::toString);
        assertTrue(table.out().contains("covariates AgeGroup"), table::toString);
        assertTrue(table.out().contains("glm.p.value"), table::toString);
        assertTrue(table.out().contains("49 of them for a missing covariate (AgeGroup)"), table::toString);
        Run.Result json = Run.fallline("selection", "--traits", TRAITS, "--covariates", "Sex", "--format", "json",
                "--quiet");
        assertEquals(0, json.status(), json::toString);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("Sex", root.get("covariates").get(0).asText());
        assertTrue(root.get("groups").get(0).get("covariateHeldTerm").asDouble() > 0, json::toString);
        boolean found = false;
        for (JsonNode e : root.get("estimates")) {
            if (e.get("analysis").asText().equals("covariate")) {
                found = true;
                assertEquals("Sex", e.get("term").asText());
                assertTrue(e.has("glm.p.value") && e.has("p.value"), e::toString);
            }
        }
        assertTrue(found, json::toString);
    }

    @Test
    void badCovariatesAreRefusedNamingTheOption() {
        String[][] cases = {
            {"--covariates", "Age"},
            {"--covariates", "Weight_g"},
            {"--covariates", "W"},
            {"--covariates", "Sex,AgeGroup"},
            {"--categorical", "Sex"},
            {"--covariates", "SternumL_in", "--categorical", "SternumL_in"},
        };
        String[] named = {"'Age'", "--covariates: 'Weight_g'", "--covariates: 'W'", "--covariates: 'Sex'",
            "--categorical", "--covariates: categorical covariate 'SternumL_in' has more than 50 levels"};
        for (int c = 0; c < cases.length; c++) {
            String[] args = new String[3 + cases[c].length];
            args[0] = "selection";
            args[1] = "--traits";
            args[2] = TRAITS;
            System.arraycopy(cases[c], 0, args, 3, cases[c].length);
            Run.Result r = Run.fallline(args);
            assertEquals(2, r.status(), r::toString);
            Contract.refused(r, named[c]);
        }
    }
}
