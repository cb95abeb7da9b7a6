package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeatCommandTest {

    static final String U0 = "sin(pi*x) + 0.5*sin(3*pi*x)";
    static final String EXACT = "exp(-pi^2*t)*sin(pi*x) + 0.5*exp(-9*pi^2*t)*sin(3*pi*x)";

    @TempDir
    Path dir;

    @Test
    void jsonHasTheDocumentedKeysAndTheReferenceFigures() throws IOException {
        Run.Result r = Run.fallline("heat", "--initial", U0, "--exact", EXACT, "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        for (String key : List.of("method", "steps", "energy", "totalHeat", "stiffness", "wallSeconds", "maxError")) {
            assertTrue(root.has(key), key + " missing: " + r.out());
        }
        assertEquals("spectral", root.get("method").textValue());
        // reference heat_anchors.txt: λmax (N = 100) 40794.1311913212, Euler limit 4.90266600021499e-05,
        // discrete energy 8.01482734072006 → 0.342776503934016, spatial error 2.92067119317951e-05
        JsonNode st = root.get("stiffness");
        assertEquals(40794.1311913212, st.get("lambdaMax").doubleValue(), 1e-8);
        assertEquals(4.90266600021499e-05, st.get("explicitStepLimit").doubleValue(), 1e-16);
        assertTrue(st.has("lambdaMin") && st.has("ratio"));
        assertEquals(8.01482734072006, root.get("energy").get("initial").doubleValue(), 1e-11);
        assertEquals(0.342776503934016, root.get("energy").get("final").doubleValue(), 1e-12);
        assertEquals(2.92067119317951e-05, root.get("maxError").doubleValue(), 1e-12);
    }

    @Test
    void implicitRunWithTimeDependentDataMeetsItsExactSolution() throws IOException {
        // u = e^{-t} cos(x) ... with D = 1: u_t = u_xx for u = e^{-t} cos x; Dirichlet data in t on both sides
        Run.Result r = Run.fallline("heat", "--n", "60", "--initial", "cos(x)", "--bc", "dirichlet:exp(-t)*cos(x)",
                "--exact", "exp(-t)*cos(x)", "--t-end", "0.5", "--method", "bdf2", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("bdf2", root.get("method").textValue());
        // spatial error of the 3-point stencil: about T h²/12 max|u''''| = 0.5/61²/12 ≈ 1.1e-5
        assertTrue(root.get("maxError").doubleValue() < 2e-5, r.out());
    }

    @Test
    void outDirectoryHoldsCsvFiguresAndVtk() throws IOException {
        Path out = dir.resolve("run");
        Run.Result r = Run.fallline("heat", "--dim", "2", "--n", "12", "--bc", "left=neumann,right=robin:1,2,bottom=dirichlet,top=dirichlet:x*t",
                "--samples", "3", "--out", out.toString());
        assertEquals(0, r.status(), r::toString);
        List<String> header = Files.readAllLines(out.resolve("solution.csv"));
        assertEquals("t,x,y,u", header.get(0));
        // 13 x 12 unknowns (left Neumann node is an unknown, right Robin too: 14 x 12), 3 times
        assertEquals(1 + 3 * 14 * 12, header.size());
        assertEquals("t,energy,total_heat,max_abs", Files.readAllLines(out.resolve("energy.csv")).get(0));
        assertEquals(4, Files.readAllLines(out.resolve("energy.csv")).size());
        for (String png : List.of("energy.png", "heatmaps.png")) {
            assertTrue(ImageIO.read(out.resolve(png).toFile()).getWidth() > 400, png);
        }
        List<String> vtk = Files.readAllLines(out.resolve("u_0002.vtk"));
        assertEquals("DATASET STRUCTURED_POINTS", vtk.get(3));
        assertEquals("DIMENSIONS 14 12 1", vtk.get(4));
        assertTrue(Files.readString(out.resolve("solution.pvd")).contains("file=\"u_0002.vtk\""));
    }

    @Test
    void csvInitialConditionRoundTrips() throws IOException {
        Path out = dir.resolve("first");
        assertEquals(0, Run.fallline("heat", "--n", "20", "--samples", "2", "--out", out.toString()).status());
        // the t = 0 rows of the tidy output are a valid initial condition for the same grid
        List<String> rows = Files.readAllLines(out.resolve("solution.csv"));
        Path init = dir.resolve("u0.csv");
        Files.write(init, rows.subList(0, 21));
        Run.Result r = Run.fallline("heat", "--n", "20", "--initial", init.toString(), "--exact",
                "exp(-pi^2*t)*sin(pi*x)", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        Run.Result wrong = Run.fallline("heat", "--n", "21", "--initial", init.toString());
        assertEquals(2, wrong.status(), wrong::toString);
        assertTrue(wrong.err().startsWith("error: ") && wrong.err().contains("u0.csv"), wrong::toString);
    }

    @Test
    void radauOfOrderFiveMeetsTheExactSolutionWithTimeDependentData() throws IOException {
        Run.Result r = Run.fallline("heat", "--n", "60", "--initial", "cos(x)", "--bc", "dirichlet:exp(-t)*cos(x)",
                "--exact", "exp(-t)*cos(x)", "--t-end", "0.5", "--method", "radau5", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("radau5", root.get("method").textValue());
        // the same spatial bound as above (1.1e-5); the time error is kept below it
        assertTrue(root.get("maxError").doubleValue() < 2e-5, r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--n|1|--n must be at least 2",
        "--diffusivity|0|--diffusivity must be",
        "--decay|-1|--decay must be",
        "--t-end|0|--t-end must be",
        "--t-end|Infinity|--t-end must be",
        "--initial|sqrt(x-2)|--initial: the initial condition is NaN",
        "--source|y*t|--source: unknown name 'y'",
        "--bc|top=neumann|side 'top' does not exist in 1-D",
        "--bc|left=periodic|periodic on 'left' needs periodic on 'right'",
        "--bc|robin:1|expected two coefficients",
        "--bc|sticky|unknown boundary condition",
        "--method|explicit:euler --dt 1e-4|stability limit",
        "--method|magic|unknown method",
        "--method|radau5 --dim 2|--method radau5 is for 1-D problems",
        "--exact|u*x|--exact: unknown name 'u'",
    })
    void badInputIsOneErrorLineAndExitTwo(String option, String value, String message) {
        String[] extra = value.split(" ");
        String[] args = new String[2 + extra.length];
        args[0] = "heat";
        args[1] = option;
        System.arraycopy(extra, 0, args, 2, extra.length);
        Run.Result r = Run.fallline(args);
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message), r::toString);
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error:")).count(), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertTrue(r.out().isEmpty(), r::toString);
    }

    @Test
    void blowUpDuringTheRunIsExitThreeAndWritesNothing() {
        Path out = dir.resolve("never");
        // a source that is NaN after t = 0.05
        Run.Result r = Run.fallline("heat", "--n", "10", "--source", "sqrt(0.05-t)", "--method", "crank-nicolson",
                "--out", out.toString());
        assertEquals(3, r.status(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains("t = "), r::toString);
        assertFalse(Files.exists(out));
    }
}
