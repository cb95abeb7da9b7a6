package org.fallline.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ParametricField;
import org.junit.jupiter.api.Test;

/**
 * Boundary data from core's fields over space: the batch evaluation over the boundary vertices gives the
 * single-point values bit for bit, and data undefined on the boundary are reported with the point.
 */
class BoundaryDataTest {

    private static ParametricField field(String text) {
        return Expression.parse(text, List.of("x", "y")).field(List.of("x", "y"), List.of());
    }

    @Test
    void batchValuesAreThePointwiseValues() {
        TriangleMesh mesh = new Domain.Annulus(1, 2).mesh(17);
        ParametricField g = field("1.5*(2 - sqrt(x^2 + y^2)) + 0.3*x*y/(x^2 + y^2)");
        double[] batch = BoundaryData.of("g", g).boundaryValues(mesh);
        double[] single = BoundaryData.of("g", (x, y) -> g.value(new double[] {x, y}, new double[0])).boundaryValues(mesh);
        for (int v = 0; v < mesh.vertices(); v++) {
            if (mesh.isBoundary(v)) {
                assertEquals(single[v], batch[v], 0.0);
            } else {
                assertTrue(Double.isNaN(batch[v]));
            }
        }
    }

    @Test
    void infiniteDataNameTheBoundaryPoint() {
        TriangleMesh mesh = Domain.Rectangle.square(-1, 1).mesh(9);
        GeometryException e = assertThrows(GeometryException.class,
                () -> BoundaryData.of("1/x", field("1/x")).boundaryValues(mesh));
        assertEquals(GeometryException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("at the boundary point (0.0, -1.0)"), e.getMessage());
    }

    @Test
    void fieldsWithParametersAreRefused() {
        ParametricField timed = Expression.parse("x*t", List.of("x", "y", "t")).field(List.of("x", "y"), List.of("t"));
        assertThrows(IllegalArgumentException.class, () -> BoundaryData.of("x t", timed));
    }
}
