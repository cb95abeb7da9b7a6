package org.fallline.core.testing;

import org.fallline.core.field.QuadraticField;

/**
 * The quadratic benchmarks B1 and B2 of /work/shared/reference/physics/README.md §4 ("Gradient-flow
 * references"): V = ½xᵀAx − bᵀx with κ = 100.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /** B1: A = [[50.5, 49.5], [49.5, 50.5]] (eigenvalues 1, 100), b = (1, 2). */
    public static QuadraticField b1() {
        return new QuadraticField(new double[][] {{50.5, 49.5}, {49.5, 50.5}}, new double[] {1, 2}, 0);
    }

    /**
     * B2: n = 50, A = S diag(1 + 99(i−1)/49) S with S the orthonormal (and symmetric) DST-I matrix
     * S_ij = √(2/(n+1)) sin(ijπ/(n+1)), b_j = j.
     */
    public static QuadraticField b2() {
        int n = 50;
        double[][] s = new double[n][n];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                s[i - 1][j - 1] = Math.sqrt(2.0 / (n + 1)) * Math.sin(i * j * Math.PI / (n + 1));
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += s[i][k] * (1 + 99.0 * k / 49) * s[k][j];
                }
                a[i][j] = sum;
            }
        }
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            b[j] = j + 1;
        }
        return new QuadraticField(a, b, 0);
    }
}
