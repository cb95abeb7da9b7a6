package org.fallline.geometry.internal;

import java.util.List;

import org.fallline.geometry.Domain;
import org.fallline.geometry.GeometryException;
import org.fallline.geometry.TriangleMesh;

/**
 * The structured N × N grid on a rectangle: vertex i + N j at (x0 + i hx, y0 + j hy), every cell cut
 * by its diagonal from lower left to upper right, giving 2(N − 1)² counter-clockwise triangles.
 */
public final class GridMesher {

    private GridMesher() {
    }

    /** The grid with {@code n} points per side. */
    public static TriangleMesh mesh(Domain.Rectangle r, int n) {
        if (n < Domain.MIN_N) {
            throw GeometryException.badInput("n = " + n + " is too small: expected at least " + Domain.MIN_N);
        }
        int nv = n * n;
        double[] x = new double[nv];
        double[] y = new double[nv];
        boolean[] boundary = new boolean[nv];
        double hx = (r.x1() - r.x0()) / (n - 1);
        double hy = (r.y1() - r.y0()) / (n - 1);
        for (int j = 0; j < n; j++) {
            // the last line is placed exactly on the far side, not at x0 + (n-1) hx with its rounding
            double yj = j == n - 1 ? r.y1() : r.y0() + j * hy;
            for (int i = 0; i < n; i++) {
                int v = i + n * j;
                x[v] = i == n - 1 ? r.x1() : r.x0() + i * hx;
                y[v] = yj;
                boundary[v] = i == 0 || j == 0 || i == n - 1 || j == n - 1;
            }
        }
        int[] tri = new int[6 * (n - 1) * (n - 1)];
        int k = 0;
        for (int j = 0; j < n - 1; j++) {
            for (int i = 0; i < n - 1; i++) {
                int a = i + n * j;
                int b = a + 1;
                int c = a + n + 1;
                int d = a + n;
                tri[k++] = a;
                tri[k++] = b;
                tri[k++] = c;
                tri[k++] = a;
                tri[k++] = c;
                tri[k++] = d;
            }
        }
        int[] loop = new int[4 * (n - 1)];
        int m = 0;
        for (int i = 0; i < n - 1; i++) {
            loop[m++] = i;
        }
        for (int j = 0; j < n - 1; j++) {
            loop[m++] = n - 1 + n * j;
        }
        for (int i = n - 1; i > 0; i--) {
            loop[m++] = i + n * (n - 1);
        }
        for (int j = n - 1; j > 0; j--) {
            loop[m++] = n * j;
        }
        return new TriangleMesh(x, y, tri, boundary, List.of(loop), n, n);
    }
}
