package org.fallline.evolution.internal;

import java.util.Arrays;

/**
 * The individuals of one group held in memory — fitness W and traits x in analysed units — for the
 * analyses that need them more than once: GLM fits, the bootstrap and the permutation test.
 * Stored row-major in one growing array, k + 1 numbers per individual.
 */
public final class RowStore {

    private final int k;
    private double[] data;
    private int n;

    public RowStore(int k) {
        this.k = k;
        this.data = new double[(k + 1) * 64];
    }

    public void add(double w, double[] x) {
        int stride = k + 1;
        if ((n + 1) * stride > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, (n + 1) * stride));
        }
        int o = n * stride;
        data[o] = w;
        System.arraycopy(x, 0, data, o + 1, k);
        n++;
    }

    public int size() {
        return n;
    }

    public int traits() {
        return k;
    }

    public double fitness(int i) {
        return data[i * (k + 1)];
    }

    /** Copies the traits of individual i into {@code out}. */
    public void traits(int i, double[] out) {
        System.arraycopy(data, i * (k + 1) + 1, out, 0, k);
    }

    /** Trait j of individual i. */
    public double trait(int i, int j) {
        return data[i * (k + 1) + 1 + j];
    }

    /** All fitness values, in order (new array). */
    public double[] fitness() {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = data[i * (k + 1)];
        }
        return w;
    }
}
