package org.fallline.geometry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

import org.fallline.geometry.Domain;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;

/**
 * Integrals over a domain by composite Gauss–Legendre rules (Hipparchus' nodes and weights): tensor
 * rules on rectangles; in polar coordinates (integrand times r) on disks, annuli and sectors; on
 * polygons, over the triangles of a constrained Delaunay triangulation (JTS), each the image of the unit
 * square under the collapsed (Duffy) map (s, t) ↦ a + s(b − a) + st(c − b) with Jacobian 2|T| s.
 * With 24 panels of 12 points per direction the rule is exact for polynomials of degree 23 per panel.
 */
public final class AreaQuadrature {

    /** A point visitor. */
    @FunctionalInterface
    public interface PointVisitor {
        /** Visits (x, y). */
        void at(double x, double y);
    }

    private static final int PANELS = 24;
    private static final int POINTS = 12;
    private static final GaussIntegrator UNIT = new GaussIntegratorFactory().legendre(POINTS, 0, 1);

    private AreaQuadrature() {
    }

    /** ∫_Ω f(x, y) dx dy. */
    public static double integrate(Domain domain, DoubleBinaryOperator f) {
        return integrate(domain, f, PANELS);
    }

    private static double integrate(Domain domain, DoubleBinaryOperator f, int panels) {
        if (domain instanceof Domain.Rectangle r) {
            return tensor(r.x0(), r.x1(), r.y0(), r.y1(), f, panels);
        } else if (domain instanceof Domain.Disk d) {
            return polar(0, d.radius(), 0, 2 * Math.PI, f, panels);
        } else if (domain instanceof Domain.Annulus a) {
            return polar(a.inner(), a.outer(), 0, 2 * Math.PI, f, panels);
        } else if (domain instanceof Domain.Sector s) {
            return polar(s.inner(), s.outer(), s.theta0(), s.theta1(), f, panels);
        }
        return polygon((Domain.Polygon) domain, f, panels);
    }

    /** Visits the nodes of a coarser rule (4 panels of 12 points per direction) and points along the boundary. */
    public static void forEachSample(Domain domain, PointVisitor visitor) {
        integrate(domain, (x, y) -> {
            visitor.at(x, y);
            return 0;
        }, 4);
        int m = 512;
        if (domain instanceof Domain.Rectangle r) {
                for (int i = 0; i <= m; i++) {
                    double x = r.x0() + (r.x1() - r.x0()) * i / m;
                    double y = r.y0() + (r.y1() - r.y0()) * i / m;
                    visitor.at(x, r.y0());
                    visitor.at(x, r.y1());
                    visitor.at(r.x0(), y);
                    visitor.at(r.x1(), y);
                }
        } else if (domain instanceof Domain.Disk d) {
            circle(0, d.radius(), 0, 2 * Math.PI, m, visitor);
        } else if (domain instanceof Domain.Annulus a) {
            circle(a.inner(), a.outer(), 0, 2 * Math.PI, m, visitor);
        } else if (domain instanceof Domain.Sector s) {
            circle(s.inner(), s.outer(), s.theta0(), s.theta1(), m, visitor);
        } else {
                List<double[]> v = ((Domain.Polygon) domain).vertices();
                for (int k = 0; k < v.size(); k++) {
                    double[] a = v.get(k);
                    double[] b = v.get((k + 1) % v.size());
                    for (int i = 0; i < 64; i++) {
                        visitor.at(a[0] + (b[0] - a[0]) * i / 64, a[1] + (b[1] - a[1]) * i / 64);
                    }
                }
        }
    }

    private static void circle(double r1, double r2, double t0, double t1, int m, PointVisitor visitor) {
        for (int i = 0; i <= m; i++) {
            double t = t0 + (t1 - t0) * i / m;
            double r = r1 + (r2 - r1) * i / m;
            visitor.at(r1 * Math.cos(t), r1 * Math.sin(t));
            visitor.at(r2 * Math.cos(t), r2 * Math.sin(t));
            visitor.at(r * Math.cos(t0), r * Math.sin(t0));
            visitor.at(r * Math.cos(t1), r * Math.sin(t1));
        }
    }

    private static double tensor(double x0, double x1, double y0, double y1, DoubleBinaryOperator f, int panels) {
        double[][] xs = nodes(x0, x1, panels);
        double[][] ys = nodes(y0, y1, panels);
        double sum = 0;
        for (int j = 0; j < ys[0].length; j++) {
            double row = 0;
            for (int i = 0; i < xs[0].length; i++) {
                row += xs[1][i] * f.applyAsDouble(xs[0][i], ys[0][j]);
            }
            sum += ys[1][j] * row;
        }
        return sum;
    }

    private static double polar(double r1, double r2, double t0, double t1, DoubleBinaryOperator f, int panels) {
        double[][] rs = nodes(r1, r2, panels);
        double[][] ts = nodes(t0, t1, panels);
        double sum = 0;
        for (int j = 0; j < ts[0].length; j++) {
            double c = Math.cos(ts[0][j]);
            double s = Math.sin(ts[0][j]);
            double ring = 0;
            for (int i = 0; i < rs[0].length; i++) {
                double r = rs[0][i];
                ring += rs[1][i] * r * f.applyAsDouble(r * c, r * s);
            }
            sum += ts[1][j] * ring;
        }
        return sum;
    }

    private static double polygon(Domain.Polygon p, DoubleBinaryOperator f, int panels) {
        GeometryFactory factory = new GeometryFactory();
        List<Coordinate> cs = new ArrayList<>();
        for (double[] v : p.vertices()) {
            cs.add(new Coordinate(v[0], v[1]));
        }
        cs.add(cs.get(0).copy());
        Geometry triangles = ConstrainedDelaunayTriangulator.triangulate(
                factory.createPolygon(cs.toArray(Coordinate[]::new)));
        double[][] u = nodes(0, 1, panels);
        double sum = 0;
        for (int k = 0; k < triangles.getNumGeometries(); k++) {
            Coordinate[] c = triangles.getGeometryN(k).getCoordinates();
            double area2 = Math.abs((c[1].x - c[0].x) * (c[2].y - c[0].y) - (c[2].x - c[0].x) * (c[1].y - c[0].y));
            for (int i = 0; i < u[0].length; i++) {
                double s = u[0][i];
                for (int j = 0; j < u[0].length; j++) {
                    double t = u[0][j];
                    double x = c[0].x + s * (c[1].x - c[0].x) + s * t * (c[2].x - c[1].x);
                    double y = c[0].y + s * (c[1].y - c[0].y) + s * t * (c[2].y - c[1].y);
                    sum += u[1][i] * u[1][j] * area2 * s * f.applyAsDouble(x, y);
                }
            }
        }
        return sum;
    }

    // composite rule on [a, b]: {nodes, weights}
    private static double[][] nodes(double a, double b, int panels) {
        int n = panels * POINTS;
        double[] x = new double[n];
        double[] w = new double[n];
        double width = (b - a) / panels;
        for (int p = 0; p < panels; p++) {
            for (int i = 0; i < POINTS; i++) {
                x[p * POINTS + i] = a + width * (p + UNIT.getPoint(i));
                w[p * POINTS + i] = width * UNIT.getWeight(i);
            }
        }
        return new double[][] {x, w};
    }
}
