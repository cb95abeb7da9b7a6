package org.fallline.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Meshes: counts on the grid, positive orientation everywhere, the Euler characteristic V − E + F of the
 * domain's topology (1 for a disk-like domain, 0 for the annulus), and the triangles tiling the domain's area.
 */
class MeshTest {

    private static void checkTiling(TriangleMesh m, int euler, double area, double areaTol) {
        double sum = 0;
        Set<Long> edges = new HashSet<>();
        for (int t = 0; t < m.triangles(); t++) {
            double a2 = m.doubleArea(t);
            assertTrue(a2 > 0, "triangle " + t + " is not counter-clockwise");
            sum += a2 / 2;
            for (int k = 0; k < 3; k++) {
                int a = m.corner(t, k);
                int b = m.corner(t, (k + 1) % 3);
                edges.add((long) Math.min(a, b) * m.vertices() + Math.max(a, b));
            }
        }
        assertEquals(euler, m.vertices() - edges.size() + m.triangles());
        assertEquals(area, sum, areaTol);
        int onLoops = 0;
        for (int[] loop : m.boundaryLoops()) {
            onLoops += loop.length;
        }
        int boundary = 0;
        for (int v = 0; v < m.vertices(); v++) {
            boundary += m.isBoundary(v) ? 1 : 0;
        }
        assertEquals(boundary, onLoops);
    }

    @Test
    void gridHasNSquaredVerticesAndTwiceNMinusOneSquaredTriangles() {
        TriangleMesh m = Domain.Rectangle.square(-1, 1).mesh(9);
        assertEquals(81, m.vertices());
        assertEquals(128, m.triangles());
        assertEquals(49, m.unknowns());
        assertEquals(9, m.gridSize().getAsInt());
        checkTiling(m, 1, 4, 1e-13);
    }

    @Test
    void ringMeshesTileDisksAnnuliAndSectors() {
        double h = 0.05;
        // inscribed polygons lose O(h²) of the area
        checkTiling(new Domain.Disk(1).mesh(37), 1, Math.PI, 0.01);
        checkTiling(new Domain.Annulus(1, 2).mesh(61), 0, 3 * Math.PI, 0.01);
        checkTiling(new Domain.Sector(0.5, 1.5, 0, Math.PI / 2).mesh(41), 1, Math.PI / 2, 0.01);
        checkTiling(new Domain.Sector(0, 1, 0, 1).mesh(21), 1, 0.5, 0.01);
        assertTrue(new Domain.Disk(1).mesh(41).maxEdge() < 2.5 * h * Math.sqrt(Math.PI));
    }

    @Test
    void polygonIsTriangulatedByJts() {
        // an L-shaped (non-convex) hexagon of area 3
        Domain.Polygon l = new Domain.Polygon(List.of(new double[] {0, 0}, new double[] {2, 0}, new double[] {2, 1},
                new double[] {1, 1}, new double[] {1, 2}, new double[] {0, 2}));
        assertEquals(3, l.area(), 1e-14);
        TriangleMesh m = l.mesh(21);
        checkTiling(m, 1, 3, 1e-12);
        assertTrue(m.maxEdge() < 0.25, "mesh size " + m.maxEdge());
    }

    @Test
    void degenerateDomainsAreBadInput() {
        assertThrows(GeometryException.class, () -> Domain.Rectangle.square(1, 1));
        assertThrows(GeometryException.class, () -> new Domain.Annulus(2, 1));
        assertThrows(GeometryException.class, () -> new Domain.Disk(0));
        assertThrows(GeometryException.class, () -> new Domain.Sector(0, 1, 1, 1));
        GeometryException open = assertThrows(GeometryException.class,
                () -> new Domain.Polygon(List.of(new double[] {0, 0}, new double[] {1, 0})));
        assertEquals(GeometryException.Kind.BAD_INPUT, open.kind());
        GeometryException bowtie = assertThrows(GeometryException.class, () -> new Domain.Polygon(List.of(
                new double[] {0, 0}, new double[] {1, 1}, new double[] {1, 0}, new double[] {0, 1})));
        assertTrue(bowtie.getMessage().contains("(0.5, 0.5)"), bowtie.getMessage());
        assertThrows(GeometryException.class, () -> Domain.Rectangle.square(0, 1).mesh(2));
    }
}
