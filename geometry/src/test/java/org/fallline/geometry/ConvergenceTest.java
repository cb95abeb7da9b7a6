package org.fallline.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * Orders of convergence of the P1 minimal graph against exact surfaces (exact.md §1–§2): the nodal error and
 * the area error shrink like h² on the helicoid, Enneper's surface and the catenoid; the plane is reproduced
 * to rounding; with small data εh (h harmonic) the solution is the harmonic one up to O(ε³).
 */
class ConvergenceTest {

    private static SurfaceDiagnostics run(Domain d, int n, BoundaryData s) {
        MinimalSurfaceResult r = MinimalSurface.newton().solve(d, n, s, ProgressListener.NONE);
        assertTrue(r.converged());
        return SurfaceDiagnostics.of(r.surface(), d, s);
    }

    private static void secondOrder(Domain d, ExactSurface s, int coarse) {
        SurfaceDiagnostics a = run(d, coarse, s);
        SurfaceDiagnostics b = run(d, 2 * coarse - 1, s);
        double nodal = Math.log(a.maxError().getAsDouble() / b.maxError().getAsDouble()) / Math.log(2);
        double area = Math.log(Math.abs(a.areaError().getAsDouble() / b.areaError().getAsDouble())) / Math.log(2);
        assertEquals(2, nodal, 0.15, s + " nodal order");
        assertEquals(2, area, 0.15, s + " area order");
    }

    @Test
    void helicoidOnASquareConvergesAtSecondOrder() {
        Domain d = new Domain.Rectangle(0.5, 1.5, -0.5, 0.5);
        secondOrder(d, ExactSurface.HELICOID, 33);
        // the sign of the area error depends on the case (exact.md §6): positive here
        assertTrue(run(d, 33, ExactSurface.HELICOID).areaError().getAsDouble() > 0);
    }

    @Test
    void enneperOnTheMinpackSquareConvergesAtSecondOrder() {
        secondOrder(Domain.Rectangle.square(-0.5, 0.5), ExactSurface.ENNEPER, 33);
    }

    @Test
    void catenoidOnTheAnnulusConvergesAtSecondOrder() {
        Domain d = new Domain.Annulus(1.2, 2);
        SurfaceDiagnostics a = run(d, 33, ExactSurface.CATENOID);
        SurfaceDiagnostics b = run(d, 65, ExactSurface.CATENOID);
        double order = Math.log(Math.abs(a.areaError().getAsDouble() / b.areaError().getAsDouble())) / Math.log(2);
        assertEquals(2, order, 0.2, "area order");
        assertTrue(a.maxError().getAsDouble() / b.maxError().getAsDouble() > 3.2);
    }

    @Test
    void helicoidOnTheAnnularSectorConvergesAtSecondOrder() {
        Domain d = new Domain.Sector(0.5, 1.5, 0, Math.PI / 2);
        SurfaceDiagnostics a = run(d, 33, ExactSurface.HELICOID);
        SurfaceDiagnostics b = run(d, 65, ExactSurface.HELICOID);
        double order = Math.log(Math.abs(a.areaError().getAsDouble() / b.areaError().getAsDouble())) / Math.log(2);
        assertEquals(2, order, 0.2, "area order");
        assertEquals(2.2452160445936882028, a.exactArea().getAsDouble(), 1e-12);
    }

    @Test
    void planeOnAPolygonIsReproducedToRounding() {
        Domain.Polygon l = new Domain.Polygon(java.util.List.of(new double[] {0, 0}, new double[] {2, 0},
                new double[] {2, 1}, new double[] {1, 1}, new double[] {1, 2}, new double[] {0, 2}));
        SurfaceDiagnostics d = run(l, 33, ExactSurface.PLANE);
        assertEquals(0, d.maxError().getAsDouble(), 1e-13);
        assertEquals(3 * Math.sqrt(1.25), d.exactArea().getAsDouble(), 1e-14);
        assertEquals(0, d.areaError().getAsDouble(), 1e-12);
    }

    @Test
    void planeIsReproducedToRounding() {
        SurfaceDiagnostics d = run(Domain.Rectangle.square(-1, 1), 33, ExactSurface.PLANE);
        assertEquals(0, d.maxError().getAsDouble(), 1e-13);
        assertEquals(0, d.areaError().getAsDouble(), 1e-13);
        assertEquals(0, d.maxMeanCurvature(), 1e-10);
        SurfaceDiagnostics disk = run(new Domain.Disk(1), 33, ExactSurface.PLANE);
        assertEquals(0, disk.maxError().getAsDouble(), 1e-13);
    }

    @Test
    void smallSlopeIsHarmonicUpToEpsilonCubed() {
        // exact.md §4: h = x² − y², max|u − εh|/ε³ → 0.1828, 0.1842 for ε = 0.2, 0.1 (N = 129); constant ratio
        Domain d = Domain.Rectangle.square(-1, 1);
        double[] ratio = new double[2];
        double[] eps = {0.1, 0.05};
        for (int k = 0; k < 2; k++) {
            double e = eps[k];
            MinimalSurfaceResult r = MinimalSurface.newton().solve(d, 65,
                    BoundaryData.of("eps h", (x, y) -> e * (x * x - y * y)), ProgressListener.NONE);
            GraphSurface s = r.surface();
            double max = 0;
            for (int v = 0; v < s.mesh().vertices(); v++) {
                double x = s.mesh().x(v);
                double y = s.mesh().y(v);
                max = Math.max(max, Math.abs(s.height(v) - e * (x * x - y * y)));
            }
            ratio[k] = max / (e * e * e);
            // Area = 4 + (16/3) ε² − (ε⁴/8)∫|∇h|⁴ + O(ε⁶) with ∫|∇h|⁴ = 16(4/5 + 8/9 + 4/5), plus O(h²ε²) from the mesh
            double quartic = 16 * (4.0 / 5 + 8.0 / 9 + 4.0 / 5) / 8;
            assertEquals(4 + 16.0 / 3 * e * e - quartic * Math.pow(e, 4), s.area(), Math.pow(e, 6) + 2 * Math.pow(2.0 / 64, 2) * e * e);
        }
        assertEquals(ratio[0], ratio[1], 0.02 * ratio[1]);
        assertEquals(0.1842, ratio[1], 0.005);
    }
}
