package org.fallline.samples.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinimalSurfaceExampleTest {

    @Test
    void scherkConvergesAtOrderTwoToTheExactAreaAndExportsAnObjMesh(@TempDir Path tmp) throws IOException {
        Path obj = tmp.resolve("scherk.obj");
        List<MinimalSurfaceExample.Solve> s = MinimalSurfaceExample.run(obj);
        // exact area 5.6975122115870574 (exact.md); halving h divides the error by about 4 (P1, order 2)
        for (int i = 1; i < s.size(); i++) {
            double order = Math.log(s.get(i - 1).areaError() / s.get(i).areaError()) / Math.log(2);
            assertEquals(2, order, 0.2, "observed order between n = " + s.get(i - 1).n() + " and " + s.get(i).n());
        }
        assertTrue(s.get(2).areaError() < 1e-3, s.toString());
        // the OBJ file holds one vertex line per vertex and one face line per triangle
        List<String> lines = Files.readAllLines(obj);
        assertEquals(s.get(2).vertices(), lines.stream().filter(l -> l.startsWith("v ")).count());
        assertEquals(2L * 64 * 64, lines.stream().filter(l -> l.startsWith("f ")).count());
    }
}
