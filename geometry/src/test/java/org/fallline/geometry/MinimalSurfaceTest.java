package org.fallline.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * Newton on the discrete area against exact minimal graphs: the P1 reference solver's table for Scherk's
 * surface (exact.md §6: nodal errors 6.17e-5, 1.56e-5, 3.92e-6 and area errors −1.5507e-3, −3.877e-4,
 * −9.692e-5 at N = 33, 65, 129), second order on the helicoid and Enneper's surface, the plane to rounding.
 */
class MinimalSurfaceTest {

    private static SurfaceDiagnostics run(Domain d, int n, ExactSurface s) {
        MinimalSurfaceResult r = MinimalSurface.newton().solve(d, n, s, ProgressListener.NONE);
        assertTrue(r.converged());
        return SurfaceDiagnostics.of(r.surface(), d, s);
    }

    @Test
    void scherkMatchesTheReferenceTable() {
        Domain d = Domain.Rectangle.square(-1, 1);
        int[] ns = {33, 65, 129};
        double[] nodal = {6.17e-5, 1.56e-5, 3.92e-6};
        double[] area = {-1.5507e-3, -3.877e-4, -9.692e-5};
        for (int k = 0; k < ns.length; k++) {
            SurfaceDiagnostics g = run(d, ns[k], ExactSurface.SCHERK);
            assertEquals(nodal[k], g.maxError().getAsDouble(), 0.005 * nodal[k]);
            assertEquals(area[k], g.areaError().getAsDouble(), 0.0005 * Math.abs(area[k]));
            assertEquals(5.6975122115870574383, g.exactArea().getAsDouble(), 1e-12);
        }
    }
}
