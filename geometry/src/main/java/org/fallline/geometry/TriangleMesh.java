package org.fallline.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A conforming triangulation of a plane domain: vertices (x, y), counter-clockwise triangles, which
 * vertices lie on the boundary (the Dirichlet nodes), and the boundary as closed loops of vertices in
 * order (the wire). Interior vertices are the unknowns of a graph problem, numbered in vertex order; on
 * a structured N × N grid (vertex i + N j at (x0 + i hx, y0 + j hy)) that numbering is lexicographic on
 * the (N − 2) × (N − 2) interior grid, which a geometric multigrid can use.
 *
 * <p>Immutable; memory is linear in the number of vertices (two doubles, one int and a flag per vertex,
 * three ints per triangle).
 */
public final class TriangleMesh {

    private final double[] x;
    private final double[] y;
    private final int[] triangles;
    private final boolean[] boundary;
    private final List<int[]> loops;
    private final int gridPoints;
    private final int gridPointsY;
    private final int[] unknown;
    private final int unknowns;

    /**
     * A mesh from its arrays (taken over, not copied: callers hand over fresh arrays).
     *
     * @param triangles three vertex indices per triangle, counter-clockwise
     * @param loops the boundary loops, each a cycle of vertex indices in order
     * @param gridX points per row of a structured grid, or 0 for an unstructured mesh
     * @param gridY rows of a structured grid, or 0
     */
    public TriangleMesh(double[] x, double[] y, int[] triangles, boolean[] boundary, List<int[]> loops,
                        int gridX, int gridY) {
        if (x.length != y.length || boundary.length != x.length || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("inconsistent mesh arrays");
        }
        this.x = x;
        this.y = y;
        this.triangles = triangles;
        this.boundary = boundary;
        this.loops = List.copyOf(loops);
        this.gridPoints = gridX;
        this.gridPointsY = gridY;
        this.unknown = new int[x.length];
        int k = 0;
        for (int v = 0; v < x.length; v++) {
            unknown[v] = boundary[v] ? -1 : k++;
        }
        this.unknowns = k;
    }

    /** Number of vertices. */
    public int vertices() {
        return x.length;
    }

    /** Number of triangles. */
    public int triangles() {
        return triangles.length / 3;
    }

    /** The x coordinate of vertex v. */
    public double x(int v) {
        return x[v];
    }

    /** The y coordinate of vertex v. */
    public double y(int v) {
        return y[v];
    }

    /** Vertex k (0, 1, 2, counter-clockwise) of triangle t. */
    public int corner(int t, int k) {
        return triangles[3 * t + k];
    }

    /** Whether vertex v lies on the boundary (a Dirichlet node). */
    public boolean isBoundary(int v) {
        return boundary[v];
    }

    /** The number of interior vertices, the unknowns of a Dirichlet problem. */
    public int unknowns() {
        return unknowns;
    }

    /** The unknown number of vertex v (interior vertices in vertex order), or −1 on the boundary. */
    public int unknown(int v) {
        return unknown[v];
    }

    /** The boundary loops, each a cycle of vertex indices in order (copies). */
    public List<int[]> boundaryLoops() {
        List<int[]> copy = new ArrayList<>(loops.size());
        for (int[] l : loops) {
            copy.add(l.clone());
        }
        return copy;
    }

    /** Points per row of the structured grid, when this mesh is one. */
    public OptionalInt gridSize() {
        return gridPoints > 0 && gridPoints == gridPointsY ? OptionalInt.of(gridPoints) : OptionalInt.empty();
    }

    /** Points per row and number of rows of the structured grid, or {0, 0} for an unstructured mesh. */
    public int[] gridShape() {
        return new int[] {gridPoints, gridPointsY};
    }

    /** Whether this is a structured grid (see the type's description). */
    public boolean structured() {
        return gridPoints > 0;
    }

    /** Twice the signed area of triangle t (positive for counter-clockwise). */
    public double doubleArea(int t) {
        int a = triangles[3 * t];
        int b = triangles[3 * t + 1];
        int c = triangles[3 * t + 2];
        return (x[b] - x[a]) * (y[c] - y[a]) - (x[c] - x[a]) * (y[b] - y[a]);
    }

    /** The largest edge length, the mesh size h. */
    public double maxEdge() {
        double h = 0;
        for (int t = 0; t < triangles(); t++) {
            for (int k = 0; k < 3; k++) {
                int a = triangles[3 * t + k];
                int b = triangles[3 * t + (k + 1) % 3];
                h = Math.max(h, Math.hypot(x[b] - x[a], y[b] - y[a]));
            }
        }
        return h;
    }
}
