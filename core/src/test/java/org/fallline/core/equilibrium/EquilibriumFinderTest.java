package org.fallline.core.equilibrium;

import org.fallline.core.CoreException;
import org.fallline.core.testing.TestFields;
import org.fallline.core.field.Box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EquilibriumFinderTest {

    private static final EquilibriumFinder FINDER = new EquilibriumFinder();

    /**
     * V = eˣ cos y − x − 1 has critical points exactly at (0, 2πk), all saddles with Hessian eigenvalues ±1,
     * and no minimiser (/work/shared/reference/physics/README.md §4). In [-2,2]×[-1,13] they are k = 0, 1, 2.
     */
    @Test
    void saddleFieldHasExactlyThreeSaddles() {
        List<Equilibrium> found = FINDER.find(new TestFields.Saddle(), new Box(new double[] {-2, -1}, new double[] {2, 13}));
        assertEquals(3, found.size(), found::toString);
        for (int k = 0; k < 3; k++) {
            Equilibrium e = found.get(k);
            assertArrayEquals(new double[] {0, 2 * Math.PI * k}, e.point(), 1e-10, found::toString);
            assertEquals(EquilibriumType.SADDLE, e.type());
            assertEquals(1, e.index());
            assertArrayEquals(new double[] {-1, 1}, e.eigenvalues(), 1e-10);
            assertEquals(0.0, e.value(), 1e-12);
            // Stable direction of −∇V at the saddle: the x-axis (the stable manifold); unstable: the y-axis.
            assertEquals(1, e.stableDirections().size());
            assertEquals(1.0, Math.abs(e.stableDirections().get(0)[0]), 1e-10);
            assertEquals(1.0, Math.abs(e.unstableDirections().get(0)[1]), 1e-10);
        }
        assertTrue(found.stream().noneMatch(e -> e.type() == EquilibriumType.MINIMUM));
    }

    @Test
    void paraboloidHasOneMinimumAndItsNegativeOneMaximum() {
        Box box = new Box(new double[] {-3, -2}, new double[] {1, 5});
        List<Equilibrium> up = FINDER.find(new TestFields.Paraboloid(1), box);
        assertEquals(1, up.size());
        assertEquals(EquilibriumType.MINIMUM, up.get(0).type());
        assertEquals(0, up.get(0).index());
        assertArrayEquals(new double[] {0, 0}, up.get(0).point(), 1e-12);
        assertArrayEquals(new double[] {2, 2}, up.get(0).eigenvalues(), 1e-12);
        List<Equilibrium> down = FINDER.find(new TestFields.Paraboloid(-1), box);
        assertEquals(1, down.size());
        assertEquals(EquilibriumType.MAXIMUM, down.get(0).type());
        assertEquals(2, down.get(0).index());
        assertArrayEquals(new double[] {0, 0}, down.get(0).point(), 1e-12);
    }

    /** (x²−1)² + (y²−1)²: ∇V = 0 at x, y ∈ {−1, 0, 1}; V'' = 12x² − 4 is 8 at ±1 and −4 at 0. */
    @Test
    void doubleWellHasFourMinimaFourSaddlesOneMaximum() {
        List<Equilibrium> found = FINDER.find(new TestFields.DoubleWell(), new Box(new double[] {-2, -2}, new double[] {2, 2}));
        assertEquals(9, found.size(), found::toString);
        // Sorted by value: the minima (V = 0), the saddles (V = 1), the maximum (V = 2); then by coordinates.
        double[][] expected = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}, {-1, 0}, {0, -1}, {0, 1}, {1, 0}, {0, 0}};
        for (int i = 0; i < 9; i++) {
            Equilibrium e = found.get(i);
            assertArrayEquals(expected[i], e.point(), 1e-12, e::toString);
            double[] x = expected[i];
            double value = Math.pow(x[0] * x[0] - 1, 2) + Math.pow(x[1] * x[1] - 1, 2);
            assertEquals(value, e.value(), 1e-14);
            int negative = (x[0] == 0 ? 1 : 0) + (x[1] == 0 ? 1 : 0);
            assertEquals(negative, e.index());
            assertEquals(negative == 0 ? EquilibriumType.MINIMUM : negative == 1 ? EquilibriumType.SADDLE
                    : EquilibriumType.MAXIMUM, e.type());
            double[] eig = {12 * x[0] * x[0] - 4, 12 * x[1] * x[1] - 4};
            java.util.Arrays.sort(eig);
            assertArrayEquals(eig, e.eigenvalues(), 1e-12);
        }
    }

    /**
     * sin x sin y on [0.1, 2π−0.1]²: ∇V = (cos x sin y, sin x cos y) vanishes at (π/2 or 3π/2)² (V = ±1,
     * Hessian −V·I) and at (π, π) (V = 0, Hessian [[0, 1], [1, 0]], eigenvalues ±1).
     */
    @Test
    void sinSinHasTwoMinimaOneSaddleTwoMaxima() {
        double lo = 0.1;
        double hi = 2 * Math.PI - 0.1;
        List<Equilibrium> found = FINDER.find(new TestFields.SinSin(), new Box(new double[] {lo, lo}, new double[] {hi, hi}));
        double h = Math.PI / 2;
        double[][] points = {{h, 3 * h}, {3 * h, h}, {Math.PI, Math.PI}, {h, h}, {3 * h, 3 * h}};
        EquilibriumType[] types = {EquilibriumType.MINIMUM, EquilibriumType.MINIMUM, EquilibriumType.SADDLE,
            EquilibriumType.MAXIMUM, EquilibriumType.MAXIMUM};
        double[] values = {-1, -1, 0, 1, 1};
        assertEquals(5, found.size(), found::toString);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(points[i], found.get(i).point(), 1e-12);
            assertEquals(types[i], found.get(i).type());
            assertEquals(values[i], found.get(i).value(), 1e-14);
        }
        assertArrayEquals(new double[] {-1, 1}, found.get(2).eigenvalues(), 1e-12);
    }

    /** x⁴ + y² has a single critical point, 0, where the Hessian diag(0, 2) is singular. */
    @Test
    void quarticMinimumIsDegenerate() {
        List<Equilibrium> found = FINDER.find(new TestFields.Quartic(), new Box(new double[] {-1, -1}, new double[] {2, 1}));
        assertEquals(1, found.size(), found::toString);
        Equilibrium e = found.get(0);
        assertEquals(EquilibriumType.DEGENERATE, e.type());
        assertEquals("degenerate", e.type().label());
        assertEquals(0, e.index());
        assertArrayEquals(new double[] {0, 0}, e.point(), 1e-6);
        assertArrayEquals(new double[] {0, 2}, e.eigenvalues(), 1e-10);
    }

    @Test
    void sameSeedSameAnswerAndProgressIsReported() {
        EquilibriumFinder finder = EquilibriumFinder.builder().starts(20).seed(7).build();
        long[] last = new long[2];
        List<Equilibrium> a = finder.find(new TestFields.DoubleWell(), new Box(new double[] {-2, -2}, new double[] {2, 2}),
                (done, total) -> {
                    last[0] = done;
                    last[1] = total;
                });
        List<Equilibrium> b = finder.find(new TestFields.DoubleWell(), new Box(new double[] {-2, -2}, new double[] {2, 2}));
        assertEquals(a, b);
        assertEquals(20, last[0]);
        assertEquals(20, last[1]);
    }

    @Test
    void boxWithoutCriticalPointGivesEmptyList() {
        // ∇(x² + y²) = 0 only at the origin, outside this box.
        assertTrue(FINDER.find(new TestFields.Paraboloid(1), new Box(new double[] {0.5, -1}, new double[] {2, 1})).isEmpty());
    }

    @Test
    void dimensionMismatchAndBadOptionsAreRejected() {
        assertThrows(CoreException.class, () -> FINDER.find(new TestFields.Quartic(), new Box(new double[] {0}, new double[] {1})));
        assertThrows(CoreException.class, () -> EquilibriumFinder.builder().starts(0));
        assertThrows(CoreException.class, () -> EquilibriumFinder.builder().gradientTolerance(-1));
        assertThrows(CoreException.class, () -> EquilibriumFinder.builder().maxIterations(0));
        assertThrows(CoreException.class, () -> Equilibrium.classify(new TestFields.Quartic(), new double[] {0, 0}, Double.NaN));
    }
}
