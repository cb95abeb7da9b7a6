package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionCommandTest {

    private static final String TIDY = "group,analysis,term,estimate,std.error,statistic,p.value,conf.low,conf.high,"
            + "boot.se,perm.p.value,boot.conf.low,boot.conf.high,glm.p.value";

    @TempDir
    static Path shared;

    static Path synthetic;

    @TempDir
    Path dir;

    @BeforeAll
    static void copySyntheticData() throws IOException {
        synthetic = shared.resolve("synthetic.csv");
        try (InputStream in = SelectionCommandTest.class.getResourceAsStream("/reference/synthetic_selection_n2000.csv")) {
            Files.copy(in, synthetic);
        }
    }

    private static List<String[]> csv(String text) throws IOException, CsvException {
        try (CSVReader r = new CSVReader(new StringReader(text))) {
            return r.readAll();
        }
    }

    /** Tidy rows keyed by "group/analysis/term". */
    private static Map<String, String[]> tidy(String text) throws IOException, CsvException {
        List<String[]> rows = csv(text);
        assertEquals(TIDY, String.join(",", rows.get(0)));
        Map<String, String[]> byKey = new HashMap<>();
        for (String[] row : rows.subList(1, rows.size())) {
            assertEquals(TIDY.split(",").length, row.length);
            byKey.put(row[0] + "/" + row[1] + "/" + row[2], row);
        }
        return byKey;
    }

    @Test
    void gradientsOfTheSyntheticDataAgreeWithR() throws Exception {
        Run.Result r = Run.fallline("selection", "--data", synthetic.toString(), "--fitness", "W",
                "--traits", "body_length_mm,mass_g,wing_mm", "--format", "csv", "--quiet");
        assertEquals(0, r.status(), r::toString);
        Map<String, String[]> rows = tidy(r.out());
        List<String[]> reference;
        try (InputStream in = getClass().getResourceAsStream("/reference/r_synthetic_n2000_beta_gamma.csv")) {
            reference = csv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        int compared = 0;
        for (String[] ref : reference.subList(1, reference.size())) {
            String analysis = switch (ref[2]) {
                case "beta" -> "beta";
                case "gamma" -> "gamma";
                case "S_pop" -> "S";
                case "meanW" -> "fit";
                default -> null;
            };
            String term = ref[2].equals("meanW") ? "mean_fitness" : ref[3];
            String[] row = rows.get("all/" + analysis + "/" + term);
            assertNotNull(row, analysis + " " + term);
            double expected = Double.parseDouble(ref[4]);
            assertEquals(expected, Double.parseDouble(row[3]), 1e-9 * Math.max(1, Math.abs(expected)), term);
            if (!ref[5].equals("NA")) {
                double se = Double.parseDouble(ref[5]);
                assertEquals(se, Double.parseDouble(row[4]), 1e-9 * se, term + " std.error");
            }
            compared++;
        }
        assertEquals(1 + 3 + 3 + 6, compared);
        // absent values are empty cells, never NaN
        assertFalse(r.out().contains("NaN"));
    }

    @Test
    void bundledSparrowsByDefault() throws Exception {
        Run.Result r = Run.fallline("selection", "--format", "json", "--quiet");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("W", root.get("fitness").textValue());
        assertEquals(SelectionCommand.BUNDLED_TRAITS.size(), root.get("traits").size());
        JsonNode group = root.get("groups").get(0);
        assertEquals(136, group.get("n").intValue());
        // 72 of 136 sparrows survived
        assertEquals(72.0 / 136, group.get("meanFitness").doubleValue(), 1e-15);
        assertTrue(root.get("estimates").size() > 100);
        for (JsonNode e : root.get("estimates")) {
            assertTrue(e.get("estimate").isNumber(), e::toString);
        }

        Run.Result table = Run.fallline("selection", "--traits", "TotalLength_mm,Weight_g", "--where", "Sex=1");
        assertEquals(0, table.status(), table::toString);
        assertTrue(table.out().contains("== group all: n = 87"), table::toString);
        assertTrue(table.out().contains("Directional selection gradients beta"), table::toString);
        assertTrue(table.out().contains("Stationary point of the fitted surface"), table::toString);
    }

    @Test
    void comparesTheSexes() throws Exception {
        Run.Result r = Run.fallline("selection", "--by", "Sex", "--traits", "TotalLength_mm,Weight_g,HumerusL_in",
                "--compare-groups", "--format", "csv", "--quiet");
        assertEquals(0, r.status(), r::toString);
        Map<String, String[]> rows = tidy(r.out());
        // R: anova(glm0, glm1, test = "Chisq"), evolution's reference_compare_groups.csv
        assertEquals(4.31812539416254, Double.parseDouble(rows.get("all/compare/beta")[3]), 1e-6);
        assertEquals(0.093926913455108, Double.parseDouble(rows.get("all/compare/gamma")[6]), 1e-6);
        Run.Result table = Run.fallline("selection", "--by", "Sex", "--traits", "TotalLength_mm,Weight_g",
                "--compare-groups");
        assertTrue(table.out().contains("Does selection differ between the groups?"), table::toString);
        Run.Result bad = Run.fallline("selection", "--compare-groups");
        assertEquals(2, bad.status(), bad::toString);
        assertTrue(bad.err().startsWith("error: --compare-groups needs --by COL"), bad::toString);
    }

    @Test
    void groupsByColumn() throws Exception {
        Run.Result r = Run.fallline("selection", "--by", "Sex", "--traits", "TotalLength_mm,Weight_g",
                "--first-order-only", "--format", "csv", "--quiet");
        assertEquals(0, r.status(), r::toString);
        Map<String, String[]> rows = tidy(r.out());
        // 49 females, 87 males
        assertEquals(49.0, Double.parseDouble(rows.get("0/fit/n")[3]));
        assertEquals(87.0, Double.parseDouble(rows.get("1/fit/n")[3]));
        assertFalse(rows.keySet().stream().anyMatch(k -> k.contains("/gamma/")));
    }

    @Test
    void outDirectoryHoldsTablesAndFigures() throws Exception {
        Path out = dir.resolve("sparrows");
        Run.Result r = Run.fallline("selection", "--traits", "TotalLength_mm,Weight_g,HumerusL_in",
                "--out", out.toString(), "--svg", "--quiet");
        assertEquals(0, r.status(), r::toString);
        tidy(Files.readString(out.resolve("selection.csv")));
        assertTrue(new ObjectMapper().readTree(out.resolve("selection.json").toFile()).has("estimates"));
        assertTrue(Files.readString(out.resolve("selection.txt")).startsWith("Selection analysis of bumpus.csv"));
        for (String figure : List.of("surface", "fitness-TotalLength_mm", "fitness-Weight_g", "fitness-HumerusL_in")) {
            assertNotNull(ImageIO.read(out.resolve(figure + ".png").toFile()), figure);
            assertTrue(Files.readString(out.resolve(figure + ".svg")).contains("<svg"), figure);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no staging directory is left beside the output");
        }
        Path pngOnly = dir.resolve("png-only");
        Run.Result p = Run.fallline("selection", "--traits", "TotalLength_mm,Weight_g", "--out", pngOnly.toString(),
                "--quiet");
        assertEquals(0, p.status(), p::toString);
        try (Stream<Path> s = Files.list(pngOnly)) {
            assertTrue(s.noneMatch(f -> f.toString().endsWith(".svg")), "SVG only when asked for");
        }
    }

    @Test
    void orderFiltersWorkFromTheCommandLine() throws Exception {
        Run.Result heavy = Run.fallline("selection", "--where", "Weight_g>=25.5", "--traits", "TotalLength_mm,Weight_g",
                "--first-order-only", "--format", "csv", "--quiet");
        assertEquals(0, heavy.status(), heavy::toString);
        assertTrue(Double.parseDouble(tidy(heavy.out()).get("all/fit/n")[3]) < 136, heavy::toString);
    }

    @Test
    void provenanceSaysWhatProducedTheResult() throws Exception {
        Path data = dir.resolve("birds.csv");
        Files.writeString(data, SelectionCommand.bundled(SelectionCommand.BUNDLED));
        Run.Result r = Run.fallline("selection", "--data", data.toString(), "--fitness", "W", "--traits",
                "TotalLength_mm,Weight_g", "--where", "Sex=1", "--seed", "7", "--format", "json", "--quiet");
        assertEquals(0, r.status(), r::toString);
        com.fasterxml.jackson.databind.JsonNode p = new ObjectMapper().readTree(r.out()).get("provenance");
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        String expected = java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(data)));
        assertEquals(expected, p.get("input").get("sha256").asText());
        assertEquals(data.toString(), p.get("input").get("path").asText());
        assertEquals(7, p.get("seed").asLong());
        assertEquals("Sex=1", p.get("filters").get(0).asText());
        assertTrue(p.get("command").asText().startsWith("fallline selection --data "), p.toString());
        assertFalse(p.get("version").asText().isBlank());
        Run.Result t = Run.fallline("selection", "--traits", "TotalLength_mm,Weight_g", "--quiet");
        assertTrue(t.out().contains("provenance: fallline "), t::toString);
    }

    @Test
    void failedAnalysisWritesNothing() throws IOException {
        Path out = dir.resolve("results");
        // nine traits need 56 individuals for the second-order model; the 49 females are too few
        Run.Result r = Run.fallline("selection", "--where", "Sex=0", "--out", out.toString());
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: "), r::toString);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing may be written when the analysis fails");
        }
    }

    @Test
    void separatedLogisticFitIsExitThreeWithOutput() throws IOException {
        // survival decided exactly by x > 0: logistic regression has no finite estimate
        StringBuilder b = new StringBuilder("W,x,y\n");
        for (int i = 0; i < 40; i++) {
            double x = -2 + 4.0 * i / 39;
            b.append(x > 0 ? 1 : 0).append(',').append(x).append(',').append(Math.sin(3 * i)).append('\n');
        }
        Path data = dir.resolve("separated.csv");
        Files.writeString(data, b);
        Run.Result r = Run.fallline("selection", "--data", data.toString(), "--fitness", "W", "--traits", "x,y",
                "--model", "logistic", "--format", "csv", "--quiet");
        assertEquals(3, r.status(), r::toString);
        assertTrue(r.errLines().get(r.errLines().size() - 1).startsWith("error: "), r::toString);
        assertEquals(1, r.errLines().stream().filter(l -> l.startsWith("error:")).count(), r::toString);
        if (!r.out().isEmpty()) {
            // the least-squares results are still there
            assertTrue(r.out().startsWith(TIDY), r::toString);
        }
    }

    @Test
    void badSelectionInput() {
        record Case(List<String> args, String start) { }
        List<Case> cases = List.of(
                new Case(List.of("--data", dir.resolve("missing.csv").toString(), "--fitness", "W", "--traits", "a"),
                        "error: --data: file not found: "),
                new Case(List.of("--data", synthetic.toString(), "--traits", "mass_g"),
                        "error: --fitness is required with --data"),
                new Case(List.of("--traits", "TotalLength_mm,Wieght_g"),
                        "error: unknown trait column 'Wieght_g' in bumpus.csv (bundled) (did you mean 'Weight_g'?)"),
                new Case(List.of("--where", "Sex"), "error: --where: 'Sex' must read COLUMN=VALUE"),
                new Case(List.of("--where", "Sex>abc"), "error: --where: the filter 'Sex>abc' compares with '>', which needs a number"),
                new Case(List.of("--standardize", "range"),
                        "error: Invalid value for option '--standardize': expected sd, mean or none, got 'range'"),
                new Case(List.of("--bootstrap", "-5"),
                        "error: Invalid value for option '--bootstrap': expected a whole number >= 0, got '-5'"),
                new Case(List.of("--G", dir.resolve("G.csv").toString()), "error: --G: file not found: "),
                new Case(List.of("--surface", "Weight_g", "--out", dir.resolve("o").toString()),
                        "error: --surface: 1 trait given; expected exactly two"),
                new Case(List.of("--surface", "Weight_g,TotalLength_mm"), "error: --surface chooses what --out draws"),
                new Case(List.of("--log", "--standardize", "mean"), "error: log-transformed traits cannot be mean-standardised"));
        for (Case c : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("selection"));
            args.addAll(c.args());
            Run.Result r = Run.fallline(args.toArray(String[]::new));
            assertEquals(2, r.status(), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertTrue(r.err().startsWith(c.start()), () -> "expected " + c.start() + "\n" + r);
        }
    }
}
