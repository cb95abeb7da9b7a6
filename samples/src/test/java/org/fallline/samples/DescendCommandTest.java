package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescendCommandTest {

    /**
     * κ = 100: A = [[50.5, 49.5], [49.5, 50.5]] has eigenvalues 1 (along (1, −1)) and 100 (along (1, 1));
     * b = (1, 2), so x* = A⁻¹b = (−0.485, 0.515).
     */
    static final String KAPPA_100 = "0.5*(50.5*x^2 + 2*49.5*x*y + 50.5*y^2) - x - 2*y";

    @TempDir
    Path dir;

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(keys::add);
        return keys;
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).doubleValue();
        }
        return v;
    }

    @Test
    void gradientDescentWithTheOptimalStepConverges() throws IOException {
        Run.Result r = Run.fallline("descend", "--potential", KAPPA_100, "--from", "0,0", "--method", "gd",
                "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("variables", "method", "iterations", "point", "value", "gradientNorm", "stop"),
                keys(root).subList(0, 7));
        assertEquals("[\"x\",\"y\"]", root.get("variables").toString());
        assertEquals("gd", root.get("method").textValue());
        assertEquals("converged", root.get("stop").textValue());
        double[] x = doubles(root.get("point"));
        assertEquals(-0.485, x[0], 1e-8);
        assertEquals(0.515, x[1], 1e-8);
        // V* = −½ bᵀx* = −½(−0.485 + 2·0.515)
        assertEquals(-0.2725, root.get("value").doubleValue(), 1e-12);
        assertTrue(root.get("gradientNorm").doubleValue() <= 1e-8);

        JsonNode parameters = root.get("parameters");
        assertEquals(2.0 / (1 + 100), parameters.get("step").doubleValue(), 1e-15);
        assertEquals("[\"step\"]", parameters.get("chosenByAnalysis").toString());

        JsonNode q = root.get("quadratic");
        double[] eigen = doubles(q.get("eigenvalues"));
        assertEquals(1, eigen[0], 1e-12);
        assertEquals(100, eigen[1], 1e-12);
        assertEquals(100, q.get("conditionNumber").doubleValue(), 1e-10);
        assertEquals(0.02, q.get("maxStableStep").doubleValue(), 1e-15);
        assertEquals(2.0 / 101, q.get("optimalStep").doubleValue(), 1e-15);
        // the contraction at η* is (κ − 1)/(κ + 1), and the run shows it
        assertEquals(99.0 / 101, q.get("predictedRate").doubleValue(), 1e-12);
        assertEquals(99.0 / 101, q.get("measuredRate").doubleValue(), 1e-6);
        // the iteration count follows from the rate: |∇V_k| ≈ ρᵏ|∇V_0| reaches 1e-8 near k = ln(1e-8/√5)/ln ρ
        int expected = (int) Math.ceil(Math.log(1e-8 / Math.sqrt(5)) / Math.log(99.0 / 101));
        assertEquals(expected, root.get("iterations").intValue(), 3);

        assertTrue(r.err().startsWith("note: gd uses step 0.019802, chosen by the quadratic analysis"), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
    }

    @Test
    void tableSaysWhichParametersTheAnalysisChose() {
        Run.Result r = Run.fallline("descend", "--potential", KAPPA_100, "--from", "0,0", "--method", "gd");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("step = 0.019802   (chosen by the quadratic analysis)"), r::toString);
        assertTrue(r.out().contains("point           x = -0.485, y = 0.515"), r::toString);
        assertTrue(r.out().contains("condition number       100"), r::toString);

        Run.Result quiet = Run.fallline("descend", "--potential", KAPPA_100, "--from", "0,0", "--method", "gd",
                "--step", "0.01", "--quiet");
        assertEquals(0, quiet.status(), quiet::toString);
        assertTrue(quiet.out().contains("step = 0.01   (given)"), quiet::toString);
        assertEquals("", quiet.err());
    }

    @Test
    void heavyBallUsesPolyaksTuning() throws IOException {
        Run.Result r = Run.fallline("descend", "--potential", KAPPA_100, "--from", "0,0", "--method", "heavy-ball",
                "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode p = new ObjectMapper().readTree(r.out()).get("parameters");
        // α = 4/(√L + √μ)² = 4/121, β = ((√κ − 1)/(√κ + 1))² = (9/11)²
        assertEquals(4.0 / 121, p.get("step").doubleValue(), 1e-15);
        assertEquals(81.0 / 121, p.get("momentum").doubleValue(), 1e-15);
        assertEquals("[\"step\",\"momentum\"]", p.get("chosenByAnalysis").toString());
    }

    @Test
    void stepBeyondTheStableLimitDiverges() throws IOException {
        Run.Result r = Run.fallline("descend", "--potential", KAPPA_100, "--from", "0,0", "--method", "gd",
                "--step", "0.0201", "--format", "json");
        assertEquals(3, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("diverged", root.get("stop").textValue());
        assertEquals("[]", root.get("parameters").get("chosenByAnalysis").toString());
        // max|1 − ηλ| = |1 − 0.0201·100| = 1.01
        assertEquals(1.01, root.get("quadratic").get("predictedRate").doubleValue(), 1e-12);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: gd did not converge: diverged after"), r::toString);
        assertTrue(r.err().contains("stable limit 2/L = 0.02"), r::toString);
    }

    @Test
    void iterationBudgetExhaustedIsExitThree() {
        Run.Result r = Run.fallline("descend", "--potential", KAPPA_100, "--from", "0,0", "--method", "gd",
                "--max-iterations", "10", "--quiet");
        assertEquals(3, r.status(), r::toString);
        assertTrue(r.out().contains("stop            max-iterations after 10 iterations"), r::toString);
        assertTrue(r.err().startsWith("error: gd did not converge: max-iterations after 10 iterations"), r::toString);
    }

    @Test
    void trajectoryCsvHasOneRowPerIterate() throws IOException {
        Path csv = dir.resolve("path.csv");
        Run.Result r = Run.fallline("descend", "--potential", KAPPA_100, "--from", "0,0", "--method", "gd",
                "--max-iterations", "25", "--trajectory", csv.toString(), "--quiet");
        assertEquals(3, r.status(), r::toString);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("iteration,x,y,value,gradient_norm", lines.get(0));
        assertEquals(1 + 26, lines.size());
        assertEquals("0,0.0,0.0,0.0,2.23606797749979", lines.get(1));
        // first gd step from 0: x₁ = η·b = (2/101)(1, 2)
        String[] first = lines.get(2).split(",");
        assertEquals("1", first[0]);
        assertEquals(2.0 / 101, Double.parseDouble(first[1]), 1e-17);
        assertEquals(4.0 / 101, Double.parseDouble(first[2]), 1e-17);
        assertTrue(lines.get(26).startsWith("25,"));
    }

    @Test
    void trajectoryVariablesFollowVars() throws IOException {
        Path csv = dir.resolve("path.csv");
        Run.Result r = Run.fallline("descend", "--potential", "(a-1)^2 + 10*(b+2)^2 + c^2", "--vars", "c,b,a",
                "--from", "0,0,0", "--method", "newton", "--trajectory", csv.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("iteration,c,b,a,value,gradient_norm", Files.readAllLines(csv).get(0));
        assertTrue(r.out().contains("point           c = 0, b = -2, a = 1"), r::toString);
    }

    @Test
    void plotsAreWritten() throws IOException {
        Path png = dir.resolve("path.png");
        Run.Result r = Run.fallline("descend", "--potential", KAPPA_100, "--from", "0,0", "--method", "nesterov",
                "--plot", png.toString(), "--quiet");
        assertEquals(0, r.status(), r::toString);
        assertEquals(800, ImageIO.read(png.toFile()).getWidth());

        Path svg = dir.resolve("path3.svg");
        Run.Result r3 = Run.fallline("descend", "--potential", "x^2 + 2*y^2 + 3*z^2", "--from", "1,1,1",
                "--method", "cg", "--plot", svg.toString());
        assertEquals(0, r3.status(), r3::toString);
        assertTrue(Files.readString(svg).contains("iteration"));
    }

    @Test
    void failedRunWritesNoPartialFiles() throws IOException {
        // the expression is bad: nothing is computed and no output file appears
        Path csv = dir.resolve("t.csv");
        Path png = dir.resolve("t.png");
        Run.Result r = Run.fallline("descend", "--potential", "x^2 +", "--from", "0", "--method", "gd",
                "--trajectory", csv.toString(), "--plot", png.toString());
        assertEquals(2, r.status(), r::toString);
        assertFalse(Files.exists(csv));
        assertFalse(Files.exists(png));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
