package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fallline.evolution.io.PhenotypeTable;
import org.junit.jupiter.api.Test;

/**
 * Least squares on data that defeat the normal equations, against the exact answer: the whole
 * Lande–Arnold computation (standardisation, relative fitness, first- and second-order fits) redone in
 * 60-digit decimal arithmetic ({@link BigDecimal}) and compared with the double-precision analysis.
 */
class AdversarialDataTest {

    private static final MathContext MC = new MathContext(60);
    private static final List<String> HEADER = List.of("W", "a", "b", "c");

    /** 2000 individuals, three correlated traits, positive continuous fitness. */
    private static List<double[]> sample(long seed, boolean nearCollinear) {
        Random r = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double u1 = r.nextGaussian();
            double u2 = nearCollinear ? u1 + 0.015 * r.nextGaussian() : 0.4 * u1 + r.nextGaussian();
            double u3 = r.nextGaussian();
            double w = Math.exp(0.3 * u1 - 0.2 * u3 - 0.1 * u1 * u1 + 0.3 * r.nextGaussian());
            rows.add(new double[] {w, 50 + 4 * u1, 20 + 2 * u2, 7 + u3});
        }
        return rows;
    }

    private static GroupReport analyse(List<double[]> rows) {
        return new SelectionAnalysis().analyze(PhenotypeTable.numeric("t", HEADER, rows.toArray(new double[0][])),
                SelectionOptions.builder().fitness("W").traits("a", "b", "c").build()).groups().get(0);
    }

    /** β (3) then γ in the order of the report (i ≤ j), exactly. */
    static double[] exact(List<double[]> rows) {
        int n = rows.size();
        int k = 3;
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal[] mean = new BigDecimal[k + 1];
        for (int c = 0; c <= k; c++) {
            BigDecimal s = BigDecimal.ZERO;
            for (double[] row : rows) {
                s = s.add(new BigDecimal(row[c]));
            }
            mean[c] = s.divide(bn, MC);
        }
        BigDecimal[] sd = new BigDecimal[k];
        for (int i = 0; i < k; i++) {
            BigDecimal ss = BigDecimal.ZERO;
            for (double[] row : rows) {
                BigDecimal d = new BigDecimal(row[1 + i]).subtract(mean[1 + i]);
                ss = ss.add(d.multiply(d, MC), MC);
            }
            sd[i] = ss.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC);
        }
        int q = 10;
        BigDecimal[][] gram = new BigDecimal[q][q + 1];
        for (BigDecimal[] g : gram) {
            java.util.Arrays.fill(g, BigDecimal.ZERO);
        }
        BigDecimal half = new BigDecimal("0.5");
        for (double[] row : rows) {
            BigDecimal[] z = new BigDecimal[k];
            for (int i = 0; i < k; i++) {
                z[i] = new BigDecimal(row[1 + i]).subtract(mean[1 + i]).divide(sd[i], MC);
            }
            BigDecimal[] psi = {BigDecimal.ONE, z[0], z[1], z[2], half.multiply(z[0].multiply(z[0], MC)),
                half.multiply(z[1].multiply(z[1], MC)), half.multiply(z[2].multiply(z[2], MC)),
                z[0].multiply(z[1], MC), z[0].multiply(z[2], MC), z[1].multiply(z[2], MC)};
            BigDecimal w = new BigDecimal(row[0]).divide(mean[0], MC);
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    gram[a][b] = gram[a][b].add(psi[a].multiply(psi[b], MC), MC);
                }
                gram[a][q] = gram[a][q].add(psi[a].multiply(w, MC), MC);
            }
        }
        BigDecimal[] first = solve(gram, 4);
        BigDecimal[] second = solve(gram, q);
        // γ order of the report: a:a, a:b, a:c, b:b, b:c, c:c; basis order ½a², ½b², ½c², ab, ac, bc.
        int[] gammaColumn = {4, 7, 8, 5, 9, 6};
        double[] out = new double[3 + 6];
        for (int i = 0; i < 3; i++) {
            out[i] = first[1 + i].doubleValue();
        }
        for (int g = 0; g < 6; g++) {
            out[3 + g] = second[gammaColumn[g]].doubleValue();
        }
        return out;
    }

    /** Gauss–Jordan with partial pivoting on the leading m × m block of the augmented Gram matrix. */
    private static BigDecimal[] solve(BigDecimal[][] gram, int m) {
        int q = gram.length;
        BigDecimal[][] a = new BigDecimal[m][m + 1];
        for (int i = 0; i < m; i++) {
            System.arraycopy(gram[i], 0, a[i], 0, m);
            a[i][m] = gram[i][q];
        }
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int i = c + 1; i < m; i++) {
                if (a[i][c].abs().compareTo(a[piv][c].abs()) > 0) {
                    piv = i;
                }
            }
            BigDecimal[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int i = 0; i < m; i++) {
                if (i != c) {
                    BigDecimal f = a[i][c].divide(a[c][c], MC);
                    for (int j = c; j <= m; j++) {
                        a[i][j] = a[i][j].subtract(f.multiply(a[c][j], MC), MC);
                    }
                }
            }
        }
        BigDecimal[] x = new BigDecimal[m];
        for (int i = 0; i < m; i++) {
            x[i] = a[i][m].divide(a[i][i], MC);
        }
        return x;
    }

    private static double[] estimates(GroupReport g) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            out[i] = g.gradient().beta().get(i).estimate();
        }
        List<Coefficient> gamma = g.quadratic().orElseThrow().gamma();
        for (int j = 0; j < 6; j++) {
            out[3 + j] = gamma.get(j).estimate();
        }
        return out;
    }

    private static void agree(double[] expected, double[] actual, double rel, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.abs(expected[i]), what + " [" + i + "]");
        }
    }

    @Test
    void anOutlierAt300SdGivesTheSameAnswerFirstOrLast() {
        // The normal equations about the first individual lost four digits of γ here (2.3e-4 relative).
        List<double[]> rows = sample(1, false);
        double[] outlier = {1.7, 50 + 4 * 300, 21, 7.5};
        List<double[]> first = new ArrayList<>();
        first.add(outlier);
        first.addAll(rows);
        List<double[]> last = new ArrayList<>(rows);
        last.add(outlier);
        double[] exact = exact(first);
        double[] a = estimates(analyse(first));
        double[] b = estimates(analyse(last));
        agree(exact, a, 1e-10, "outlier first vs exact");
        agree(exact, b, 1e-10, "outlier last vs exact");
        agree(a, b, 1e-10, "first vs last");
    }

    @Test
    void nearlyCollinearTraitsAreSolvedNotRefused() {
        // b = a + 0.015·noise (correlation 0.99989): refused as singular by the normal equations.
        List<double[]> rows = sample(2, true);
        double[] exact = exact(rows);
        double[] got = estimates(analyse(rows));
        double big = 0;
        for (double v : exact) {
            big = Math.max(big, Math.abs(v));
        }
        for (int i = 0; i < exact.length; i++) {
            assertEquals(exact[i], got[i], 1e-10 * big, "near-collinear [" + i + "]");
        }
    }

    @Test
    void traitsNearTheLowerEdgeOfDoublePrecision() {
        // Standardised gradients do not change when traits are scaled: x·1e−200 is analysed exactly as x
        // (the design's units are powers of two near the data's spread, so no square underflows).
        List<double[]> rows = sample(3, false);
        double[] base = estimates(analyse(rows));
        List<double[]> scaled = new ArrayList<>();
        for (double[] r : rows) {
            scaled.add(new double[] {r[0] * 1e-200, r[1] * 1e-200, r[2] * 1e-200, r[3]});
        }
        agree(base, estimates(analyse(scaled)), 1e-12, "scaled by 1e-200");
    }

    @Test
    void valuesBeyondDoublePrecisionGiveAClearMessage() {
        List<double[]> rows = sample(4, false);
        List<double[]> wild = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i).clone();
            if (i >= 500) {
                r[1] *= 1e200;
            }
            wild.add(r);
        }
        SelectionException e = assertThrows(SelectionException.class, () -> analyse(wild));
        assertEquals(SelectionException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("trait 'a' "), e.getMessage());
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
        // Traits and fitness around 1e200: their sums of squares cannot be formed.
        List<double[]> big = new ArrayList<>();
        List<double[]> rich = new ArrayList<>();
        for (double[] r : rows) {
            big.add(new double[] {r[0], r[1] * 1e200, r[2], r[3]});
            rich.add(new double[] {r[0] * 1e200, r[1], r[2], r[3]});
        }
        SelectionException traits = assertThrows(SelectionException.class, () -> analyse(big));
        assertTrue(traits.getMessage().contains("'a'") && traits.getMessage().contains("overflow"), traits.getMessage());
        SelectionException fitness = assertThrows(SelectionException.class, () -> analyse(rich));
        assertTrue(fitness.getMessage().startsWith("fitness values up to"), fitness.getMessage());
    }
}
