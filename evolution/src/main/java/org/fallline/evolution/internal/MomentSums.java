package org.fallline.evolution.internal;

/**
 * Sufficient statistics of the least-squares analyses of one group, accumulated one individual at a
 * time so that memory does not grow with the number of individuals. With d = x − x₀ and e = W − W₀
 * (x₀, W₀ a fixed shift, the group's first individual, which keeps the sums of products well
 * conditioned) and φ(d) the second-order basis of {@link PolynomialBasis}, it holds n, Σφ, Σφe, Σe²,
 * the cross-products Σφφᵀ (of the whole basis, or of its first-order part only when the second-order
 * model is not wanted) and the per-trait minimum and maximum. Every analysis that is linear in the
 * standardised basis — differentials, first- and second-order fits, the double regression — follows
 * from these sums ({@link StandardizedMoments}).
 *
 * <p>Not thread-safe; one instance per thread, combined with {@link #add(MomentSums)}.
 */
public final class MomentSums {

    private final int k;
    private final int p;
    private final int q;
    private final double[] shift;
    private final double y0;
    private long n;
    private final double[] sum;
    private final double[] xx;
    private final double[] xy;
    private double yy;
    private final double[] min;
    private final double[] max;
    private final double[] d;
    /** Basis vectors of individuals whose products are not yet in Σφφᵀ ({@link #flush}). */
    private final double[][] pending;
    private int pendingRows;
    private static final int PENDING = 4;

    /**
     * @param shift        x₀, the trait shift (copied)
     * @param y0           W₀, the fitness shift
     * @param secondOrder  whether to accumulate the cross-products of the whole second-order basis
     */
    public MomentSums(double[] shift, double y0, boolean secondOrder) {
        this.k = shift.length;
        this.q = PolynomialBasis.secondOrderSize(k);
        this.p = secondOrder ? q : PolynomialBasis.firstOrderSize(k);
        this.shift = shift.clone();
        this.y0 = y0;
        this.sum = new double[q];
        this.xx = new double[p * (p + 1) / 2];
        this.xy = new double[q];
        this.min = new double[k];
        this.max = new double[k];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        this.d = new double[k];
        this.pending = new double[PENDING][q];
    }

    /** An empty accumulator with the same shift and order as this one. */
    public MomentSums emptyCopy() {
        return new MomentSums(shift, y0, p == q);
    }

    /** Adds one individual with fitness y and traits x. */
    public void add(double y, double[] x) {
        for (int i = 0; i < k; i++) {
            double xi = x[i];
            d[i] = xi - shift[i];
            if (xi < min[i]) {
                min[i] = xi;
            }
            if (xi > max[i]) {
                max[i] = xi;
            }
        }
        addShifted(y - y0, d);
    }

    /** Adds one individual given as e = W − W₀ and d = x − x₀ (ranges are not updated). */
    void addShifted(double e, double[] dx) {
        double[] phi = pending[pendingRows];
        PolynomialBasis.fill(dx, k, phi);
        n++;
        yy += e * e;
        for (int a = 0; a < q; a++) {
            sum[a] += phi[a];
            xy[a] += phi[a] * e;
        }
        if (++pendingRows == PENDING) {
            flush();
        }
    }

    /**
     * Adds the pending individuals' products to Σφφᵀ. Four at a time, each sum gains its four terms
     * in the order of the individuals (the same rounding as one at a time) for one load and store.
     */
    private void flush() {
        if (pendingRows == PENDING) {
            double[] r0 = pending[0];
            double[] r1 = pending[1];
            double[] r2 = pending[2];
            double[] r3 = pending[3];
            int idx = 0;
            for (int a = 0; a < p; a++) {
                double f0 = r0[a];
                double f1 = r1[a];
                double f2 = r2[a];
                double f3 = r3[a];
                int off = idx - a;
                // Row a of the upper triangle: independent updates, which the JIT can vectorise.
                for (int b = a; b < p; b++) {
                    xx[off + b] = xx[off + b] + f0 * r0[b] + f1 * r1[b] + f2 * r2[b] + f3 * r3[b];
                }
                idx += p - a;
            }
        } else {
            for (int r = 0; r < pendingRows; r++) {
                double[] phi = pending[r];
                int idx = 0;
                for (int a = 0; a < p; a++) {
                    double fa = phi[a];
                    int off = idx - a;
                    for (int b = a; b < p; b++) {
                        xx[off + b] += fa * phi[b];
                    }
                    idx += p - a;
                }
            }
        }
        pendingRows = 0;
    }

    /** Adds another accumulator's sums (same shift and order). */
    public void add(MomentSums other) {
        if (other.p != p || other.k != k || other.y0 != y0 || !java.util.Arrays.equals(other.shift, shift)) {
            throw new IllegalArgumentException("moment sums with different shifts or orders cannot be added");
        }
        flush();
        other.flush();
        n += other.n;
        yy += other.yy;
        for (int a = 0; a < q; a++) {
            sum[a] += other.sum[a];
            xy[a] += other.xy[a];
        }
        for (int a = 0; a < xx.length; a++) {
            xx[a] += other.xx[a];
        }
        for (int i = 0; i < k; i++) {
            min[i] = Math.min(min[i], other.min[i]);
            max[i] = Math.max(max[i], other.max[i]);
        }
    }

    public int traits() {
        return k;
    }

    public long n() {
        return n;
    }

    /** Whether Σφφᵀ covers the whole second-order basis. */
    public boolean secondOrder() {
        return p == q;
    }

    /** Size of the block of Σφφᵀ held. */
    int crossSize() {
        return p;
    }

    /** The trait shift x₀ (copy). */
    public double[] shift() {
        return shift.clone();
    }

    /** The trait shift x₀ (a view; do not modify). */
    double[] shiftView() {
        return shift;
    }

    public double fitnessShift() {
        return y0;
    }

    /** Σφ (a view). */
    double[] sum() {
        return sum;
    }

    /** Σφe (a view). */
    double[] sumWithFitness() {
        return xy;
    }

    /** Σe². */
    double sumFitnessSquared() {
        return yy;
    }

    /** Σφφᵀ as a full symmetric matrix of the held block. */
    double[][] crossProducts() {
        flush();
        double[][] a = new double[p][p];
        int idx = 0;
        for (int r = 0; r < p; r++) {
            for (int c = r; c < p; c++) {
                a[r][c] = xx[idx];
                a[c][r] = xx[idx];
                idx++;
            }
        }
        return a;
    }

    /** Smallest value of each trait (copy). */
    public double[] min() {
        return min.clone();
    }

    /** Largest value of each trait (copy). */
    public double[] max() {
        return max.clone();
    }

    /** Mean of trait i, x₀ᵢ + Σdᵢ/n. */
    public double mean(int i) {
        return shift[i] + sum[PolynomialBasis.linear(i)] / n;
    }

    /** Mean fitness W̄ = W₀ + Σe/n. */
    public double meanFitness() {
        return y0 + xy[0] / n;
    }
}
