package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The direct DST-I against its defining sum F_k = Σ_j x_j sin(πjk/(n+1)), and S² = ((n+1)/2)·I. */
class SineTransformTest {

    @Test
    void transformOfAStridedLineIsTheDefiningSum() {
        Random rnd = new Random(5);
        // n + 1 odd, even, a power of two (no chirp), and the two prime factors of 10001
        for (int n : new int[] {1, 2, 3, 4, 7, 72, 100, 136}) {
            int stride = 3;
            double[] x = new double[n * stride + 1];
            double[] y = new double[n * stride + 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = rnd.nextGaussian();
            }
            double[] fx = x.clone();
            double[] fy = y.clone();
            double[] single = x.clone();
            SineTransform st = new SineTransform(n);
            st.transform(fx, 1, stride, 1);
            st.transform(fy, 2, stride, 1);
            st.transform(single, 1, stride, 1);
            for (int k = 1; k <= n; k++) {
                double sx = 0;
                double sy = 0;
                for (int j = 1; j <= n; j++) {
                    double s = Math.sin(Math.PI * ((long) j * k % (2L * (n + 1))) / (n + 1));
                    sx += x[1 + (j - 1) * stride] * s;
                    sy += y[2 + (j - 1) * stride] * s;
                }
                assertEquals(sx, fx[1 + (k - 1) * stride], 1e-12 * n, "n = " + n + ", k = " + k);
                assertEquals(sy, fy[2 + (k - 1) * stride], 1e-12 * n, "n = " + n + ", k = " + k);
                assertEquals(sx, single[1 + (k - 1) * stride], 1e-12 * n, "n = " + n + ", k = " + k);
            }
            // untouched between the strided points, and inverted by the 2/(n+1) scaling
            assertEquals(x[0], fx[0]);
            st.transform(fx, 1, stride, 2.0 / (n + 1));
            st.transform(fy, 2, stride, 2.0 / (n + 1));
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], fx[i], 1e-13 * n, "n = " + n);
            }
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], fy[i], 1e-13 * n, "n = " + n);
            }
        }
    }
}
