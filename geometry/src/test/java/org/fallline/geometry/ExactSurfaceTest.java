package org.fallline.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Exact areas by quadrature against the 30-digit reference values of exact.md §1–§2 and §5. */
class ExactSurfaceTest {

    @Test
    void scherkAreasOnSquaresOfGrowingSize() {
        assertEquals(5.6975122115870574383, ExactSurface.SCHERK.exactArea(Domain.Rectangle.square(-1, 1)), 1e-12);
        assertEquals(9.9498249987075542965, ExactSurface.SCHERK.exactArea(Domain.Rectangle.square(-1.2, 1.2)), 1e-11);
        assertEquals(18.639248972201811096, ExactSurface.SCHERK.exactArea(Domain.Rectangle.square(-1.4, 1.4)), 1e-9);
    }

    @Test
    void helicoidCatenoidAndPlane() {
        assertEquals(1.4560479202587016114, ExactSurface.HELICOID.exactArea(new Domain.Rectangle(0.5, 1.5, -0.5, 0.5)),
                1e-12);
        assertEquals(2.2452160445936882028, ExactSurface.HELICOID.exactArea(new Domain.Sector(0.5, 1.5, 0, Math.PI / 2)),
                1e-12);
        assertEquals(10.564255791668642018, ExactSurface.CATENOID.exactArea(new Domain.Annulus(1.2, 2)), 1e-11);
        assertEquals(4.4721359549995794127, ExactSurface.PLANE.exactArea(Domain.Rectangle.square(-1, 1)), 1e-14);
    }

    @Test
    void enneperAreaElementMatchesTheGaussMapFormula() {
        // exact.md §3: √(1+|∇z|²) = (1+|w|²)/(1−|w|²); on the disk r ≤ 0.3 of the (x, y) plane both integrands agree
        double[] g = new double[2];
        double x = 0.2;
        double y = -0.1;
        ExactSurface.ENNEPER.gradient(x, y, g);
        // invert by Newton in the test itself, from the same start, as an independent check of the chain rule
        double u = x;
        double v = -y;
        for (int k = 0; k < 50; k++) {
            double fx = u - u * u * u / 3 + u * v * v - x;
            double fy = -v - u * u * v + v * v * v / 3 - y;
            double a = 1 - u * u + v * v;
            double b = 2 * u * v;
            double c = -2 * u * v;
            double d = -1 - u * u + v * v;
            double det = a * d - b * c;
            u -= (fx * d - b * fy) / det;
            v -= (a * fy - c * fx) / det;
        }
        double w2 = u * u + v * v;
        assertEquals((1 + w2) / (1 - w2), Math.sqrt(1 + g[0] * g[0] + g[1] * g[1]), 1e-12);
        assertEquals(u * u - v * v, ExactSurface.ENNEPER.height(x, y), 1e-14);
    }

    @Test
    void surfacesRefuseDomainsWhereTheyAreNoGraph() {
        assertThrows(GeometryException.class, () -> ExactSurface.SCHERK.checkDefinedOn(Domain.Rectangle.square(-2, 2)));
        assertThrows(GeometryException.class, () -> ExactSurface.CATENOID.checkDefinedOn(new Domain.Disk(2)));
        assertThrows(GeometryException.class, () -> ExactSurface.HELICOID.checkDefinedOn(new Domain.Annulus(1, 2)));
        assertThrows(GeometryException.class, () -> ExactSurface.ENNEPER.checkDefinedOn(Domain.Rectangle.square(-2, 2)));
    }
}
