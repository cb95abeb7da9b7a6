package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortraitCommandTest {

    static final String SADDLE = "exp(x)*cos(y) - x - 1";

    @TempDir
    Path dir;

    @Test
    void jsonIsTheEquilibriaJsonWithManifoldsOfEachSaddle() throws IOException {
        Run.Result r = Run.fallline("portrait", "--potential", SADDLE, "--box", "-2:2,-1.5:1.5", "--grid", "3",
                "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode saddle = root.get("equilibria").get(0);
        assertEquals("saddle", saddle.get("type").textValue());
        JsonNode stable = saddle.get("manifolds").get("stable");
        JsonNode unstable = saddle.get("manifolds").get("unstable");
        assertEquals(2, stable.size());
        assertEquals(2, unstable.size());
        // the stable manifold is the x-axis; the unstable one x = ln(y / sin y) (reference README §4)
        for (JsonNode branch : stable) {
            for (JsonNode point : branch) {
                assertEquals(0, point.get(1).doubleValue(), 1e-9);
            }
        }
        for (JsonNode branch : unstable) {
            for (int i = 1; i < branch.size(); i++) {
                double y = branch.get(i).get(1).doubleValue();
                assertEquals(Math.log(y / Math.sin(y)), branch.get(i).get(0).doubleValue(), 1e-6);
            }
        }
        assertEquals(9 - 1, root.get("trajectories").size(), "3 x 3 starts, the centre is the saddle");
        assertEquals(1, saddle.get("manifoldDimensions").get("unstable").intValue());
    }

    @Test
    void threeVariablesReportTheDimensions() {
        Run.Result r = Run.fallline("portrait", "--potential", SADDLE + " + z^2/2", "--box", "-2:2,-1.5:1.5,-1:1");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("stable            2"), r::toString);
        assertTrue(r.out().contains("unstable          1"), r::toString);
    }

    @Test
    void plotIsWritten() throws IOException {
        Path png = dir.resolve("portrait.png");
        Run.Result r = Run.fallline("portrait", "--potential", SADDLE, "--box", "-2:2,-1.5:7.8", "--grid", "4",
                "--plot", png.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(800, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void badInputExitsTwoBeforeAnyWork() {
        Path png = dir.resolve("p.png");
        Run.Result three = Run.fallline("portrait", "--potential", "x^2 + y^2 + z^2", "--box", "-1:1,-1:1,-1:1",
                "--plot", png.toString());
        assertEquals(2, three.status(), three::toString);
        assertTrue(three.err().startsWith("error: --plot: a portrait figure needs two variables"), three::toString);
        assertTrue(Files.notExists(png));
        Run.Result box = Run.fallline("portrait", "--potential", "x^2 + y^2", "--box", "-1:1");
        assertEquals(2, box.status(), box::toString);
        assertTrue(box.err().contains("--box"), box::toString);
        Run.Result flat = Run.fallline("portrait", "--potential", "x^2 + y^2", "--box", "1:-1,0:1");
        assertEquals(2, flat.status(), flat::toString);
        assertEquals(1, flat.errLines().size(), flat::toString);
    }
}
