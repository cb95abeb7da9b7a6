package org.fallline.evolution;

import java.util.Locale;
import java.util.Random;

/** Small generated phenotype tables for tests. */
final class Tables {

    private Tables() {
    }

    /**
     * CSV text with columns id, grp (1 or 2), a, b, c (correlated normal traits around 10, 20, 30) and a
     * count fitness W from a Gaussian fitness function with a tilt.
     */
    static String random(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("id,grp,a,b,c,W\n");
        for (int i = 0; i < n; i++) {
            double u1 = r.nextGaussian();
            double u2 = 0.5 * u1 + r.nextGaussian();
            double u3 = r.nextGaussian() - 0.3 * u2;
            double eta = 0.5 + 0.3 * u1 - 0.2 * u2 - 0.15 * u1 * u1 - 0.1 * u3 * u3 + 0.1 * u1 * u3;
            int w = poisson(r, Math.exp(eta));
            sb.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.4f,%d%n", i + 1, 1 + (i % 2), 10 + u1, 20 + 2 * u2,
                    30 + 0.5 * u3, w));
        }
        return sb.toString();
    }

    /** A numeric CSV resource as rows of numbers (empty cells NaN), header first in {@code header}. */
    static double[][] read(String resource, java.util.List<String> header) {
        try (java.io.Reader r = new java.io.InputStreamReader(Tables.class.getResourceAsStream(resource),
                java.nio.charset.StandardCharsets.UTF_8); com.opencsv.CSVReader csv = new com.opencsv.CSVReader(r)) {
            java.util.List<String[]> all = csv.readAll();
            header.addAll(java.util.List.of(all.get(0)));
            double[][] out = new double[all.size() - 1][];
            for (int i = 1; i < all.size(); i++) {
                String[] f = all.get(i);
                out[i - 1] = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    out[i - 1][j] = f[j].isEmpty() ? Double.NaN : Double.parseDouble(f[j]);
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    static int poisson(Random r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }
}
