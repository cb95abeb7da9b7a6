package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultigridFamilyTest {

    /** Pᵀ(M + cL)P = PᵀMP + c PᵀLP: every level equals the one built from M + cL directly. */
    @Test
    void membersEqualTheDirectGalerkinHierarchy() {
        int n = 40;
        CsrMatrix mass = CsrMatrix.identity(n * n);
        CsrMatrix l = Stencils.diffusion2d(n, (x, y) -> 1 + x * x + y);
        GridShape shape = GridShape.of(n, n);
        MultigridFamily family = MultigridFamily.galerkin(mass, l, shape);
        for (double c : new double[] {0.0, 1e-5, 1e-2, 10.0}) {
            Multigrid fromFamily = family.at(c);
            Multigrid direct = Multigrid.galerkin(CsrMatrix.linearCombination(1.0, mass, c, l), shape);
            assertEquals(direct.levels(), fromFamily.levels());
            for (int level = 0; level < direct.levels(); level++) {
                CsrMatrix expected = direct.operator(level);
                CsrMatrix actual = fromFamily.operator(level);
                assertEquals(expected.nonZeros(), actual.nonZeros(), "c = " + c + ", level " + level);
                double scale = Math.abs(expected.get(0, 0));
                for (int i = 0; i < expected.rows(); i++) {
                    for (int k = expected.rowStart(i); k < expected.rowStart(i + 1); k++) {
                        int j = expected.columnIndex(k);
                        assertEquals(expected.value(k), actual.get(i, j), 1e-13 * scale,
                                "c = " + c + ", level " + level + " (" + i + ", " + j + ")");
                    }
                }
            }
            // And it preconditions the member it belongs to.
            CsrMatrix a = family.operator(c);
            double[] u = new double[n * n];
            for (int i = 0; i < u.length; i++) {
                u[i] = Math.sin(0.1 * i);
            }
            double[] f = new double[n * n];
            a.multiply(u, f);
            double[] x = new double[n * n];
            LinearSolveResult r = ConjugateGradientSolver.withTolerance(1e-12).solve(a, f, x, fromFamily);
            assertTrue(r.iterations() <= 12, "c = " + c + ": " + r.iterations() + " iterations");
            for (int i = 0; i < u.length; i++) {
                assertEquals(u[i], x[i], 1e-10, "c = " + c + " node " + i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> family.at(-1.0));
        assertThrows(IllegalArgumentException.class,
                () -> MultigridFamily.galerkin(CsrMatrix.identity(4), l, shape));
    }
}
