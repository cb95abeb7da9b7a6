package org.fallline.evolution.internal;

import java.util.Arrays;

/**
 * What the least-squares analyses of one group need from its rows, accumulated one individual at a
 * time in memory that does not grow with the number of individuals. Traits and fitness are first
 * carried to well-scaled coordinates d = (x − x₀)/u and e = (W − W₀)/v, where x₀ and W₀ are the means
 * of the group's first {@value StreamingQr#BLOCK} individuals (so an outlier among them moves the origin
 * by a fraction of its distance only, whatever the order of the rows) and u, v are powers of two near
 * those individuals' spread (exact scalings that keep values near 1e±200 away from overflow and
 * underflow). It holds the triangular factor R of the augmented design [φ(d) | c | e] ({@link StreamingQr};
 * φ the second-order basis of {@link PolynomialBasis}, or its first-order part only when the
 * second-order model is not wanted; c the r covariate columns of {@link CovariateCoding}, each carried as
 * (c − c₀)/u<sub>c</sub> with origin and unit chosen as the traits'), the plain sums Σφ and Σφe of the whole second-order basis (for the
 * selection differentials), n, and each trait's range.
 *
 * <p>Not thread-safe.
 */
public final class ShiftedDesign {

    private final int k;
    private final int q;
    private final int p;
    private final boolean secondOrder;
    private final StreamingQr qr;
    private final CovariateCoding coding;
    private final int r;
    private final double[] cov;
    private final double[] covMaxAbs;
    private double[] cshift;
    private double[] cunit;
    private double[] shift;
    private double[] unit;
    private double y0;
    private double v = 1.0;
    private long n;
    private final double[] sum;
    private final double[] xy;
    private final double[] min;
    private final double[] max;
    private final double[] d;
    private final double[] phi;
    /** The first individuals, held until the origin is chosen: k + 1 numbers each (W first). */
    private double[] start;
    private int started;

    /**
     * @param k           number of traits
     * @param secondOrder whether to factor the whole second-order basis
     */
    public ShiftedDesign(int k, boolean secondOrder) {
        this(k, secondOrder, CovariateCoding.NONE);
    }

    /**
     * @param k           number of traits
     * @param secondOrder whether to factor the whole second-order basis
     * @param coding      the covariates' design columns
     */
    public ShiftedDesign(int k, boolean secondOrder, CovariateCoding coding) {
        this.k = k;
        this.coding = coding;
        this.r = coding.width();
        this.cov = new double[r];
        this.covMaxAbs = new double[r];
        this.q = PolynomialBasis.secondOrderSize(k);
        this.secondOrder = secondOrder;
        this.p = secondOrder ? q : PolynomialBasis.firstOrderSize(k);
        this.qr = new StreamingQr(p + r + 1);
        this.sum = new double[q];
        this.xy = new double[q];
        this.min = new double[k];
        this.max = new double[k];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        this.d = new double[k];
        this.phi = new double[q];
        this.start = new double[(k + 1 + r) * StreamingQr.BLOCK];
    }

    /** Adds one individual with fitness w and traits x (followed by the raw covariate values, if any). */
    public void add(double w, double[] x) {
        for (int i = 0; i < k; i++) {
            double xi = x[i];
            if (xi < min[i]) {
                min[i] = xi;
            }
            if (xi > max[i]) {
                max[i] = xi;
            }
        }
        n++;
        if (r > 0) {
            coding.fill(x, k, cov, 0);
            for (int j = 0; j < r; j++) {
                covMaxAbs[j] = Math.max(covMaxAbs[j], Math.abs(cov[j]));
            }
        }
        if (start != null) {
            int o = started * (k + 1 + r);
            start[o] = w;
            System.arraycopy(x, 0, start, o + 1, k);
            System.arraycopy(cov, 0, start, o + 1 + k, r);
            if (++started == StreamingQr.BLOCK) {
                begin();
            }
            return;
        }
        addScaled(w, x, cov);
    }

