package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fallline surface}: the JSON keys of the issue's §5, exports and pictures, exit statuses. */
class SurfaceCommandTest {

    @TempDir
    Path dir;

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void scherkJsonHasTheDocumentedKeysAndTheReferenceError() throws Exception {
        Path ply = dir.resolve("s.ply");
        Path png = dir.resolve("s.png");
        Run.Result r = Run.fallline("surface", "--domain", "square:-1,1", "--boundary", "scherk", "--n", "33",
                "--format", "json", "--export", ply.toString(), "--png", png.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("area", "exactArea", "areaError", "maxError", "maxMeanCurvature", "vertices", "triangles",
                "iterations", "converged", "wallSeconds"), keys(root));
        // exact.md §6: the P1 reference solver's area error at N = 33
        assertEquals(-1.5507e-3, root.get("areaError").doubleValue(), 1e-7);
        assertEquals(33 * 33, root.get("vertices").intValue());
        assertEquals(2 * 32 * 32, root.get("triangles").intValue());
        assertTrue(root.get("converged").booleanValue());
        assertTrue(Files.readString(ply, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("ply\n"));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    @Test
    void flowReportsStepsAndWritesASeries() throws Exception {
        Path vtk = dir.resolve("flow.vtk");
        Path gif = dir.resolve("flow.gif");
        Run.Result r = Run.fallline("surface", "--domain", "square:-1,1", "--boundary", "x^2 - y^2", "--n", "17",
                "--method", "mcf", "--t-end", "0.5", "--snapshots", "4", "--export", vtk.toString(),
                "--gif", gif.toString(), "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("area", "maxMeanCurvature", "vertices", "triangles", "steps", "converged", "wallSeconds"),
                keys(root));
        assertTrue(Files.exists(dir.resolve("flow.pvd")));
        assertTrue(Files.exists(dir.resolve("flow-0004.vtp")));
        assertTrue(Files.exists(dir.resolve("flow-0004.csv")));
        assertTrue(new String(Files.readAllBytes(gif), 0, 6, java.nio.charset.StandardCharsets.US_ASCII).startsWith("GIF8"));
    }

    @Test
    void badInputIsOneErrorLineAndExitTwo() {
        String[][] calls = {
            {"--domain", "square:1,1", "--boundary", "scherk"},
            {"--domain", "annulus:2,1", "--boundary", "0"},
            {"--domain", "disk:-1", "--boundary", "0"},
            {"--domain", "square:-1,1", "--boundary", "scherk", "--n", "2"},
            {"--domain", "square:-1,1", "--boundary", "scherk", "--n", "2000000"},
            {"--domain", "square:-1,1", "--boundary", "1/x"},
            {"--domain", "square:-2,2", "--boundary", "scherk"},
            {"--domain", "square:-1,1", "--boundary", "x+", "--n", "9"},
            {"--domain", "square:-1,1", "--boundary", "x", "--export", dir.resolve("no/such/dir/s.obj").toString()},
            {"--domain", "square:-1,1", "--boundary", "x", "--export", dir.resolve("s.xyz").toString()},
            {"--domain", "square:-1,1", "--boundary", "x", "--n", "9", "--method", "mcf-explicit", "--dt", "1"},
            {"--domain", "polygon:" + dir.resolve("missing.csv"), "--boundary", "x"},
        };
        for (String[] call : calls) {
            String[] args = new String[call.length + 1];
            args[0] = "surface";
            System.arraycopy(call, 0, args, 1, call.length);
            Run.Result r = Run.fallline(args);
            assertEquals(2, r.status(), () -> String.join(" ", call) + "\n" + r);
            assertTrue(r.errLines().get(0).startsWith("error: "), r::toString);
            assertEquals("", r.out(), r::toString);
        }
    }

    @Test
    void flowOnDataWithNoMinimalGraphIsOneErrorLineAndExitThree() {
        // exact.md §5: annulus 1 <= r <= 2, H = 1.5 inside, above the catenoid's limit arccosh 2
        Run.Result r = Run.fallline("surface", "--domain", "annulus:1,2", "--boundary", "1.5*(2-sqrt(x^2+y^2))",
                "--n", "33", "--method", "area-flow", "--format", "json");
        assertEquals(3, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: no minimal graph with these boundary data exists"), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void selfIntersectingPolygonIsRefusedWithItsLocation() throws Exception {
        Path bowtie = dir.resolve("bowtie.csv");
        Files.writeString(bowtie, "x,y\n0,0\n1,1\n1,0\n0,1\n");
        Run.Result r = Run.fallline("surface", "--domain", "polygon:" + bowtie, "--boundary", "x");
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("self-intersection"), r::toString);
    }
}
