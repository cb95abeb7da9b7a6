package org.fallline.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * No minimal graph, detected from refinement (exact.md §5): on the annulus 1 ≤ r ≤ 2 with u = 0 outside and
 * u = H inside a solution exists only for H ≤ arccosh 2 ≈ 1.317. The non-symmetric case inner data
 * 1 + 0.6 cos θ has no solution either: the vertical catenoid v = arccosh 2 − arccosh r is a barrier (by the
 * comparison principle any solution satisfies u ≤ v, since v has infinite slope at r = 1), so data above
 * arccosh 2 anywhere on the inner circle — here up to 1.6 — admit none.
 */
class ExistenceTest {

    private static final Domain ANNULUS = new Domain.Annulus(1, 2);

    private static BoundaryData radial(double h) {
        return BoundaryData.of("radial", (x, y) -> h * (2 - Math.hypot(x, y)));
    }

    @Test
    void symmetricDataAboveTheCatenoidLimitHaveNoMinimalGraph() {
        GeometryException e = assertThrows(GeometryException.class,
                () -> MinimalSurface.newton().solve(ANNULUS, 97, radial(1.5), ProgressListener.NONE));
        assertEquals(GeometryException.Kind.NUMERICAL, e.kind());
        assertTrue(e.getMessage().startsWith("no minimal graph with these boundary data exists"), e.getMessage());
        assertTrue(e.getMessage().contains("1.316958"), e.getMessage());
    }

    @Test
    void nonSymmetricDataAboveTheBarrierHaveNoMinimalGraph() {
        BoundaryData tilted = BoundaryData.of("tilted", (x, y) -> {
            double r = Math.hypot(x, y);
            return (2 - r) * (1 + 0.6 * x / r);
        });
        GeometryException e = assertThrows(GeometryException.class,
                () -> MinimalSurface.newton().solve(ANNULUS, 97, tilted, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("no minimal graph"), e.getMessage());
        assertTrue(!e.getMessage().contains("arccosh"), "no symmetric hint for non-symmetric data");
    }

    @Test
    void solvableCaseJustBelowIsSolved() {
        // exact.md §5: H = 1.2 gives the catenoid with c = 0.993238889840131 and area 14.286932532107774
        MinimalSurfaceResult r = MinimalSurface.newton().solve(ANNULUS, 97, radial(1.2), ProgressListener.NONE);
        assertTrue(r.converged());
        double c = 0.993238889840131;
        double area = r.surface().area();
        assertEquals(14.286932532107774, area, 2e-3);
        TriangleMesh m = r.surface().mesh();
        double max = 0;
        for (int v = 0; v < m.vertices(); v++) {
            double rr = Math.hypot(m.x(v), m.y(v));
            double exact = c * (acosh(2 / c) - acosh(rr / c));
            max = Math.max(max, Math.abs(r.surface().height(v) - exact));
        }
        assertTrue(max < 0.05, "max nodal error " + max);
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }
}
