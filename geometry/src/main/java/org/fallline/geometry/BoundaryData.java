package org.fallline.geometry;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;

/**
 * Dirichlet data g(x, y) for a graph z = u(x, y): the wire the surface spans is the curve
 * (x, y, g(x, y)) over the boundary of the domain. The values of g inside the domain are used only as
 * a first guess where nothing better is known; {@link ExactSurface}s give an exact u everywhere.
 */
public interface BoundaryData {

    /** The height g(x, y). */
    double height(double x, double y);

    /** A short description for reports, e.g. the expression's text. */
    String description();

    /** Data given by a function of (x, y). */
    static BoundaryData of(String description, DoubleBinaryOperator g) {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(description, "description");
        return new BoundaryData() {
            @Override
            public double height(double x, double y) {
                return g.applyAsDouble(x, y);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /**
     * The values of g at the boundary vertices of {@code mesh} (NaN at interior vertices).
     *
     * @throws GeometryException (bad input) naming the first boundary point where g is NaN or infinite
     */
    default double[] boundaryValues(TriangleMesh mesh) {
        double[] u = new double[mesh.vertices()];
        for (int v = 0; v < u.length; v++) {
            if (!mesh.isBoundary(v)) {
                u[v] = Double.NaN;
                continue;
            }
            double g = height(mesh.x(v), mesh.y(v));
            if (!Double.isFinite(g)) {
                throw GeometryException.badInput("boundary data " + description() + " is " + g
                        + " at the boundary point (" + mesh.x(v) + ", " + mesh.y(v) + "); expected finite heights");
            }
            u[v] = g;
        }
        return u;
    }
}
