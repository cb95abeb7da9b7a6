package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fallline selection --model gam}: gsg's GAM gradients of Karn &amp; Penrose's neonates against mgcv. */
class SelectionGamTest {

    @TempDir
    Path dir;

    private Path neonates() throws Exception {
        Path p = dir.resolve("neonates.csv");
        try (InputStream in = getClass().getResourceAsStream("/data/karn_penrose_neonatal.csv")) {
            Files.copy(in, p);
        }
        return p;
    }

    /**
     * beta_gam and gamma_gam of te(bw, gest), binomial, UBRE, against mgcv's fit with gsg's formula (finite
     * differences of predict(type = "response")). The smoothing parameters are each program's own choice: they agree
     * to the optimisers' tolerance (mgcv's Newton stops at a score change of ~1e-7, so ρ = log λ is known to ~3e-4),
     * hence 1e-3 relative.
     */
    @Test
    void neonatalGradientsAgreeWithMgcvAndGsg() throws Exception {
        Run.Result r = Run.fallline("selection", "--data", neonates().toString(), "--fitness", "nns", "--traits",
                "bw,gest", "--model", "gam", "--format", "csv", "--quiet");
        assertEquals(0, r.status(), r::toString);
        Map<String, Double> ours = new HashMap<>();
        try (CSVReader c = new CSVReader(new StringReader(r.out()))) {
            for (String[] f : c.readAll()) {
                ours.put(f[1] + "/" + f[2], f[1].equals("analysis") ? 0 : Double.parseDouble(f[3]));
            }
        }
        int compared = 0;
        try (CSVReader c = new CSVReader(new InputStreamReader(
                getClass().getResourceAsStream("/reference/mgcv_gam_reference.csv"), StandardCharsets.UTF_8))) {
            for (String[] f : c.readAll()) {
                if (f[0].equals("neonatal_te") && (f[1].equals("beta_gam") || f[1].equals("gamma_gam"))) {
                    double ref = Double.parseDouble(f[3]);
                    Double v = ours.get(f[1] + "/" + f[2]);
                    assertTrue(v != null, "no row " + f[1] + " " + f[2]);
                    assertEquals(ref, v, 1e-3 * Math.abs(ref), f[1] + " " + f[2]);
                    compared++;
                }
                if (f[0].equals("neonatal_te") && f[1].equals("edf")) {
                    assertEquals(Double.parseDouble(f[3]), ours.get("fit/gam.edf"), 1e-3 * Double.parseDouble(f[3]));
                }
            }
        }
        assertEquals(5, compared);
    }

    /**
     * A covariate enters the GAM as a parametric term (mgcv's W ~ Sex + s(Weight_g, bs = "cr")); beta_gam agrees with
     * mgcv's (1e-3, the optimisers' tolerance as above); the bootstrap refits give boot.se and the same numbers for
     * the same seed.
     */
    @Test
    void covariatesAreParametricTermsAndTheBootstrapIsReproducible() throws Exception {
        String[] args = {"selection", "--traits", "Weight_g", "--covariates", "Sex", "--model", "gam", "--bootstrap",
            "20", "--seed", "7", "--format", "csv", "--quiet"};
        Run.Result r = Run.fallline(args);
        assertEquals(0, r.status(), r::toString);
        assertEquals(r.out(), Run.fallline(args).out(), "same seed, same bootstrap");
        String[] beta = null;
        try (CSVReader c = new CSVReader(new StringReader(r.out()))) {
            for (String[] f : c.readAll()) {
                if (f[1].equals("beta_gam")) {
                    beta = f;
                }
            }
        }
        assertTrue(beta != null, r.out());
        double ref = Double.NaN;
        try (CSVReader c = new CSVReader(new InputStreamReader(
                getClass().getResourceAsStream("/reference/mgcv_gam_reference.csv"), StandardCharsets.UTF_8))) {
            for (String[] f : c.readAll()) {
                if (f[0].equals("bumpus_sex_weight_s") && f[1].equals("beta_gam")) {
                    ref = Double.parseDouble(f[3]);
                }
            }
        }
        assertEquals(ref, Double.parseDouble(beta[3]), 1e-3 * Math.abs(ref));
        assertTrue(Double.parseDouble(beta[9]) > 0, "boot.se " + beta[9]);
    }

    @Test
    void jsonSaysTheFamilyFormulaAndCriterion() throws Exception {
        Run.Result r = Run.fallline("selection", "--data", neonates().toString(), "--fitness", "nns", "--traits",
                "bw,gest", "--model", "gam", "--format", "json", "--quiet");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode gam = root.get("groups").get(0).get("gam");
        assertEquals("binomial", gam.get("family").asText());
        assertEquals("UBRE", gam.get("criterion").asText());
        assertEquals("te(bw, gest, bs = \"cr\", k = 5)", gam.get("formula").asText());
        assertEquals(2, gam.get("smoothingParameters").size());
        boolean found = false;
        for (JsonNode e : root.get("estimates")) {
            found |= e.get("analysis").asText().equals("gamma_gam") && e.get("term").asText().equals("bw:gest");
        }
        assertTrue(found, "no gamma_gam bw:gest estimate");
    }

    /** Survival the traits separate completely has no finite GAM: exit 3, one error line, no output. */
    @Test
    void separatedSurvivalIsExitThree() throws Exception {
        StringBuilder b = new StringBuilder("w,a,b\n");
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 80; i++) {
            double a = r.nextGaussian();
            b.append(a > 0 ? 1 : 0).append(',').append(a).append(',').append(r.nextGaussian()).append('\n');
        }
        Path p = dir.resolve("separated.csv");
        Files.writeString(p, b.toString());
        Run.Result res = Run.fallline("selection", "--data", p.toString(), "--fitness", "w", "--traits", "a,b",
                "--model", "gam", "--quiet");
        assertEquals(3, res.status(), res::toString);
        List<String> lines = res.err().lines().toList();
        assertEquals(1, lines.size(), res.err());
        assertTrue(lines.get(0).startsWith("error: the binomial GAM separates the data"), res.err());
        assertEquals("", res.out());
    }

    @Test
    void tooFewDistinctValuesForTheSplineIsExitTwoNamingTheTrait() throws Exception {
        StringBuilder b = new StringBuilder("w,a,b\n");
        for (int i = 0; i < 60; i++) {
            b.append(i % 2).append(',').append(i).append(',').append(i % 3).append('\n');
        }
        Path p = dir.resolve("few.csv");
        Files.writeString(p, b.toString());
        Run.Result r = Run.fallline("selection", "--data", p.toString(), "--fitness", "w", "--traits", "a,b", "--model",
                "gam", "--quiet");
        assertEquals(2, r.status(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("trait 'b' has 3 distinct values"),
                r.err());
    }
}
