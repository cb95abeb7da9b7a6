package org.fallline.physics.heat;

import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * The discrete Fourier transform X_k = Σ_j x_j e^{−2πijk/M} of any length M. Hipparchus'
 * {@link FastFourierTransformer} takes powers of two only; other lengths go through Bluestein's
 * chirp-z identity jk = (j² + k² − (k − j)²)/2, which turns the DFT into a circular convolution
 * with the chirp e^{iπj²/M}, done by power-of-two FFTs of length ≥ 2M − 1 (Bluestein 1970;
 * Oppenheim and Schafer, <i>Discrete-Time Signal Processing</i>, §9.6.2). The chirp's transform is
 * computed once per length. Real sequences of even length 2M go through a complex transform of length
 * M of the even and odd samples ({@link #realForward}, {@link #realInverse}; Press et al., <i>Numerical
 * Recipes</i>, 3rd ed., §12.3). Instances hold work arrays: one per thread.
 */
final class BluesteinFft {

    private final int length;
    private final boolean powerOfTwo;
    private final int padded;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[][] kernel;
    private final double[][] work;

    BluesteinFft(int length) {
        this.length = length;
        this.powerOfTwo = Integer.bitCount(length) == 1;
        if (powerOfTwo) {
            padded = length;
            chirpRe = null;
            chirpIm = null;
            kernel = null;
            work = new double[2][length];
            return;
        }
        int p = Integer.highestOneBit(2 * length - 1);
        padded = p < 2 * length - 1 ? 2 * p : p;
        chirpRe = new double[length];
        chirpIm = new double[length];
        long twice = 2L * length;
        for (int j = 0; j < length; j++) {
            // e^{−iπj²/M}, with j² reduced mod 2M so that the angle stays accurate for large j
            long r = ((long) j * j) % twice;
            double angle = Math.PI * r / length;
            chirpRe[j] = Math.cos(angle);
            chirpIm[j] = -Math.sin(angle);
        }
        kernel = new double[2][padded];
        // the conjugate chirp, wrapped, and divided by the padded length: the 1/P of the inverse transform
        // of the convolution is taken here once instead of in every transform
        double scale = 1.0 / padded;
        for (int j = 0; j < length; j++) {
            kernel[0][j] = scale * chirpRe[j];
            kernel[1][j] = -scale * chirpIm[j];
            if (j > 0) {
                kernel[0][padded - j] = kernel[0][j];
                kernel[1][padded - j] = kernel[1][j];
            }
        }
        FastFourierTransformer.transformInPlace(kernel, DftNormalization.STANDARD, TransformType.FORWARD);
        work = new double[2][padded];
    }

    int length() {
        return length;
    }

    /** In place: (re, im) ← DFT(re, im), unnormalised. */
    void forward(double[] re, double[] im) {
        if (powerOfTwo) {
            if (re.length == length && im.length == length) {
                FastFourierTransformer.transformInPlace(new double[][] {re, im}, DftNormalization.STANDARD,
                        TransformType.FORWARD);
                return;
            }
            System.arraycopy(re, 0, work[0], 0, length);
            System.arraycopy(im, 0, work[1], 0, length);
            FastFourierTransformer.transformInPlace(work, DftNormalization.STANDARD, TransformType.FORWARD);
            System.arraycopy(work[0], 0, re, 0, length);
            System.arraycopy(work[1], 0, im, 0, length);
            return;
        }
        double[] wr = work[0];
        double[] wi = work[1];
        for (int j = 0; j < length; j++) {
            wr[j] = re[j] * chirpRe[j] - im[j] * chirpIm[j];
            wi[j] = re[j] * chirpIm[j] + im[j] * chirpRe[j];
        }
        java.util.Arrays.fill(wr, length, padded, 0);
        java.util.Arrays.fill(wi, length, padded, 0);
        FastFourierTransformer.transformInPlace(work, DftNormalization.STANDARD, TransformType.FORWARD);
        double[] kr = kernel[0];
        double[] ki = kernel[1];
        // the product with the kernel, conjugated: the inverse transform of z is conj(DFT(conj z))/P, so
        // the second transform is a forward one too (and the 1/P is in the kernel)
        for (int j = 0; j < padded; j++) {
            double a = wr[j];
            double b = wi[j];
            wr[j] = a * kr[j] - b * ki[j];
            wi[j] = -(a * ki[j] + b * kr[j]);
        }
        FastFourierTransformer.transformInPlace(work, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int k = 0; k < length; k++) {
            double a = wr[k];
            double b = -wi[k];
            re[k] = a * chirpRe[k] - b * chirpIm[k];
            im[k] = a * chirpIm[k] + b * chirpRe[k];
        }
    }

    /** In place: (re, im) ← inverse DFT, normalised by 1/M. */
    void inverse(double[] re, double[] im) {
        for (int j = 0; j < length; j++) {
            im[j] = -im[j];
        }
        forward(re, im);
        double s = 1.0 / length;
        for (int j = 0; j < length; j++) {
            re[j] *= s;
            im[j] *= -s;
        }
    }

    /**
     * The DFT X_k, k = 0 … M, of the real sequence x of length 2M (M = {@link #length()}); x is
     * read, the half spectrum written to (re, im), each of length M + 1.
     */
    void realForward(double[] x, double[] re, double[] im) {
        int m = length;
        for (int j = 0; j < m; j++) {
            re[j] = x[2 * j];
            im[j] = x[2 * j + 1];
        }
        forward(re, im);
        // Z_k = E_k + i O_k with E, O the transforms of the even and odd samples
        double z0r = re[0];
        double z0i = im[0];
        re[m] = z0r - z0i;
        im[m] = 0;
        re[0] = z0r + z0i;
        im[0] = 0;
        for (int k = 1; 2 * k <= m; k++) {
            int l = m - k;
            double ar = re[k];
            double ai = im[k];
            double br = re[l];
            double bi = im[l];
            // E_k = (Z_k + conj Z_{m−k})/2, O_k = (Z_k − conj Z_{m−k})/(2i)
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai - bi);
            double or = 0.5 * (ai + bi);
            double oi = -0.5 * (ar - br);
            double angle = -Math.PI * k / m;
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double tr = c * or - s * oi;
            double ti = c * oi + s * or;
            re[k] = er + tr;
            im[k] = ei + ti;
            // X_{m−k} = conj(E_k) − conj(W^k O_k)·(−1)... from the symmetry of E and O
            re[l] = er - tr;
            im[l] = -(ei - ti);
        }
    }

    /** The inverse of {@link #realForward}: the real x of length 2M from X_k, k = 0 … M (Hermitian). */
    void realInverse(double[] re, double[] im, double[] x) {
        int m = length;
        double x0 = re[0];
        double xm = re[m];
        re[0] = 0.5 * (x0 + xm);
        im[0] = 0.5 * (x0 - xm);
        for (int k = 1; 2 * k <= m; k++) {
            int l = m - k;
            double ar = re[k];
            double ai = im[k];
            double br = re[l];
            double bi = -im[l];
            // E_k = (X_k + X_{k+m})/2 with X_{k+m} = conj X_{m−k}; W^k O_k = (X_k − X_{k+m})/2
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai + bi);
            double wr = 0.5 * (ar - br);
            double wi = 0.5 * (ai - bi);
            double angle = Math.PI * k / m;
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double or = c * wr - s * wi;
            double oi = c * wi + s * wr;
            // Z_k = E_k + i O_k, Z_{m−k} = conj(E_k) + i conj(O_k)
            re[k] = er - oi;
            im[k] = ei + or;
            re[l] = er + oi;
            im[l] = -ei + or;
        }
        inverse(re, im);
        for (int j = 0; j < m; j++) {
            x[2 * j] = re[j];
            x[2 * j + 1] = im[j];
        }
    }
}
