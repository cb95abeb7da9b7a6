package org.fallline.evolution.internal;

/**
 * Index layout of the second-order polynomial basis of k traits,
 * φ(d) = [1, d<sub>1</sub>, …, d<sub>k</sub>, ½d<sub>1</sub>², …, ½d<sub>k</sub>², d<sub>1</sub>d<sub>2</sub>,
 * d<sub>1</sub>d<sub>3</sub>, …, d<sub>k−1</sub>d<sub>k</sub>], the regressors of the Lande–Arnold
 * second-order model in R's column order; its first k + 1 entries are the first-order basis.
 */
public final class PolynomialBasis {

    private PolynomialBasis() {
    }

    /** 1 + k. */
    public static int firstOrderSize(int k) {
        return 1 + k;
    }

    /** 1 + 2k + k(k − 1)/2. */
    public static int secondOrderSize(int k) {
        return 1 + 2 * k + k * (k - 1) / 2;
    }

    /** Index of d<sub>i</sub>. */
    public static int linear(int i) {
        return 1 + i;
    }

    /** Index of ½d<sub>i</sub>². */
    public static int square(int k, int i) {
        return 1 + k + i;
    }

    /** Index of d<sub>i</sub>d<sub>j</sub>, i &lt; j. */
    public static int cross(int k, int i, int j) {
        return 1 + 2 * k + i * (2 * k - i - 1) / 2 + (j - i - 1);
    }

    /** Index of γ<sub>ij</sub>'s regressor: ½d<sub>i</sub>² on the diagonal, d<sub>i</sub>d<sub>j</sub> off it. */
    public static int quadratic(int k, int i, int j) {
        if (i == j) {
            return square(k, i);
        }
        return i < j ? cross(k, i, j) : cross(k, j, i);
    }

    /** Fills φ(d) into {@code phi} (length {@link #secondOrderSize(int)}). */
    public static void fill(double[] d, int k, double[] phi) {
        phi[0] = 1.0;
        int c = 1 + 2 * k;
        for (int i = 0; i < k; i++) {
            double di = d[i];
            phi[1 + i] = di;
            phi[1 + k + i] = 0.5 * di * di;
            for (int j = i + 1; j < k; j++) {
                phi[c++] = di * d[j];
            }
        }
    }
}
