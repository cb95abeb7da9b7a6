package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {

    private static double[][] randomSparse(Random rnd, int rows, int cols, double density) {
        double[][] d = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (rnd.nextDouble() < density) {
                    d[i][j] = rnd.nextGaussian();
                }
            }
        }
        return d;
    }

    private static CsrMatrix fromDense(double[][] d, Random rnd) {
        CsrMatrix.Builder b = CsrMatrix.builder(d.length, d[0].length);
        // Each entry split in two parts added in random order: the builder must sort and sum them.
        for (int i = d.length - 1; i >= 0; i--) {
            for (int j = d[0].length - 1; j >= 0; j--) {
                if (d[i][j] != 0.0) {
                    double part = rnd.nextDouble();
                    b.add(i, j, part * d[i][j]);
                    b.add(i, j, (1 - part) * d[i][j]);
                }
            }
        }
        return b.build();
    }

    private static double[][] denseProduct(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static void assertDenseEquals(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-13);
        }
    }

    @Test
    void builderSumsDuplicatesAndSortsColumns() {
        CsrMatrix a = CsrMatrix.builder(2, 3).add(1, 2, 1.0).add(0, 1, 2.0).add(1, 0, 3.0).add(1, 2, 4.0).build();
        assertEquals(3, a.nonZeros());
        assertEquals(5.0, a.get(1, 2));
        assertEquals(0.0, a.get(0, 0));
        assertEquals(0, a.columnIndex(a.rowStart(1)));
        assertEquals(2, a.columnIndex(a.rowStart(1) + 1));
        assertArrayEquals(new double[] {0, 0}, a.diagonal());
    }

    @Test
    void productsAgreeWithDenseArithmetic() {
        Random rnd = new Random(11);
        double[][] da = randomSparse(rnd, 17, 23, 0.2);
        double[][] db = randomSparse(rnd, 23, 9, 0.3);
        CsrMatrix a = fromDense(da, rnd);
        CsrMatrix b = fromDense(db, rnd);
        assertDenseEquals(da, a.toDense());
        assertDenseEquals(denseProduct(da, db), a.multiply(b).toDense());
        double[][] dat = new double[23][17];
        for (int i = 0; i < 17; i++) {
            for (int j = 0; j < 23; j++) {
                dat[j][i] = da[i][j];
            }
        }
        assertDenseEquals(dat, a.transpose().toDense());
        double[] x = new double[23];
        for (int j = 0; j < 23; j++) {
            x[j] = rnd.nextGaussian();
        }
        double[] y = new double[17];
        a.multiply(x, y);
        double[][] column = new double[23][1];
        for (int j = 0; j < 23; j++) {
            column[j][0] = x[j];
        }
        double[][] expected = denseProduct(da, column);
        for (int i = 0; i < 17; i++) {
            assertEquals(expected[i][0], y[i], 1e-13);
        }
    }

    @Test
    void linearCombinationAndScaling() {
        Random rnd = new Random(5);
        double[][] da = randomSparse(rnd, 12, 12, 0.25);
        double[][] db = randomSparse(rnd, 12, 12, 0.25);
        CsrMatrix c = CsrMatrix.linearCombination(2.0, fromDense(da, rnd), -3.0, fromDense(db, rnd));
        double[][] expected = new double[12][12];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                expected[i][j] = 2 * da[i][j] - 3 * db[i][j];
            }
        }
        assertDenseEquals(expected, c.toDense());
        assertEquals(-1.5, CsrMatrix.identity(4).scaled(-1.5).get(3, 3));
        CsrMatrix l = Stencils.laplacian1d(3);
        double[] doubled = new double[l.nonZeros()];
        for (int k = 0; k < doubled.length; k++) {
            doubled[k] = 2 * l.value(k);
        }
        assertDenseEquals(l.scaled(2).toDense(), l.withValues(doubled).toDense());
        assertThrows(IllegalArgumentException.class, () -> l.withValues(new double[2]));
    }

    @Test
    void compressedRowsAreTheBuildersMatrix() {
        CsrMatrix l = Stencils.laplacian2d(4);
        int[] start = new int[l.rows() + 1];
        int[] cols = new int[l.nonZeros()];
        double[] vals = new double[l.nonZeros()];
        for (int i = 0; i <= l.rows(); i++) {
            start[i] = i < l.rows() ? l.rowStart(i) : l.nonZeros();
        }
        for (int k = 0; k < cols.length; k++) {
            cols[k] = l.columnIndex(k);
            vals[k] = l.value(k);
        }
        assertDenseEquals(l.toDense(), CsrMatrix.ofCompressedRows(l.rows(), l.cols(), start, cols, vals).toDense());
        // unsorted columns, a column out of range, a wrong count
        assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.ofCompressedRows(1, 2, new int[] {0, 2}, new int[] {1, 0}, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.ofCompressedRows(1, 2, new int[] {0, 1}, new int[] {2}, new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.ofCompressedRows(1, 2, new int[] {0, 1}, new int[] {0}, new double[2]));
    }

    @Test
    void symmetryIsDetected() {
        assertTrue(Stencils.laplacian2d(5).isSymmetric(0.0));
        assertFalse(CsrMatrix.builder(2, 2).add(0, 1, 1.0).build().isSymmetric(1e-12));
    }

    @Test
    void misuseIsRejected() {
        CsrMatrix.Builder b = CsrMatrix.builder(2, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> b.add(2, 0, 1.0));
        assertThrows(IndexOutOfBoundsException.class, () -> b.add(0, -1, 1.0));
        CsrMatrix a = CsrMatrix.identity(3);
        assertThrows(IllegalArgumentException.class, () -> a.multiply(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> a.multiply(CsrMatrix.identity(2)));
    }
}
