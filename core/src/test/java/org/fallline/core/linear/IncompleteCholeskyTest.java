package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.fallline.core.CoreException;
import org.junit.jupiter.api.Test;

class IncompleteCholeskyTest {

    /** A random symmetric matrix with every entry of the band |i − j| ≤ w non-zero, made SPD by its diagonal. */
    private static CsrMatrix fullBand(Random rnd, int n, int w) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - w); j < i; j++) {
                a[i][j] = a[j][i] = rnd.nextDouble() - 0.5 + (rnd.nextBoolean() ? 0.1 : -0.1);
            }
        }
        CsrMatrix.Builder b = CsrMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            double off = 0;
            for (int j = 0; j < n; j++) {
                off += Math.abs(a[i][j]);
                if (j != i && a[i][j] != 0) {
                    b.add(i, j, a[i][j]);
                }
            }
            b.add(i, i, off + 0.5 + rnd.nextDouble());
        }
        return b.build();
    }

    /** With no fill outside the pattern, L·diag(√d) is the Cholesky factor (commons-math3). */
    @Test
    void equalsCholeskyWhenThereIsNoFill() {
        Random rnd = new Random(17);
        for (int w : new int[] {1, 2, 4}) {
            int n = 30;
            CsrMatrix a = fullBand(rnd, n, w);
            IncompleteCholesky ic = IncompleteCholesky.of(a);
            RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(a.toDense())).getL();
            double[] d = ic.pivots();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(l.getEntry(i, j), ic.lower(i, j) * Math.sqrt(d[j]), 1e-13,
                            "band " + w + " entry (" + i + ", " + j + ")");
                }
            }
        }
    }

    /** On the 2-D Laplacian (which fills in), L D Lᵀ reproduces A on A's pattern: the definition of IC(0). */
    @Test
    void reproducesTheMatrixOnItsPattern() {
        int m = 6;
        CsrMatrix a = Stencils.diffusion2d(m, (x, y) -> 1 + x * y);
        IncompleteCholesky ic = IncompleteCholesky.of(a);
        int n = m * m;
        double[] d = ic.pivots();
        double scale = a.get(0, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (a.find(i, j) < 0) {
                    continue;
                }
                double s = 0;
                for (int k = 0; k <= Math.min(i, j); k++) {
                    s += ic.lower(i, k) * d[k] * ic.lower(j, k);
                }
                assertEquals(a.get(i, j), s, 1e-13 * scale, "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void applyIsTheInverseOfTheFactorProduct() {
        Random rnd = new Random(9);
        CsrMatrix a = fullBand(rnd, 25, 2);
        IncompleteCholesky ic = IncompleteCholesky.of(a);
        double[] x = new double[25];
        for (int i = 0; i < 25; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] b = new double[25];
        a.multiply(x, b);
        double[] z = new double[25];
        ic.apply(b, z);
        for (int i = 0; i < 25; i++) {
            assertEquals(x[i], z[i], 1e-12);
        }
    }

    @Test
    void nonPositiveMatrixIsReported() {
        CsrMatrix a = CsrMatrix.builder(2, 2).add(0, 0, 1.0).add(0, 1, 2.0).add(1, 0, 2.0).add(1, 1, 1.0).build();
        CoreException e = assertThrows(CoreException.class, () -> IncompleteCholesky.of(a));
        assertTrue(e.getMessage().contains("row 1 is not positive"), e.getMessage());
        assertEquals(CoreException.Kind.NUMERICAL, e.kind());
        assertThrows(CoreException.class, () -> JacobiPreconditioner.of(CsrMatrix.identity(3).scaled(-1)));
    }
}
