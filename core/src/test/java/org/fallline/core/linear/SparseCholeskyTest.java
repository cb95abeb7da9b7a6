package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.fallline.core.CoreException;
import org.junit.jupiter.api.Test;

class SparseCholeskyTest {

    /** A scrambled numbering, as an unstructured mesh generator produces: P A Pᵀ for a random P. */
    private static CsrMatrix scrambled(CsrMatrix a, int[] p) {
        CsrMatrix.Builder b = CsrMatrix.builder(a.rows(), a.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int k = a.rowStart(i); k < a.rowStart(i + 1); k++) {
                b.add(p[i], p[a.columnIndex(k)], a.value(k));
            }
        }
        return b.build();
    }

    @Test
    void solvesManufacturedProblemsToRounding() {
        int m = 40;
        int n = m * m;
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random rnd = new Random(6);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        CsrMatrix a = scrambled(Stencils.diffusion2d(m, (x, y) -> 1 + x + y * y), p);
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.cos(i) + 2;
        }
        double[] f = new double[n];
        a.multiply(u, f);
        SparseCholesky chol = SparseCholesky.of(a);
        double[] x = new double[n];
        chol.solve(f, x);
        for (int i = 0; i < n; i++) {
            assertEquals(u[i], x[i], 1e-10 * 3, "node " + i); // relative 1e-10 of max u = 3, κ(A) ≈ 2·10³
        }
        // The ordering recovers a band: the factor of a 40 × 40 grid holds about N·m entries, not N²/2.
        assertTrue(chol.factorNonZeros() < 2 * n * m, chol.factorNonZeros() + " entries in L");
        // As a preconditioner it is the exact inverse: CG ends in one step.
        assertEquals(1, ConjugateGradientSolver.withTolerance(1e-10).solve(a, f, new double[n], chol).iterations());
    }

    @Test
    void indefiniteMatrixIsReported() {
        CsrMatrix a = CsrMatrix.builder(2, 2).add(0, 0, 1.0).add(0, 1, 2.0).add(1, 0, 2.0).add(1, 1, 1.0).build();
        CoreException e = assertThrows(CoreException.class, () -> SparseCholesky.of(a));
        assertEquals(CoreException.Kind.NUMERICAL, e.kind());
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    }
}
