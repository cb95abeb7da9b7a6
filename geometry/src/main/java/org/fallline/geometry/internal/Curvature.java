package org.fallline.geometry.internal;

import org.fallline.geometry.TriangleMesh;

/** Triangle areas in space and the cotangent mean curvature (see GraphSurface#meanCurvature). */
public final class Curvature {

    private Curvature() {
    }

    /** The area of triangle t lifted to the heights u: |T| √(1 + |∇u_T|²) = ½ |(p₁ − p₀) × (p₂ − p₀)|. */
    public static double triangleArea(TriangleMesh mesh, double[] u, int t) {
        int a = mesh.corner(t, 0);
        int b = mesh.corner(t, 1);
        int c = mesh.corner(t, 2);
        double ex = mesh.x(b) - mesh.x(a);
        double ey = mesh.y(b) - mesh.y(a);
        double ez = u[b] - u[a];
        double fx = mesh.x(c) - mesh.x(a);
        double fy = mesh.y(c) - mesh.y(a);
        double fz = u[c] - u[a];
        double nx = ey * fz - ez * fy;
        double ny = ez * fx - ex * fz;
        double nz = ex * fy - ey * fx;
        return 0.5 * Math.sqrt(nx * nx + ny * ny + nz * nz);
    }

    /** The signed cotangent mean curvature at every vertex (0 on the boundary). */
    public static double[] mean(TriangleMesh mesh, double[] u) {
        int n = mesh.vertices();
        double[] kx = new double[n];
        double[] ky = new double[n];
        double[] kz = new double[n];
        double[] mixed = new double[n];
        double[][] p = new double[3][3];
        double[] cot = new double[3];
        for (int t = 0; t < mesh.triangles(); t++) {
            int[] v = {mesh.corner(t, 0), mesh.corner(t, 1), mesh.corner(t, 2)};
            for (int k = 0; k < 3; k++) {
                p[k][0] = mesh.x(v[k]);
                p[k][1] = mesh.y(v[k]);
                p[k][2] = u[v[k]];
            }
            double area = triangleArea(mesh, u, t);
            boolean obtuse = false;
            for (int k = 0; k < 3; k++) {
                double[] a = p[k];
                double[] b = p[(k + 1) % 3];
                double[] c = p[(k + 2) % 3];
                double dot = (b[0] - a[0]) * (c[0] - a[0]) + (b[1] - a[1]) * (c[1] - a[1]) + (b[2] - a[2]) * (c[2] - a[2]);
                cot[k] = dot / (2 * area);
                obtuse |= dot < 0;
            }
            for (int k = 0; k < 3; k++) {
                // edge (i, j) opposite corner k
                int i = (k + 1) % 3;
                int j = (k + 2) % 3;
                double w = cot[k];
                for (int d = 0; d < 3; d++) {
                    double e = p[i][d] - p[j][d];
                    add(d == 0 ? kx : d == 1 ? ky : kz, v[i], w * e);
                    add(d == 0 ? kx : d == 1 ? ky : kz, v[j], -w * e);
                }
            }
            for (int k = 0; k < 3; k++) {
                if (!obtuse) {
                    int i = (k + 1) % 3;
                    int j = (k + 2) % 3;
                    // Voronoi part: (|p_k p_i|² cot(angle at j) + |p_k p_j|² cot(angle at i)) / 8
                    mixed[v[k]] += (dist2(p[k], p[i]) * cot[j] + dist2(p[k], p[j]) * cot[i]) / 8;
                } else {
                    double dot = (p[(k + 1) % 3][0] - p[k][0]) * (p[(k + 2) % 3][0] - p[k][0])
                            + (p[(k + 1) % 3][1] - p[k][1]) * (p[(k + 2) % 3][1] - p[k][1])
                            + (p[(k + 1) % 3][2] - p[k][2]) * (p[(k + 2) % 3][2] - p[k][2]);
                    mixed[v[k]] += dot < 0 ? area / 2 : area / 4;
                }
            }
        }
        double[] h = new double[n];
        for (int v = 0; v < n; v++) {
            if (mesh.isBoundary(v)) {
                continue;
            }
            // Σ (cot α + cot β)(p_i − p_j) = 4 A H n
            double norm = Math.sqrt(kx[v] * kx[v] + ky[v] * ky[v] + kz[v] * kz[v]);
            h[v] = Math.copySign(norm / (4 * mixed[v]), -kz[v]);
        }
        return h;
    }

    private static void add(double[] a, int i, double value) {
        a[i] += value;
    }

    private static double dist2(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return dx * dx + dy * dy + dz * dz;
    }
}
