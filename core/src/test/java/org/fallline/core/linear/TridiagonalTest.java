package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.fallline.core.CoreException;
import org.junit.jupiter.api.Test;

/** Thomas and cyclic Thomas against a dense LU solve (commons-math3) of the same matrix. */
class TridiagonalTest {

    private static double[] denseSolve(double[] sub, double[] diag, double[] sup, double[] rhs, boolean cyclic) {
        int n = diag.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = diag[i];
            if (i > 0) {
                a[i][i - 1] = sub[i];
            }
            if (i < n - 1) {
                a[i][i + 1] = sup[i];
            }
        }
        if (cyclic) {
            a[0][n - 1] += sub[0];
            a[n - 1][0] += sup[n - 1];
        }
        return new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver()
                .solve(new ArrayRealVector(rhs)).toArray();
    }

    private static double[] random(Random rnd, int n, double shift) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = shift + rnd.nextGaussian();
        }
        return v;
    }

    @Test
    void thomasAgreesWithDenseSolve() {
        Random rnd = new Random(3);
        for (int n : new int[] {1, 2, 3, 10, 101}) {
            double[] sub = random(rnd, n, 0);
            double[] sup = random(rnd, n, 0);
            double[] diag = random(rnd, n, 6); // diagonally dominant: no pivoting needed
            double[] rhs = random(rnd, n, 0);
            double[] x = new double[n];
            Tridiagonal.solve(sub, diag, sup, rhs, x);
            assertArrayEquals(denseSolve(sub, diag, sup, rhs, false), x, 1e-13);
            // In place, through a reusable factorisation.
            double[] inPlace = rhs.clone();
            Tridiagonal.factor(sub, diag, sup).solve(inPlace, inPlace);
            assertArrayEquals(x, inPlace, 1e-15);
        }
    }

    @Test
    void cyclicAgreesWithDenseSolve() {
        Random rnd = new Random(4);
        for (int n : new int[] {3, 4, 17, 200}) {
            double[] sub = random(rnd, n, 0);
            double[] sup = random(rnd, n, 0);
            double[] diag = random(rnd, n, 6);
            double[] rhs = random(rnd, n, 0);
            double[] x = new double[n];
            Tridiagonal.solveCyclic(sub, diag, sup, rhs, x);
            assertArrayEquals(denseSolve(sub, diag, sup, rhs, true), x, 1e-12);
        }
        // The periodic heat step (1 + 2r) u_i − r (u_{i−1} + u_{i+1}) = f: constants map to constants.
        int n = 64;
        double r = 40.0;
        double[] sub = new double[n];
        double[] sup = new double[n];
        double[] diag = new double[n];
        java.util.Arrays.fill(sub, -r);
        java.util.Arrays.fill(sup, -r);
        java.util.Arrays.fill(diag, 1 + 2 * r);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 3.0);
        double[] x = new double[n];
        Tridiagonal.factorCyclic(sub, diag, sup).solve(ones, x);
        for (double v : x) {
            assertTrue(Math.abs(v - 3.0) < 1e-12, "constant preserved, got " + v);
        }
    }

    @Test
    void stridedLinesOfAGrid() {
        Random rnd = new Random(8);
        int n = 7;
        int lines = 5;
        double[] sub = random(rnd, n, 0);
        double[] sup = random(rnd, n, 0);
        double[] diag = random(rnd, n, 5);
        Tridiagonal t = Tridiagonal.factor(sub, diag, sup);
        double[] grid = random(rnd, n * lines, 0);
        double[] solved = grid.clone();
        // Columns of an n-row, lines-column grid stored row by row: stride = lines.
        for (int c = 0; c < lines; c++) {
            t.solve(solved, solved, c, lines);
        }
        for (int c = 0; c < lines; c++) {
            double[] rhs = new double[n];
            double[] got = new double[n];
            for (int i = 0; i < n; i++) {
                rhs[i] = grid[c + i * lines];
                got[i] = solved[c + i * lines];
            }
            assertArrayEquals(denseSolve(sub, diag, sup, rhs, false), got, 1e-13);
        }
    }

    @Test
    void adjacentLinesAtOnceGiveWhatEachLineGetsAlone() {
        Random rnd = new Random(9);
        int n = 6;
        for (boolean cyclic : new boolean[] {false, true}) {
            double[] sub = random(rnd, n, 0);
            double[] sup = random(rnd, n, 0);
            double[] diag = random(rnd, n, 6);
            Tridiagonal t = cyclic ? Tridiagonal.factorCyclic(sub, diag, sup) : Tridiagonal.factor(sub, diag, sup);
            // an 8 × n × 2 grid (x fastest): the y lines of the z = 1 plane are adjacent, 8 apart in y
            int nx = 8;
            double[] grid = random(rnd, nx * n * 2, 0);
            double[] batched = grid.clone();
            t.solveLines(batched, batched, nx * n, nx, nx);
            for (int q = 0; q < nx; q++) {
                double[] rhs = new double[n];
                double[] got = new double[n];
                for (int i = 0; i < n; i++) {
                    rhs[i] = grid[nx * n + q + i * nx];
                    got[i] = batched[nx * n + q + i * nx];
                }
                assertArrayEquals(denseSolve(sub, diag, sup, rhs, cyclic), got, 1e-13);
            }
            for (int k = 0; k < nx * n; k++) {
                assertEquals(grid[k], batched[k], 0.0); // the z = 0 plane is untouched
            }
        }
    }

    @Test
    void zeroPivotAndMisuseAreReported() {
        CoreException e = assertThrows(CoreException.class,
                () -> Tridiagonal.factor(new double[] {0, 1}, new double[] {1, 1}, new double[] {1, 0}));
        assertTrue(e.getMessage().contains("pivot"), e.getMessage());
        assertEquals(CoreException.Kind.NUMERICAL, e.kind());
        assertThrows(IllegalArgumentException.class,
                () -> Tridiagonal.factor(new double[2], new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> Tridiagonal.factorCyclic(new double[2], new double[] {1, 1}, new double[2]));
        Tridiagonal t = Tridiagonal.factor(new double[3], new double[] {1, 1, 1}, new double[3]);
        assertThrows(IllegalArgumentException.class, () -> t.solve(new double[3], new double[3], 1, 2));
    }
}
