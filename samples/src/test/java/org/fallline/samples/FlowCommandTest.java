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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowCommandTest {

    static final String SADDLE = "exp(x)*cos(y) - x - 1";

    @TempDir
    Path dir;

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void gradientFlowJsonHasTheDocumentedKeysAndTheClosedForm() throws IOException {
        Run.Result r = Run.fallline("flow", "--potential", SADDLE, "--from", "0.5,0.5", "--t-end", "1",
                "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("variables", "stop", "t", "point", "value", "gradientNorm", "evaluations"),
                keys(root).subList(0, 7));
        assertEquals("t-end", root.get("stop").textValue());
        assertEquals(1.0, root.get("t").doubleValue(), 1e-12);
        // closed form (reference README §4): (x, y)(1) = (0.8067143179731826, 1.8581971131897816)
        assertEquals(0.8067143179731826, root.get("point").get(0).doubleValue(), 1e-8);
        assertEquals(1.8581971131897816, root.get("point").get(1).doubleValue(), 1e-8);
        assertFalse(root.has("energy"));
        assertTrue(r.err().isEmpty(), r::toString);
    }

    @Test
    void blowUpIsAnEscapeWithTheResultPrintedAndExitThree() throws IOException {
        Run.Result r = Run.fallline("flow", "--potential", SADDLE, "--from", "0.5,0.5", "--format", "json");
        assertEquals(3, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("escaped", root.get("stop").textValue());
        assertEquals(1.46831911528861, root.get("t").doubleValue(), 1e-6);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: the flow escaped"), r::toString);
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r::toString);
    }

    @Test
    void heavyBallReportsItsEnergy() throws IOException {
        Run.Result r = Run.fallline("flow", "--potential", SADDLE, "--from", "0.5,0.5", "--t-end", "1",
                "--friction", "3", "--tol", "1e-12", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode energy = new ObjectMapper().readTree(r.out()).get("energy");
        assertEquals(List.of("initial", "final"), keys(energy));
        assertEquals(-0.0531109634158307, energy.get("initial").doubleValue(), 1e-15);
        assertEquals(-0.203715340070125, energy.get("final").doubleValue(), 1e-10);
    }

    @Test
    void tableTrajectoryCsvAndPlot() throws IOException {
        Path csv = dir.resolve("flow.csv");
        Path png = dir.resolve("flow.png");
        Run.Result r = Run.fallline("flow", "--potential", SADDLE, "--from", "0.5,0.5", "--t-end", "1",
                "--friction", "1", "--samples", "11", "--trajectory", csv.toString(), "--plot", png.toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("stop            t-end at t = 1"), r::toString);
        assertTrue(r.out().contains("energy E        -0.053111 -> -0.196417"), r::toString);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t,x,y,value,gradient_norm,energy", lines.get(0));
        assertEquals(12, lines.size());
        assertTrue(lines.get(11).startsWith("1.0,"), lines.get(11));
        assertEquals(800, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void valueReachedAndConvergedStops() throws IOException {
        Run.Result v = Run.fallline("flow", "--potential", SADDLE, "--from", "0.5,0.5", "--until-value", "-1",
                "--tol", "1e-12", "--format", "json");
        assertEquals(0, v.status(), v::toString);
        JsonNode root = new ObjectMapper().readTree(v.out());
        assertEquals("value-reached", root.get("stop").textValue());
        assertEquals(0.677591951462912, root.get("t").doubleValue(), 1e-10);
        Run.Result c = Run.fallline("flow", "--potential", "x^2 + 2*y^2", "--from", "1,1", "--gtol", "1e-6",
                "--t-end", "100", "--format", "json");
        assertEquals(0, c.status(), c::toString);
        assertEquals("converged", new ObjectMapper().readTree(c.out()).get("stop").textValue());
    }

    @Test
    void lyapunovViolationExitsThreeWithTheResult() throws IOException {
        Run.Result r = Run.fallline("flow", "--potential", "x^4", "--from", "3", "--integrator", "euler",
                "--step", "0.1", "--format", "json");
        assertEquals(3, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("lyapunov-violation", root.get("stop").textValue());
        assertEquals(0.1, root.get("lyapunov").get("time").doubleValue(), 1e-15);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: Lyapunov violation: V increased"), r::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--potential|x^2+y^2|--t-end|1||||Missing required option: '--from=X0[,X1...]'",
        "--potential|x^2+y^2|--from|1,2,3||||--from: 3 coordinates for 2 variables (x, y); expected 2",
        "--potential|x^2+y^2|--from|1,2|--integrator|rk5||--integrator: unknown integrator 'rk5'",
        "--potential|x^2+y^2|--from|1,2|--t-end|0||--t-end",
        "--potential|x^2+y^2|--from|1,2|--t-end|-1||--t-end",
        "--potential|x^2+y^2|--from|1,2|--t-end|NaN||--t-end",
        "--potential|x^2+y^2|--from|1,2|--friction|-1||--friction",
        "--potential|x^2+y^2|--from|1,2|--samples|1||--samples: expected at least 2",
        "--potential|x^2+y^2|--from|1,2|--step|0.1||--step: dp853 is adaptive",
        "--potential|x^2+y^2|--from|1,2|--until-value|inf||--until-value",
        "--potential|x^2+y^2|--from|1,2|--plot|a.pdf||--plot: 'a.pdf' must end in .png or .svg",
        "--potential|x^2+y^2|--from|1,2|--integrator|euler|--step=1.5|stability limit h <= 1",
        "--potential|x^2+|--from|1||||--potential"})
    void badInputIsOneErrorLineAndExitTwo(String a, String b, String c, String d, String e, String f, String g,
                                          String expected) {
        List<String> args = new ArrayList<>(List.of("flow"));
        for (String s : new String[] {a, b, c, d, e, f, g}) {
            if (s != null && !s.isEmpty()) {
                args.add(s);
            }
        }
        Run.Result r = Run.fallline(args.toArray(String[]::new));
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("error: "), r::toString);
        assertTrue(r.err().contains(expected), r::toString);
        assertTrue(r.out().isEmpty(), r::toString);
    }
}
