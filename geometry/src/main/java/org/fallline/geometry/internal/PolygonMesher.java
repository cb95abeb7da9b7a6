package org.fallline.geometry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fallline.geometry.GeometryException;
import org.fallline.geometry.TriangleMesh;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.triangulate.ConformingDelaunayTriangulationBuilder;

/**
 * Polygons with JTS: validity (closed, simple, positive area) by {@link IsValidOp}, and the mesh by a
 * conforming Delaunay triangulation ({@link ConformingDelaunayTriangulationBuilder}) of the boundary
 * densified to spacing h together with a triangular lattice of spacing h inside, so the triangles are
 * nearly equilateral of size h and the boundary edges are mesh edges.
 */
public final class PolygonMesher {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private PolygonMesher() {
    }

    /** Throws a bad-input exception unless the vertices form a valid simple polygon. */
    public static void validate(List<double[]> vertices) {
        polygon(vertices);
    }

    /** The area of the polygon (shoelace formula). */
    public static double area(List<double[]> vertices) {
        return polygon(vertices).getArea();
    }

    static Polygon polygon(List<double[]> vertices) {
        List<Coordinate> cs = new ArrayList<>();
        for (double[] v : vertices) {
            if (v.length != 2 || !Double.isFinite(v[0]) || !Double.isFinite(v[1])) {
                throw GeometryException.badInput("polygon vertex " + Arrays.toString(v) + " is not a finite point (x, y)");
            }
            cs.add(new Coordinate(v[0], v[1]));
        }
        if (cs.size() > 1 && cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.remove(cs.size() - 1);
        }
        if (cs.size() < 3) {
            throw GeometryException.badInput("polygon has " + cs.size()
                    + " distinct vertices: expected at least 3 enclosing an area");
        }
        cs.add(cs.get(0).copy());
        LinearRing ring = FACTORY.createLinearRing(cs.toArray(Coordinate[]::new));
        Polygon p = FACTORY.createPolygon(ring);
        TopologyValidationError error = new IsValidOp(p).getValidationError();
        if (error != null) {
            Coordinate c = error.getCoordinate();
            throw GeometryException.badInput("polygon is not simple: " + error.getMessage().toLowerCase()
                    + (c == null ? "" : " at (" + c.x + ", " + c.y + ")"));
        }
        if (!(p.getArea() > 0)) {
            throw GeometryException.badInput("polygon encloses no area");
        }
        return p;
    }

    /** The triangulation with mesh size about h. */
    public static TriangleMesh mesh(List<double[]> vertices, double h) {
        Polygon p = polygon(vertices);
        Geometry boundary = Densifier.densify(p.getExteriorRing(), h);
        List<Coordinate> sites = new ArrayList<>(Arrays.asList(boundary.getCoordinates()));
        sites.remove(sites.size() - 1);
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(p);
        IndexedFacetDistance distance = new IndexedFacetDistance(p.getExteriorRing());
        var env = p.getEnvelopeInternal();
        double dy = h * Math.sqrt(3) / 2;
        int row = 0;
        for (double y = env.getMinY() + dy / 2; y < env.getMaxY(); y += dy, row++) {
            for (double x = env.getMinX() + (row % 2 == 0 ? h / 2 : h); x < env.getMaxX(); x += h) {
                Coordinate c = new Coordinate(x, y);
                if (inside.locate(c) == Location.INTERIOR
                        && distance.distance(FACTORY.createPoint(c)) > 0.6 * h) {
                    sites.add(c);
                }
            }
        }
        ConformingDelaunayTriangulationBuilder builder = new ConformingDelaunayTriangulationBuilder();
        builder.setSites(FACTORY.createMultiPointFromCoords(sites.toArray(Coordinate[]::new)));
        builder.setConstraints(boundary);
        builder.setTolerance(1e-9 * h);
        Geometry triangles = builder.getTriangles(FACTORY);
        Map<Coordinate, Integer> index = new HashMap<>();
        List<Coordinate> points = new ArrayList<>();
        IntList tri = new IntList();
        double scale = Math.sqrt(p.getArea());
        for (int t = 0; t < triangles.getNumGeometries(); t++) {
            Geometry g = triangles.getGeometryN(t);
            if (inside.locate(g.getCentroid().getCoordinate()) != Location.INTERIOR) {
                continue;
            }
            Coordinate[] c = g.getCoordinates();
            int[] v = new int[3];
            for (int k = 0; k < 3; k++) {
                Coordinate key = new Coordinate(c[k].x, c[k].y);
                Integer i = index.get(key);
                if (i == null) {
                    i = points.size();
                    index.put(key, i);
                    points.add(key);
                }
                v[k] = i;
            }
            double area2 = (c[1].x - c[0].x) * (c[2].y - c[0].y) - (c[2].x - c[0].x) * (c[1].y - c[0].y);
            if (Math.abs(area2) < 1e-14 * scale * scale) {
                continue;
            }
            tri.add(v[0]);
            tri.add(area2 > 0 ? v[1] : v[2]);
            tri.add(area2 > 0 ? v[2] : v[1]);
        }
        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] onBoundary = new boolean[n];
        LengthIndexedLine line = new LengthIndexedLine(p.getExteriorRing());
        List<double[]> order = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            Coordinate c = points.get(v);
            x[v] = c.x;
            y[v] = c.y;
            onBoundary[v] = distance.distance(FACTORY.createPoint(c)) < 1e-9 * scale;
            if (onBoundary[v]) {
                order.add(new double[] {line.project(c), v});
            }
        }
        order.sort(Comparator.comparingDouble(a -> a[0]));
        int[] loop = new int[order.size()];
        for (int i = 0; i < loop.length; i++) {
            loop[i] = (int) order.get(i)[1];
        }
        return new TriangleMesh(x, y, tri.toArray(), onBoundary, List.of(loop), 0, 0);
    }
}
