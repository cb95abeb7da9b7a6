package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.fallline.core.CoreException;
import org.junit.jupiter.api.Test;

/**
 * The V-cycle's error contraction is bounded independently of the grid size (Briggs–Henson–McCormick,
 * <i>A Multigrid Tutorial</i>, §4 and §5): measured on A e = 0 from a random error, as the geometric mean of
 * ‖eₖ₊₁‖/‖eₖ‖ over the cycles after the first (which removes the rough part the smoother kills at once).
 */
class MultigridTest {

    /** Contraction per V-cycle on A e = 0 from a random e. */
    static double contraction(Multigrid mg, int cycles) {
        int n = mg.dimension();
        Random rnd = new Random(1);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = rnd.nextDouble() - 0.5;
        }
        double[] zero = new double[n];
        mg.cycle(zero, e);
        double first = Vectors.norm(e);
        for (int c = 1; c < cycles; c++) {
            mg.cycle(zero, e);
        }
        return Math.pow(Vectors.norm(e) / first, 1.0 / (cycles - 1));
    }

    private static void assertGridIndependent(double[] factors, int[] sizes, String what) {
        for (int k = 0; k < factors.length; k++) {
            assertTrue(factors[k] < 0.2, what + " at n = " + sizes[k] + ": contraction " + factors[k]);
            // Not growing with n: within 15% of the coarsest grid's figure.
            assertTrue(factors[k] <= 1.15 * factors[0], what + ": contraction " + factors[k] + " at n = " + sizes[k]
                    + " against " + factors[0] + " at n = " + sizes[0]);
        }
    }

    @Test
    void poisson2dContractionIsIndependentOfTheGrid() {
        int[] sizes = {65, 129, 257, 513};
        double[] factors = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k];
            Multigrid mg = Multigrid.galerkin(Stencils.laplacian2d(n), GridShape.of(n, n));
            factors[k] = contraction(mg, n > 300 ? 4 : 6);
        }
        assertGridIndependent(factors, sizes, "2-D Poisson");
    }

    @Test
    void variableCoefficientContractionIsIndependentOfTheGrid() {
        int[] sizes = {65, 129, 257, 513};
        double[] factors = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k];
            // k varies by a factor e² ≈ 7.4 over the square, with a ripple.
            CsrMatrix a = Stencils.diffusion2d(n, (x, y) -> Math.exp(x + y) * (1 + 0.3 * Math.sin(5 * x * y)));
            factors[k] = contraction(Multigrid.galerkin(a, GridShape.of(n, n)), n > 300 ? 4 : 6);
        }
        assertGridIndependent(factors, sizes, "2-D variable coefficient");
    }

    @Test
    void poisson3dContractionIsIndependentOfTheGrid() {
        int[] sizes = {33, 65};
        double[] factors = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k];
            factors[k] = contraction(Multigrid.galerkin(Stencils.laplacian3d(n), GridShape.of(n, n, n)), 4);
        }
        assertGridIndependent(factors, sizes, "3-D Poisson");
    }

    /** Even sizes, Neumann rows, strongly implicit heat steps: the same rule coarsens them all. */
    @Test
    void neumannHeatStepsAndEvenSizes() {
        for (int n : new int[] {64, 65, 128}) {
            for (double tau : new double[] {1e-4, 1.0}) {
                Multigrid mg = Multigrid.galerkin(Stencils.neumannHeatStep2d(n, tau), GridShape.of(n, n));
                double c = contraction(mg, 6);
                assertTrue(c < 0.2, "n = " + n + ", τ = " + tau + ": contraction " + c);
            }
        }
    }

    /** Periodic rows (the interpolation never wraps: both ends of an axis are coarse nodes). */
    @Test
    void periodicHeatSteps() {
        for (int n : new int[] {64, 65}) {
            for (double tau : new double[] {1e-4, 1.0}) {
                Multigrid mg = Multigrid.galerkin(Stencils.periodicHeatStep2d(n, tau), GridShape.of(n, n));
                double c = contraction(mg, 6);
                assertTrue(c < 0.2, "n = " + n + ", τ = " + tau + ": contraction " + c);
            }
        }
    }

    /** Every grid size from 2 up, in 1-D and 2-D: the hierarchy is built and the solve reaches rounding. */
    @Test
    void anyGridSizeWorks() {
        for (int n = 2; n <= 12; n++) {
            CsrMatrix a1 = Stencils.laplacian1d(n);
            assertSolves(a1, GridShape.of(n));
            CsrMatrix a2 = Stencils.laplacian2d(n);
            assertSolves(a2, GridShape.of(n, n));
        }
        Multigrid mg = Multigrid.galerkin(Stencils.laplacian1d(100), GridShape.of(100));
        // 100 → 51 → 26 → 14 → 8 → 5 → 3.
        assertEquals(7, mg.levels());
        assertEquals(GridShape.of(3), mg.shape(6));
    }

    private static void assertSolves(CsrMatrix a, GridShape shape) {
        int n = shape.unknowns();
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = 1 + Math.sin(i);
        }
        double[] f = new double[n];
        a.multiply(u, f);
        double[] x = new double[n];
        Multigrid.galerkin(a, shape).solve(f, x, 1e-13, 40);
        for (int i = 0; i < n; i++) {
            assertEquals(u[i], x[i], 1e-11, shape + " node " + i);
        }
    }

    @Test
    void badUseIsReported() {
        CsrMatrix a = Stencils.laplacian2d(20);
        assertThrows(IllegalArgumentException.class, () -> Multigrid.galerkin(a, GridShape.of(20, 21)));
        CoreException negative = assertThrows(CoreException.class,
                () -> Multigrid.galerkin(a.scaled(-1), GridShape.of(20, 20)));
        assertTrue(negative.getMessage().contains("not positive"), negative.getMessage());
        double[] b = new double[400];
        java.util.Arrays.fill(b, 1.0);
        CoreException slow = assertThrows(CoreException.class,
                () -> Multigrid.galerkin(a, GridShape.of(20, 20)).solve(b, new double[400], 1e-12, 2));
        assertTrue(slow.getMessage().startsWith("multigrid did not converge in 2 cycles"), slow.getMessage());
        assertEquals(CoreException.Kind.NUMERICAL, slow.kind());
    }
}
