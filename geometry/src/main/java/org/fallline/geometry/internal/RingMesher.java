package org.fallline.geometry.internal;

import java.util.ArrayList;
import java.util.List;

import org.fallline.geometry.GeometryException;
import org.fallline.geometry.TriangleMesh;

/**
 * Meshes of disks, annuli and annular sectors by rings: concentric circles (or arcs) of vertices with
 * spacing close to h (annuli and sectors without apex: the same count on every ring, a mapped polar grid),
 * consecutive rings joined by a strip of triangles that advances along whichever
 * ring's next vertex comes first in angle (the "zipper" merge of two sorted angle sequences). The disk
 * has a centre vertex and 6k vertices on ring k, the hexagonal pattern of nearly equilateral triangles.
 */
public final class RingMesher {

    private final List<Double> xs = new ArrayList<>();
    private final List<Double> ys = new ArrayList<>();
    private final List<Boolean> onBoundary = new ArrayList<>();
    private final IntList tri = new IntList();

    private RingMesher() {
    }

    /** The disk r ≤ R with mesh size about h. */
    public static TriangleMesh disk(double radius, double h) {
        int m = rings(radius, h);
        RingMesher b = new RingMesher();
        int[] previous = {b.vertex(0, 0, false)};
        double[] previousAngles = {0};
        int[] outer = null;
        for (int k = 1; k <= m; k++) {
            int count = 6 * k;
            double r = k == m ? radius : radius * k / m;
            int[] ring = new int[count];
            double[] angles = new double[count];
            for (int j = 0; j < count; j++) {
                angles[j] = 2 * Math.PI * j / count;
                ring[j] = b.vertex(r * Math.cos(angles[j]), r * Math.sin(angles[j]), k == m);
            }
            b.zip(previous, previousAngles, k > 1, ring, angles, true);
            previous = ring;
            previousAngles = angles;
            outer = ring;
        }
        return b.build(List.of(outer));
    }

    /** The annulus R1 ≤ r ≤ R2 with mesh size about h. */
    public static TriangleMesh annulus(double inner, double outer, double h) {
        int m = rings(outer - inner, h);
        RingMesher b = new RingMesher();
        int[] previous = null;
        double[] previousAngles = null;
        int[] first = null;
        for (int k = 0; k <= m; k++) {
            double r = k == m ? outer : inner + (outer - inner) * k / m;
            // the same count on every ring: a smoothly mapped polar grid, whose errors shrink cleanly like h²
            int count = Math.max(6, (int) Math.ceil(Math.PI * (inner + outer) / h));
            int[] ring = new int[count];
            double[] angles = new double[count];
            for (int j = 0; j < count; j++) {
                angles[j] = 2 * Math.PI * j / count;
                ring[j] = b.vertex(r * Math.cos(angles[j]), r * Math.sin(angles[j]), k == 0 || k == m);
            }
            if (previous != null) {
                b.zip(previous, previousAngles, true, ring, angles, true);
            } else {
                first = ring;
            }
            previous = ring;
            previousAngles = angles;
        }
        return b.build(List.of(first, previous));
    }

    /** The annular sector R1 ≤ r ≤ R2, T0 ≤ θ ≤ T1 with mesh size about h (R1 = 0: an apex vertex). */
    public static TriangleMesh sector(double inner, double outer, double t0, double t1, double h) {
        int m = rings(outer - inner, h);
        RingMesher b = new RingMesher();
        List<int[]> arcs = new ArrayList<>();
        int[] previous = null;
        double[] previousAngles = null;
        for (int k = 0; k <= m; k++) {
            double r = k == m ? outer : inner + (outer - inner) * k / m;
            // a mapped polar grid (same count on every arc) unless the sector has an apex
            double arcRadius = inner > 0 ? 0.5 * (inner + outer) : r;
            int intervals = r == 0 ? 0 : Math.max(2, (int) Math.ceil((t1 - t0) * arcRadius / h));
            int[] arc = new int[intervals + 1];
            double[] angles = new double[intervals + 1];
            for (int j = 0; j <= intervals; j++) {
                angles[j] = intervals == 0 ? t0 : j == intervals ? t1 : t0 + (t1 - t0) * j / intervals;
                boolean edge = k == 0 || k == m || j == 0 || j == intervals;
                arc[j] = b.vertex(r * Math.cos(angles[j]), r * Math.sin(angles[j]), edge);
            }
            if (previous != null) {
                b.zip(previous, previousAngles, false, arc, angles, false);
            }
            arcs.add(arc);
            previous = arc;
            previousAngles = angles;
        }
        IntList loop = new IntList();
        for (int v : arcs.get(0)) {
            loop.add(v);
        }
        for (int k = 1; k <= m; k++) {
            int[] a = arcs.get(k);
            loop.add(a[a.length - 1]);
        }
        int[] last = arcs.get(m);
        for (int j = last.length - 2; j >= 0; j--) {
            loop.add(last[j]);
        }
        for (int k = m - 1; k >= 1; k--) {
            loop.add(arcs.get(k)[0]);
        }
        return b.build(List.of(loop.toArray()));
    }

    private static int rings(double width, double h) {
        double m = Math.ceil(width / h - 1e-9);
        if (!(m >= 1) || m > 1e6) {
            throw GeometryException.badInput("mesh size " + h + " does not fit a width of " + width);
        }
        return (int) m;
    }

    private int vertex(double x, double y, boolean boundary) {
        xs.add(x);
        ys.add(y);
        onBoundary.add(boundary);
        return xs.size() - 1;
    }

    // joins ring a (angles aa) to ring b (angles ab); closed rings wrap around to their first vertex
    private void zip(int[] a, double[] aa, boolean closedA, int[] b, double[] ab, boolean closedB) {
        int la = a.length + (closedA ? 1 : 0);
        int lb = b.length + (closedB ? 1 : 0);
        int i = 0;
        int j = 0;
        while (i < la - 1 || j < lb - 1) {
            boolean advanceA;
            if (i == la - 1) {
                advanceA = false;
            } else if (j == lb - 1) {
                advanceA = true;
            } else {
                advanceA = angle(aa, i + 1) <= angle(ab, j + 1);
            }
            if (advanceA) {
                triangle(a[i % a.length], a[(i + 1) % a.length], b[j % b.length]);
                i++;
            } else {
                triangle(a[i % a.length], b[(j + 1) % b.length], b[j % b.length]);
                j++;
            }
        }
    }

    private static double angle(double[] angles, int i) {
        return i < angles.length ? angles[i] : angles[0] + 2 * Math.PI;
    }

    private void triangle(int p, int q, int r) {
        double area = (xs.get(q) - xs.get(p)) * (ys.get(r) - ys.get(p)) - (xs.get(r) - xs.get(p)) * (ys.get(q) - ys.get(p));
        tri.add(p);
        if (area >= 0) {
            tri.add(q);
            tri.add(r);
        } else {
            tri.add(r);
            tri.add(q);
        }
    }

    private TriangleMesh build(List<int[]> loops) {
        int n = xs.size();
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] boundary = new boolean[n];
        for (int v = 0; v < n; v++) {
            x[v] = xs.get(v);
            y[v] = ys.get(v);
            boundary[v] = onBoundary.get(v);
        }
        return new TriangleMesh(x, y, tri.toArray(), boundary, loops, 0, 0);
    }
}
