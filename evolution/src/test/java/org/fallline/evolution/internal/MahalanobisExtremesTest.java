package org.fallline.evolution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/** The streamed largest Mahalanobis distance against the brute-force one over all rows. */
class MahalanobisExtremesTest {

    private static double[] bruteForce(double[][] x, MahalanobisExtremes m, boolean[] certified) {
        int n = x.length;
        int k = x[0].length;
        double[] mean = new double[k];
        for (double[] r : x) {
            for (int i = 0; i < k; i++) {
                mean[i] += r[i] / n;
            }
        }
        double[][] s = new double[k][k];
        for (double[] r : x) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    s[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / (n - 1);
                }
            }
        }
        double[][] sInv = new LUDecomposition(new Array2DRowRealMatrix(s)).getSolver().getInverse().getData();
        java.util.function.ToDoubleFunction<double[]> d = v -> {
            double q = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    q += (v[i] - mean[i]) * sInv[i][j] * (v[j] - mean[j]);
                }
            }
            return Math.sqrt(q);
        };
        double max = 0;
        for (double[] r : x) {
            max = Math.max(max, d.applyAsDouble(r));
        }
        MahalanobisExtremes.Result res = m.finish(d, sInv);
        certified[0] = res.certified();
        return new double[] {max, res.maxKept(), res.upper()};
    }

    private static double[][] sample(int n, Random r, boolean heavy) {
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            double u = r.nextGaussian();
            double v = 0.8 * u + 0.6 * r.nextGaussian();
            double t = heavy ? 1 / Math.sqrt(-2 * Math.log(r.nextDouble()) / 3) : 1;
            x[i] = new double[] {5 + u * t, -2 + 3 * v * t, 100 + r.nextGaussian() * t};
        }
        return x;
    }

    @Test
    void certifiedMaximumIsExactOnLargeSamples() {
        Random r = new Random(11);
        for (boolean heavy : new boolean[] {false, true}) {
            double[][] x = sample(60_000, r, heavy);
            x[x.length - 1] = new double[] {9, 6, 104};
            MahalanobisExtremes m = new MahalanobisExtremes(3);
            for (double[] v : x) {
                m.add(v);
            }
            boolean[] certified = new boolean[1];
            double[] res = bruteForce(x, m, certified);
            assertTrue(certified[0], "heavy=" + heavy);
            assertEquals(res[0], res[1], 1e-12 * res[0], "heavy=" + heavy);
        }
    }

    @Test
    void smallSamplesAreKeptWhole() {
        double[][] x = sample(500, new Random(2), false);
        MahalanobisExtremes m = new MahalanobisExtremes(3);
        for (double[] v : x) {
            m.add(v);
        }
        boolean[] certified = new boolean[1];
        double[] res = bruteForce(x, m, certified);
        assertTrue(certified[0]);
        assertEquals(res[0], res[1], 1e-12 * res[0]);
    }

    @Test
    void aMisleadingStartStillBracketsTheMaximum() {
        // Sorted by the first trait, the first thousand rows give a poor provisional metric.
        double[][] x = sample(30_000, new Random(5), false);
        java.util.Arrays.sort(x, java.util.Comparator.comparingDouble(v -> v[0]));
        MahalanobisExtremes m = new MahalanobisExtremes(3);
        for (double[] v : x) {
            m.add(v);
        }
        boolean[] certified = new boolean[1];
        double[] res = bruteForce(x, m, certified);
        assertTrue(res[1] <= res[0] * (1 + 1e-12), "the kept maximum is a lower bound");
        assertTrue(res[2] >= res[0] * (1 - 1e-12), "the bound is an upper bound");
        if (certified[0]) {
            assertEquals(res[0], res[1], 1e-12 * res[0]);
        }
    }
}
