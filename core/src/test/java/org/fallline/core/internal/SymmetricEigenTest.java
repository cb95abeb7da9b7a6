package org.fallline.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * S = QΛQᵀ checked by its defining identities — S qⱼ = λⱼ qⱼ and QᵀQ = I to a few ulps of ‖S‖ — on random
 * symmetric matrices whose entries span 10⁻³²⁰ to 10⁵, the kind (tiny off-diagonal entries next to O(1)
 * ones) on which commons-math3 and Hipparchus stop with "convergence failed".
 */
class SymmetricEigenTest {

    /** The matrix of the defect report: the QL iteration of commons-math3 failed on it. */
    @Test
    void underflowingOffDiagonalEntriesAreHarmless() {
        double t = -1.6253923355609628E-162;
        SymmetricEigen eig = SymmetricEigen.of(new double[][] {{0, 2.55, 0}, {2.55, 0.78, t}, {0, t, -0.5}});
        double root = Math.sqrt(0.78 * 0.78 + 4 * 2.55 * 2.55);
        assertArrayEquals(new double[] {(0.78 - root) / 2, -0.5, (0.78 + root) / 2}, eig.values(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1}, eig.vector(1), 1e-15);
    }

    @Test
    void randomSymmetricMatricesSatisfyTheEigenIdentities() {
        Random r = new Random(11);
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 1 + r.nextInt(5);
            double[][] s = new double[n][n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    int exponent = r.nextInt(4) == 0 ? -(150 + r.nextInt(170)) : r.nextInt(10) - 5;
                    double v = r.nextInt(4) == 0 ? 0 : r.nextGaussian() * Math.pow(10, exponent);
                    s[i][j] = v;
                    s[j][i] = v;
                    norm = Math.max(norm, Math.abs(v));
                }
            }
            SymmetricEigen eig = SymmetricEigen.of(s);
            double[] lambda = eig.values();
            for (int j = 0; j < n; j++) {
                assertTrue(j == 0 || lambda[j - 1] <= lambda[j]);
                double[] q = eig.vector(j);
                for (int i = 0; i < n; i++) {
                    double sq = 0;
                    for (int k = 0; k < n; k++) {
                        sq += s[i][k] * q[k];
                    }
                    assertEquals(lambda[j] * q[i], sq, 1e-13 * n * norm + Double.MIN_NORMAL);
                }
                for (int k = 0; k < n; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[i] * eig.vector(k)[i];
                    }
                    assertEquals(j == k ? 1.0 : 0.0, dot, 1e-13);
                }
            }
        }
    }
}
