package org.fallline.geometry.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fallline.geometry.Domain;
import org.fallline.geometry.ExactSurface;
import org.fallline.geometry.GeometryException;
import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.TriangleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format read back: counts, layout, sizes; unknown extensions refused; nothing left behind on failure. */
class MeshWriterTest {

    @TempDir
    Path dir;

    private static GraphSurface plane() {
        TriangleMesh m = Domain.Rectangle.square(-1, 1).mesh(5);
        double[] u = new double[m.vertices()];
        for (int v = 0; v < u.length; v++) {
            u[v] = ExactSurface.PLANE.height(m.x(v), m.y(v));
        }
        return new GraphSurface(m, u);
    }

    @Test
    void textFormatsHoldEveryVertexAndTriangle() throws IOException {
        GraphSurface s = plane();
        Path obj = dir.resolve("s.obj");
        MeshWriter.forPath(obj).write(s, obj);
        List<String> lines = Files.readAllLines(obj);
        assertEquals(25, lines.stream().filter(l -> l.startsWith("v ")).count());
        assertEquals(32, lines.stream().filter(l -> l.startsWith("f ")).count());
        assertEquals("v -1.0 -1.0 " + ExactSurface.PLANE.height(-1, -1), lines.get(1));
        Path vtk = dir.resolve("s.vtk");
        MeshWriter.forPath(vtk).write(s, vtk);
        String text = Files.readString(vtk);
        assertTrue(text.contains("POINTS 25 double") && text.contains("POLYGONS 32 128") && text.contains("POINT_DATA 25")
                && text.contains("SCALARS mean_curvature double 1"));
        Path csv = dir.resolve("s.csv");
        MeshWriter.forPath(csv).write(s, csv);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("x,y,z", rows.get(0));
        assertEquals(26, rows.size());
    }

    @Test
    void binaryFormatsHaveTheirExactSizes() throws IOException {
        GraphSurface s = plane();
        Path stl = dir.resolve("s.stl");
        MeshWriter.forPath(stl).write(s, stl);
        byte[] b = Files.readAllBytes(stl);
        assertEquals(84 + 50 * 32, b.length);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(32, buf.getInt(80));
        // the plane's unit normal (−0.3, 0.4, 1)/√1.25
        assertEquals(-0.3 / Math.sqrt(1.25), buf.getFloat(84), 1e-6);
        assertEquals(1 / Math.sqrt(1.25), buf.getFloat(92), 1e-6);
        Path ply = dir.resolve("s.ply");
        MeshWriter.forPath(ply).write(s, ply);
        byte[] p = Files.readAllBytes(ply);
        String all = new String(p, StandardCharsets.ISO_8859_1);
        int header = all.indexOf("end_header\n") + "end_header\n".length();
        assertTrue(all.contains("element vertex 25") && all.contains("property double mean_curvature"));
        assertEquals(header + 25 * 40 + 32 * 13, p.length);
    }

    @Test
    void unknownExtensionAndMissingFolderAreRefusedWithoutLeftovers() {
        GeometryException e = assertThrows(GeometryException.class, () -> MeshWriter.forPath(dir.resolve("s.xyz")));
        assertTrue(e.getMessage().contains("expected one of obj, ply, stl, vtk, csv"), e.getMessage());
        Path missing = dir.resolve("no").resolve("s.obj");
        assertThrows(IOException.class, () -> new ObjWriter().write(plane(), missing));
        assertEquals(0, dir.toFile().list().length);
    }
}
