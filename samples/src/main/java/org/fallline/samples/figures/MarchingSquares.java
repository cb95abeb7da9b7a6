package org.fallline.samples.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines {z = level} of a function sampled on a rectangular grid, as line segments, by the
 * marching-squares algorithm: in each grid cell the level crosses the edges whose end values lie on
 * either side of it, at the linearly interpolated position; the two ambiguous (saddle) cases are
 * resolved by the value at the cell centre, the mean of the four corners.
 *
 * <p>Reference: W. E. Lorensen and H. E. Cline, Marching cubes: a high resolution 3D surface
 * construction algorithm, Computer Graphics 21 (1987) 163–169 (the two-dimensional case).
 */
final class MarchingSquares {

    private MarchingSquares() {
    }

    /**
     * The segments of the level set, each as {x1, y1, x2, y2}.
     *
     * @param x grid abscissae, ascending
     * @param y grid ordinates, ascending
     * @param z z[i][j] = f(x[i], y[j])
     */
    static List<double[]> segments(double[] x, double[] y, double[][] z, double level) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            for (int j = 0; j + 1 < y.length; j++) {
                cell(x[i], x[i + 1], y[j], y[j + 1], z[i][j], z[i + 1][j], z[i + 1][j + 1], z[i][j + 1], level, out);
            }
        }
        return out;
    }

    // corners counter-clockwise: a = (x0,y0), b = (x1,y0), c = (x1,y1), d = (x0,y1)
    private static void cell(double x0, double x1, double y0, double y1,
                             double a, double b, double c, double d, double level, List<double[]> out) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
            return;
        }
        int code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
        if (code == 0 || code == 15) {
            return;
        }
        // crossing points on the four edges: bottom (a-b), right (b-c), top (d-c), left (a-d)
        double[] bottom = {x0 + (x1 - x0) * t(a, b, level), y0};
        double[] right = {x1, y0 + (y1 - y0) * t(b, c, level)};
        double[] top = {x0 + (x1 - x0) * t(d, c, level), y1};
        double[] left = {x0, y0 + (y1 - y0) * t(a, d, level)};
        boolean centreAbove = (a + b + c + d) / 4 > level;
        switch (code) {
            case 1, 14 -> add(out, left, bottom);
            case 2, 13 -> add(out, bottom, right);
            case 3, 12 -> add(out, left, right);
            case 4, 11 -> add(out, right, top);
            case 6, 9 -> add(out, bottom, top);
            case 7, 8 -> add(out, left, top);
            case 5 -> {
                if (centreAbove) {
                    add(out, left, top);
                    add(out, bottom, right);
                } else {
                    add(out, left, bottom);
                    add(out, right, top);
                }
            }
            case 10 -> {
                if (centreAbove) {
                    add(out, left, bottom);
                    add(out, right, top);
                } else {
                    add(out, left, top);
                    add(out, bottom, right);
                }
            }
            default -> throw new IllegalStateException("marching-squares case " + code);
        }
    }

    private static double t(double from, double to, double level) {
        return (level - from) / (to - from);
    }

    private static void add(List<double[]> out, double[] p, double[] q) {
        out.add(new double[] {p[0], p[1], q[0], q[1]});
    }
}