    /** Chooses the origin and units from the held individuals and factors them. */
    private void begin() {
        int m = started;
        double[] held = start;
        start = null;
        int stride = k + 1 + r;
        // traits and covariate columns alike: entry i of a held row at 1 + i
        int cols = k + r;
        double[] s0 = new double[cols];
        // Running means, which cannot overflow for finite values.
        y0 = 0;
        for (int row = 0; row < m; row++) {
            y0 += (held[row * stride] - y0) / (row + 1);
            for (int i = 0; i < cols; i++) {
                s0[i] += (held[row * stride + 1 + i] - s0[i]) / (row + 1);
            }
        }
        double wspread = 0;
        double[] spread = new double[cols];
        for (int row = 0; row < m; row++) {
            wspread = Math.max(wspread, Math.abs(held[row * stride] - y0));
            for (int i = 0; i < cols; i++) {
                spread[i] = Math.max(spread[i], Math.abs(held[row * stride + 1 + i] - s0[i]));
            }
        }
        v = powerOfTwo(wspread);
        double[] u0 = new double[cols];
        for (int i = 0; i < cols; i++) {
            u0[i] = powerOfTwo(spread[i]);
        }
        shift = java.util.Arrays.copyOf(s0, k);
        unit = java.util.Arrays.copyOf(u0, k);
        cshift = java.util.Arrays.copyOfRange(s0, k, cols);
        cunit = java.util.Arrays.copyOfRange(u0, k, cols);
        double[] x = new double[k];
        double[] c = new double[r];
        for (int row = 0; row < m; row++) {
            System.arraycopy(held, row * stride + 1, x, 0, k);
            System.arraycopy(held, row * stride + 1 + k, c, 0, r);
            addScaled(held[row * stride], x, c);
        }
    }

    /** 2^⌊log₂ s⌋ for a positive finite s, else 1. */
    private static double powerOfTwo(double s) {
        return s > 0 && Double.isFinite(s) ? Math.scalb(1.0, Math.getExponent(s)) : 1.0;
    }

    private void addScaled(double w, double[] x, double[] c) {
        for (int i = 0; i < k; i++) {
            d[i] = (x[i] - shift[i]) / unit[i];
        }
        double e = (w - y0) / v;
        PolynomialBasis.fill(d, k, phi);
        for (int a = 0; a < q; a++) {
            sum[a] += phi[a];
            xy[a] += phi[a] * e;
        }
        double[] block = qr.pendingBlock();
        int row = qr.nextRow();
        for (int a = 0; a < p; a++) {
            block[a * StreamingQr.BLOCK + row] = phi[a];
        }
        for (int j = 0; j < r; j++) {
            block[(p + j) * StreamingQr.BLOCK + row] = (c[j] - cshift[j]) / cunit[j];
        }
        block[(p + r) * StreamingQr.BLOCK + row] = e;
        qr.commitRow();
    }

    private void ready() {
        if (start != null) {
            begin();
        }
    }

    public int traits() {
        return k;
    }

    public long n() {
        return n;
    }

    /** The covariates' design columns. */
    public CovariateCoding coding() {
        return coding;
    }

    /** Number of covariate design columns r. */
    public int covariateColumns() {
        return r;
    }

    /** The largest |value| of each covariate column (copy). */
    public double[] covariateMaxAbs() {
        return covMaxAbs.clone();
    }

    /** The covariate columns' origin c₀ (copy). */
    public double[] covariateShift() {
        ready();
        return cshift.clone();
    }

    /** The covariate columns' units u<sub>c</sub>, powers of two (copy). */
    public double[] covariateUnit() {
        ready();
        return cunit.clone();
    }

    /** Whether R covers the whole second-order basis. */
    public boolean secondOrder() {
        return secondOrder;
    }

    /** The trait origin x₀ (copy). */
    public double[] shift() {
        ready();
        return shift.clone();
    }

    /** The trait units u, powers of two (copy). */
    public double[] unit() {
        ready();
        return unit.clone();
    }

    /** W₀. */
    public double fitnessShift() {
        ready();
        return y0;
    }

    /** v, a power of two. */
    public double fitnessUnit() {
        ready();
        return v;
    }

    /** Σφ over the second-order basis (a view). */
    double[] sum() {
        ready();
        return sum;
    }

    /** Σφe over the second-order basis (a view). */
    double[] sumWithFitness() {
        ready();
        return xy;
    }

    /** R of [φ(d) | c | e] over the factored block, (p + r + 1) × (p + r + 1), upper triangular; a copy. */
    double[][] triangle() {
        ready();
        return qr.triangle();
    }

    /** Smallest value of each trait (copy). */
    public double[] min() {
        return min.clone();
    }

    /** Largest value of each trait (copy). */
    public double[] max() {
        return max.clone();
    }

    /** Mean of trait i, x₀ᵢ + uᵢΣdᵢ/n. */
    public double mean(int i) {
        ready();
        return shift[i] + unit[i] * (sum[PolynomialBasis.linear(i)] / n);
    }

    /** Mean fitness W̄ = W₀ + vΣe/n. */
    public double meanFitness() {
        ready();
        return y0 + v * (xy[0] / n);
    }
}
