package org.fallline.geometry;

import org.fallline.geometry.internal.Curvature;

/**
 * A piecewise-linear graph surface: a triangle mesh of the domain and a height at every vertex, so that
 * vertex v sits at (x_v, y_v, u_v). Immutable (the heights are copied in and out).
 */
public final class GraphSurface {

    private final TriangleMesh mesh;
    private final double[] heights;

    /** The surface with the given heights (copied), one per vertex of {@code mesh}. */
    public GraphSurface(TriangleMesh mesh, double[] heights) {
        if (heights.length != mesh.vertices()) {
            throw new IllegalArgumentException("expected " + mesh.vertices() + " heights, got " + heights.length);
        }
        this.mesh = mesh;
        this.heights = heights.clone();
    }

    /** The mesh of the domain. */
    public TriangleMesh mesh() {
        return mesh;
    }

    /** The height at vertex v. */
    public double height(int v) {
        return heights[v];
    }

    /** All heights (a copy). */
    public double[] heights() {
        return heights.clone();
    }

    /** The area Σ_T |T| √(1 + |∇u_T|²) of the triangulated surface. */
    public double area() {
        double sum = 0;
        for (int t = 0; t < mesh.triangles(); t++) {
            sum += Curvature.triangleArea(mesh, heights, t);
        }
        return sum;
    }

    /**
     * The mean curvature H = (κ₁ + κ₂)/2 at every vertex by the cotangent formula
     * |H| = |Σ_j (cot α_ij + cot β_ij)(p_i − p_j)| / (4 A_i) with the mixed Voronoi area A_i
     * (M. Meyer, M. Desbrun, P. Schröder and A. H. Barr, "Discrete differential-geometry operators for
     * triangulated 2-manifolds", <i>Visualization and Mathematics III</i>, Springer 2003, §3–4);
     * signed by the vertical component of the mean curvature vector (positive where the surface curves
     * upward). Boundary vertices get 0: the formula needs the full one-ring.
     */
    public double[] meanCurvature() {
        return Curvature.mean(mesh, heights);
    }

    /** The largest |H| over interior vertices (see {@link #meanCurvature()}). */
    public double maxMeanCurvature() {
        double[] h = meanCurvature();
        double max = 0;
        for (int v = 0; v < h.length; v++) {
            if (!mesh.isBoundary(v)) {
                max = Math.max(max, Math.abs(h[v]));
            }
        }
        return max;
    }
}
