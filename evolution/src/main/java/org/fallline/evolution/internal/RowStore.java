package org.fallline.evolution.internal;

import java.util.Arrays;

/**
 * The individuals of one group held in memory — fitness W and traits x in analysed units — for the
 * analyses that need them more than once: GLM fits, the bootstrap and the permutation test.
 * Stored row-major in one growing array, k + 1 + m numbers per individual (W, the k traits, the m raw
 * covariate values of {@link CovariateCoding}).
 */
public final class RowStore {

    private final int k;
    private final int m;
    private final int stride;
    private double[] data;
    private int n;

    public RowStore(int k) {
        this(k, 0);
    }

    /** Rows of k traits and m covariates. */
    public RowStore(int k, int m) {
        this.k = k;
        this.m = m;
        this.stride = k + 1 + m;
        this.data = new double[stride * 64];
    }

    /** Adds an individual: W, and x holding the k traits then the m covariate values. */
    public void add(double w, double[] x) {
        if ((n + 1) * stride > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, (n + 1) * stride));
        }
        int o = n * stride;
        data[o] = w;
        System.arraycopy(x, 0, data, o + 1, k + m);
        n++;
    }

    public int size() {
        return n;
    }

    public int traits() {
        return k;
    }

    /** Number of covariates m. */
    public int covariates() {
        return m;
    }

    /** Copies the traits then the covariate values of individual i into {@code out} (length k + m). */
    public void values(int i, double[] out) {
        System.arraycopy(data, i * stride + 1, out, 0, k + m);
    }

    /** Raw value of covariate j of individual i. */
    public double covariate(int i, int j) {
        return data[i * stride + 1 + k + j];
    }

    public double fitness(int i) {
        return data[i * stride];
    }

    /** Copies the traits of individual i into {@code out}. */
    public void traits(int i, double[] out) {
        System.arraycopy(data, i * stride + 1, out, 0, k);
    }

    /** Trait j of individual i. */
    public double trait(int i, int j) {
        return data[i * stride + 1 + j];
    }

    /** All fitness values, in order (new array). */
    public double[] fitness() {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = data[i * stride];
        }
        return w;
    }
}
