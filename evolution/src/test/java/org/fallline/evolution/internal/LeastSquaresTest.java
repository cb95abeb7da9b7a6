package org.fallline.evolution.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming QR and the pivoted least squares against certified and exact answers: Longley's data
 * (NIST StRD certified values), row order, and R's aliasing rule.
 */
class LeastSquaresTest {

    private static final Map<String, double[]> CERTIFIED = new HashMap<>();
    private static final List<double[]> LONGLEY = new ArrayList<>();

    static {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LeastSquaresTest.class.getResourceAsStream("/reference/nist_longley.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("certified")) {
                    CERTIFIED.put(f[1], new double[] {Double.parseDouble(f[2]),
                        f[3].equals("NA") ? Double.NaN : Double.parseDouble(f[3])});
                } else {
                    double[] row = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        row[i] = Double.parseDouble(f[i]);
                    }
                    LONGLEY.add(row);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** [1, x1 … x6, y] of Longley's row i. */
    private static double[] design(double[] row) {
        double[] a = new double[8];
        a[0] = 1.0;
        System.arraycopy(row, 1, a, 1, 6);
        a[7] = row[0];
        return a;
    }

    private static LeastSquares.Solution longley(boolean reversed) {
        StreamingQr qr = new StreamingQr(8);
        for (int i = 0; i < LONGLEY.size(); i++) {
            qr.add(design(LONGLEY.get(reversed ? LONGLEY.size() - 1 - i : i)));
        }
        assertEquals(16, qr.rows());
        return LeastSquares.solve(qr.triangle(), qr.rows());
    }

    @Test
    void longleyAgainstNistCertifiedValues() {
        LeastSquares.Solution s = longley(false);
        assertEquals(0, s.aliased().length);
        double sigma2 = s.rss() / (16 - 7);
        // κ(X) of the raw Longley design is about 5·10⁹ (NIST), so a backward-stable QR is owed
        // |Δθ|/|θ| ≲ κ·u ≈ 10⁻⁶ in the worst case; Householder QR does far better in practice
        // (Lawson & Hanson), which is what is checked here: 10 certified digits of every value.
        for (int j = 0; j < 7; j++) {
            double[] c = CERTIFIED.get("B" + j);
            assertEquals(c[0], s.coefficients()[j], 1e-10 * Math.abs(c[0]), "B" + j);
            assertEquals(c[1], Math.sqrt(sigma2 * s.inverse()[j][j]), 1e-10 * c[1], "SE B" + j);
        }
        assertEquals(CERTIFIED.get("residual_sd")[0], Math.sqrt(sigma2), 1e-10 * 304.85, "residual sd");
        assertEquals(CERTIFIED.get("r_squared")[0], 1 - s.rss() / s.tss(), 1e-12, "R²");
    }

    @Test
    void longleyDoesNotDependOnRowOrder() {
        double[] a = longley(false).coefficients();
        double[] b = longley(true).coefficients();
        for (int j = 0; j < 7; j++) {
            assertEquals(a[j], b[j], 1e-10 * Math.abs(a[j]), "B" + j);
        }
    }

    @Test
    void blocksAndMergedFactorsGiveTheSameTriangleGram() {
        // RᵀR = AᵀA whatever the blocking: 1000 rows in one factor, and in two factors merged.
        Random rnd = new Random(5);
        StreamingQr one = new StreamingQr(4);
        StreamingQr left = new StreamingQr(4);
        StreamingQr right = new StreamingQr(4);
        double[][] gram = new double[4][4];
        for (int i = 0; i < 1000; i++) {
            double[] row = {1, rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            one.add(row);
            (i < 300 ? left : right).add(row);
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    gram[a][b] += row[a] * row[b];
                }
            }
        }
        left.add(right);
        assertEquals(1000, left.rows());
        for (StreamingQr f : new StreamingQr[] {one, left}) {
            double[][] r = f.triangle();
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    double g = 0;
                    for (int m = 0; m < 4; m++) {
                        g += r[m][a] * r[m][b];
                    }
                    assertEquals(gram[a][b], g, 1e-11 * Math.sqrt(gram[a][a] * gram[b][b]));
                }
                for (int m = a + 1; m < 4; m++) {
                    assertEquals(0.0, r[m][a], 0.0, "upper triangular");
                }
            }
        }
    }

    @Test
    void aliasedColumnsAreThoseRsLmReportsAsNa() {
        // x3 = x1 + x2 exactly: R's lm(y ~ x1 + x2 + x3 + x4) reports x3 as NA and fits the rest; so here.
        Random rnd = new Random(11);
        StreamingQr qr = new StreamingQr(6);
        StreamingQr reduced = new StreamingQr(5);
        for (int i = 0; i < 200; i++) {
            double x1 = Math.rint(100 * rnd.nextGaussian()) / 4;
            double x2 = Math.rint(100 * rnd.nextGaussian()) / 8;
            double x4 = rnd.nextGaussian();
            double y = 1 + x1 - x2 + 0.5 * x4 + rnd.nextGaussian();
            qr.add(new double[] {1, x1, x2, x1 + x2, x4, y});
            reduced.add(new double[] {1, x1, x2, x4, y});
        }
        LeastSquares.Solution s = LeastSquares.solve(qr.triangle(), 200);
        assertArrayEquals(new int[] {3}, s.aliased());
        assertEquals(4, s.rank());
        LeastSquares.Solution r = LeastSquares.solve(reduced.triangle(), 200);
        double[] expected = {r.coefficients()[0], r.coefficients()[1], r.coefficients()[2], 0, r.coefficients()[3]};
        for (int j = 0; j < 5; j++) {
            assertEquals(expected[j], s.coefficients()[j], 1e-12 * (1 + Math.abs(expected[j])), "θ" + j);
        }
        assertEquals(r.rss(), s.rss(), 1e-12 * r.rss());
        double[] dep = LeastSquares.dependence(qr.triangle(), s, 3);
        assertArrayEquals(new double[] {0, 1, 1, 0}, dep, 1e-12, "x3 = 0 + x1 + x2 + 0·x4");
    }

    @Test
    void aColumnJustAboveTheToleranceIsKept() {
        // x2 = x1 + 0.015·noise is ill-conditioned but not aliased (its residual is 1.5% of its norm).
        Random rnd = new Random(3);
        StreamingQr qr = new StreamingQr(4);
        for (int i = 0; i < 500; i++) {
            double x1 = rnd.nextGaussian();
            qr.add(new double[] {1, x1, x1 + 0.015 * rnd.nextGaussian(), x1 + rnd.nextGaussian()});
        }
        assertEquals(0, LeastSquares.solve(qr.triangle(), 500).aliased().length);
    }
}
