package org.fallline.geometry;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;

import org.fallline.core.field.ParametricField;

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
     * Data given by a field over space — core's {@link ParametricField} over the variables (x, y), no
     * parameters — whose values at the boundary vertices are computed in one batch
     * ({@link ParametricField#values(double[][], double[], double[])}: the expression's tape is bound once for
     * all the points, and gives bit for bit the single-point values).
     *
     * @throws IllegalArgumentException unless the field has two variables and no parameters
     */
    static BoundaryData of(String description, ParametricField g) {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(description, "description");
        if (g.dimension() != 2 || !g.parameters().isEmpty()) {
            throw new IllegalArgumentException("boundary data need a field over (x, y) without parameters, got "
                    + g.variables() + " with parameters " + g.parameters());
        }
        double[] none = new double[0];
        return new BoundaryData() {
            @Override
            public double height(double x, double y) {
                return g.value(new double[] {x, y}, none);
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public double[] boundaryValues(TriangleMesh mesh) {
                int count = 0;
                for (int v = 0; v < mesh.vertices(); v++) {
                    count += mesh.isBoundary(v) ? 1 : 0;
                }
                double[][] points = new double[count][];
                int[] vertex = new int[count];
                count = 0;
                for (int v = 0; v < mesh.vertices(); v++) {
                    if (mesh.isBoundary(v)) {
                        vertex[count] = v;
                        points[count++] = new double[] {mesh.x(v), mesh.y(v)};
                    }
                }
                double[] values = new double[count];
                g.values(points, none, values);
                double[] u = new double[mesh.vertices()];
                java.util.Arrays.fill(u, Double.NaN);
                for (int k = 0; k < count; k++) {
                    u[vertex[k]] = finite(this, values[k], points[k][0], points[k][1]);
                }
                return u;
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
            u[v] = finite(this, height(mesh.x(v), mesh.y(v)), mesh.x(v), mesh.y(v));
        }
        return u;
    }

    /**
     * g itself when finite.
     *
     * @throws GeometryException (bad input) naming the boundary point (x, y) where g is NaN or infinite
     */
    private static double finite(BoundaryData data, double g, double x, double y) {
        if (!Double.isFinite(g)) {
            throw GeometryException.badInput("boundary data " + data.description() + " is " + g
                    + " at the boundary point (" + x + ", " + y + "); expected finite heights");
        }
        return g;
    }
}
