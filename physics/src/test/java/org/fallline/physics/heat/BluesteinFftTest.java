package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The transform of any length against the defining sum X_k = Σ_j x_j e^{−2πijk/M}. */
class BluesteinFftTest {

    @Test
    void complexTransformOfAnyLengthIsTheDefiningSum() {
        Random rnd = new Random(7);
        for (int m : new int[] {1, 2, 3, 5, 12, 16, 73, 137, 1000}) {
            double[] re = new double[m];
            double[] im = new double[m];
            for (int j = 0; j < m; j++) {
                re[j] = rnd.nextGaussian();
                im[j] = rnd.nextGaussian();
            }
            double[] fr = re.clone();
            double[] fi = im.clone();
            new BluesteinFft(m).forward(fr, fi);
            for (int k = 0; k < m; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < m; j++) {
                    double a = -2 * Math.PI * ((long) j * k % m) / m;
                    sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                    si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
                }
                assertEquals(sr, fr[k], 1e-11 * m, "M = " + m + ", k = " + k);
                assertEquals(si, fi[k], 1e-11 * m, "M = " + m + ", k = " + k);
            }
            new BluesteinFft(m).inverse(fr, fi);
            for (int j = 0; j < m; j++) {
                assertEquals(re[j], fr[j], 1e-12 * m);
                assertEquals(im[j], fi[j], 1e-12 * m);
            }
        }
    }

    @Test
    void realTransformIsTheHalfSpectrumAndInvertsExactly() {
        Random rnd = new Random(11);
        for (int half : new int[] {1, 2, 3, 8, 101}) {
            int m = 2 * half;
            double[] x = new double[m];
            for (int j = 0; j < m; j++) {
                x[j] = rnd.nextGaussian();
            }
            double[] re = new double[half + 1];
            double[] im = new double[half + 1];
            BluesteinFft fft = new BluesteinFft(half);
            fft.realForward(x, re, im);
            for (int k = 0; k <= half; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < m; j++) {
                    double a = -2 * Math.PI * ((long) j * k % m) / m;
                    sr += x[j] * Math.cos(a);
                    si += x[j] * Math.sin(a);
                }
                assertEquals(sr, re[k], 1e-11 * m, "2M = " + m + ", k = " + k);
                assertEquals(si, im[k], 1e-11 * m, "2M = " + m + ", k = " + k);
            }
            double[] back = new double[m];
            fft.realInverse(re, im, back);
            for (int j = 0; j < m; j++) {
                assertEquals(x[j], back[j], 1e-12 * m);
            }
        }
    }
}
