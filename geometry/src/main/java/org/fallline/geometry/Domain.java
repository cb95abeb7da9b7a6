package org.fallline.geometry;

import java.util.List;

import org.fallline.geometry.internal.GridMesher;
import org.fallline.geometry.internal.PolygonMesher;
import org.fallline.geometry.internal.RingMesher;

/**
 * A bounded plane domain Ω over which a graph z = u(x, y) is sought, with the triangle mesh that
 * discretises it. Rectangles are meshed as structured N × N grids (each cell cut by its diagonal, so N²
 * vertices and 2(N − 1)² triangles); disks, annuli and annular sectors by rings of vertices about the
 * origin; polygons by a constrained Delaunay triangulation (JTS).
 *
 * <p>The mesh parameter {@code n} is the number of grid points per side on a rectangle, h = side/(n − 1);
 * elsewhere it sets the comparable size h = √|Ω| / (n − 1), so that a unit square and a disk of the same
 * area get meshes of about the same density.
 */
public sealed interface Domain permits Domain.Rectangle, Domain.Disk, Domain.Annulus, Domain.Sector, Domain.Polygon {

    /** The smallest mesh parameter accepted: a grid with one interior point. */
    int MIN_N = 3;

    /** The planar area |Ω|. */
    double area();

    /** The triangulation of this domain for mesh parameter {@code n} (see the type's description). */
    TriangleMesh mesh(int n);

    /** The number of vertices {@link #mesh(int)} would produce, estimated before any is built. */
    long estimatedVertices(int n);

    /** The mesh size h = √|Ω| / (n − 1) used off the rectangle. */
    default double meshSize(int n) {
        return Math.sqrt(area()) / (n - 1);
    }

    /** The rectangle [x0, x1] × [y0, y1]. */
    record Rectangle(double x0, double x1, double y0, double y1) implements Domain {
        /** @throws GeometryException (bad input) if a side is not positive and finite */
        public Rectangle {
            if (!(x1 > x0) || !(y1 > y0) || !Double.isFinite(x1 - x0) || !Double.isFinite(y1 - y0)) {
                throw GeometryException.badInput("rectangle [" + x0 + ", " + x1 + "] x [" + y0 + ", " + y1
                        + "] has no interior: expected x0 < x1 and y0 < y1");
            }
        }

        /** The square [a, b]². */
        public static Rectangle square(double a, double b) {
            return new Rectangle(a, b, a, b);
        }

        @Override
        public double area() {
            return (x1 - x0) * (y1 - y0);
        }

        @Override
        public TriangleMesh mesh(int n) {
            return GridMesher.mesh(this, n);
        }

        @Override
        public long estimatedVertices(int n) {
            return (long) n * n;
        }
    }

    /** The disk r ≤ R about the origin. */
    record Disk(double radius) implements Domain {
        /** @throws GeometryException (bad input) if the radius is not positive and finite */
        public Disk {
            if (!(radius > 0) || !Double.isFinite(radius)) {
                throw GeometryException.badInput("disk radius " + radius + " must be positive and finite");
            }
        }

        @Override
        public double area() {
            return Math.PI * radius * radius;
        }

        @Override
        public TriangleMesh mesh(int n) {
            return RingMesher.disk(radius, meshSize(n));
        }

        @Override
        public long estimatedVertices(int n) {
            return estimate(this, n);
        }
    }

    /** The annulus R1 ≤ r ≤ R2 about the origin. */
    record Annulus(double inner, double outer) implements Domain {
        /** @throws GeometryException (bad input) unless 0 &lt; R1 &lt; R2 &lt; ∞ */
        public Annulus {
            if (!(inner > 0) || !(outer > inner) || !Double.isFinite(outer)) {
                throw GeometryException.badInput("annulus radii " + inner + ", " + outer
                        + ": expected 0 < R1 < R2");
            }
        }

        @Override
        public double area() {
            return Math.PI * (outer * outer - inner * inner);
        }

        @Override
        public TriangleMesh mesh(int n) {
            return RingMesher.annulus(inner, outer, meshSize(n));
        }

        @Override
        public long estimatedVertices(int n) {
            return estimate(this, n);
        }
    }

    /** The annular sector R1 ≤ r ≤ R2, T0 ≤ θ ≤ T1 (radians; R1 = 0 gives a circular sector). */
    record Sector(double inner, double outer, double theta0, double theta1) implements Domain {
        /** @throws GeometryException (bad input) unless 0 ≤ R1 &lt; R2 and 0 &lt; T1 − T0 ≤ 2π */
        public Sector {
            if (!(inner >= 0) || !(outer > inner) || !Double.isFinite(outer)) {
                throw GeometryException.badInput("sector radii " + inner + ", " + outer
                        + ": expected 0 <= R1 < R2");
            }
            if (!(theta1 > theta0) || !(theta1 - theta0 <= 2 * Math.PI) || !Double.isFinite(theta0)) {
                throw GeometryException.badInput("sector angles " + theta0 + ", " + theta1
                        + ": expected T0 < T1 <= T0 + 2*pi (radians)");
            }
        }

        @Override
        public double area() {
            return 0.5 * (theta1 - theta0) * (outer * outer - inner * inner);
        }

        @Override
        public TriangleMesh mesh(int n) {
            return RingMesher.sector(inner, outer, theta0, theta1, meshSize(n));
        }

        @Override
        public long estimatedVertices(int n) {
            return estimate(this, n);
        }
    }

    /**
     * A simple polygon, its vertices in order (the last joined to the first).
     *
     * @param vertices the corners as {x, y} pairs
     */
    record Polygon(List<double[]> vertices) implements Domain {
        /** @throws GeometryException (bad input) if the polygon is not closed, simple and of positive area */
        public Polygon {
            vertices = List.copyOf(vertices.stream().map(double[]::clone).toList());
            PolygonMesher.validate(vertices);
        }

        @Override
        public double area() {
            return PolygonMesher.area(vertices);
        }

        @Override
        public TriangleMesh mesh(int n) {
            return PolygonMesher.mesh(vertices, meshSize(n));
        }

        @Override
        public long estimatedVertices(int n) {
            return estimate(this, n);
        }
    }

    // vertices of a near-uniform triangulation with size h: about |Ω| / (h² √3/2 · 1/√3 ...) ≈ |Ω|/h² (n² at most)
    private static long estimate(Domain d, int n) {
        double h = d.meshSize(n);
        return (long) Math.ceil(1.3 * d.area() / (h * h)) + 16;
    }
}
