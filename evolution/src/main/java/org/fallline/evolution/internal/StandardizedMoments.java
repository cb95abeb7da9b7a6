package org.fallline.evolution.internal;

import org.fallline.evolution.Standardization;

/**
 * The sums of {@link MomentSums} carried over to the standardised traits z = (x − x̄)/c without a
 * second pass over the data. Every entry of the standardised basis ψ(z) = [1, z, ½z<sub>i</sub>²,
 * z<sub>i</sub>z<sub>j</sub>] is a linear combination of at most four entries of φ(d) (with d = x − x₀,
 * m = d̄ and z<sub>i</sub> = (d<sub>i</sub> − m<sub>i</sub>)/c<sub>i</sub>):
 * ½z<sub>i</sub>² = (½d<sub>i</sub>² − m<sub>i</sub>d<sub>i</sub> + ½m<sub>i</sub>²)/c<sub>i</sub>² and
 * z<sub>i</sub>z<sub>j</sub> = (d<sub>i</sub>d<sub>j</sub> − m<sub>j</sub>d<sub>i</sub> − m<sub>i</sub>d<sub>j</sub> +
 * m<sub>i</sub>m<sub>j</sub>)/(c<sub>i</sub>c<sub>j</sub>), so ψ = Tφ with a sparse T, and
 * Σψψᵀ = T(Σφφᵀ)Tᵀ, Σψe = T Σφe.
 *
 * <p>The scale c is sd(x) (divisor n − 1), x̄, or 1, as the {@link Standardization} says.
 */
public final class StandardizedMoments {

    private final int k;
    private final int q;
    private final long n;
    private final double[] mean;
    private final double[] sd;
    private final double[] scale;
    private final double[][] cross;
    private final double[] sumPsi;
    private final double[] sumPsiE;
    private final double sumE2;
    private final double y0;
    private final double meanW;
    private final double[] min;
    private final double[] max;

    /** Sparse rows of T: column indices and coefficients. */
    private final int[][] tCol;
    private final double[][] tCoef;

    /**
     * @throws IllegalStateException if a scale is zero or not finite (a constant trait, or a zero
     *                               mean under {@link Standardization#MEAN}); check first with
     *                               {@link MomentSums#min()} / {@link MomentSums#max()}
     */
    public StandardizedMoments(MomentSums s, Standardization mode) {
        this.k = s.traits();
        this.q = PolynomialBasis.secondOrderSize(k);
        this.n = s.n();
        double[] shift = s.shift();
        double[] sum = s.sum();
        double[] m = new double[k];
        this.mean = new double[k];
        this.sd = new double[k];
        this.scale = new double[k];
        for (int i = 0; i < k; i++) {
            m[i] = sum[PolynomialBasis.linear(i)] / n;
            mean[i] = shift[i] + m[i];
            double ss = 2.0 * sum[PolynomialBasis.square(k, i)] - n * m[i] * m[i];
            sd[i] = Math.sqrt(Math.max(ss, 0.0) / (n - 1));
            scale[i] = switch (mode) {
                case SD -> sd[i];
                case MEAN -> mean[i];
                case NONE -> 1.0;
            };
            if (!(scale[i] != 0.0 && Double.isFinite(scale[i]))) {
                throw new IllegalStateException("scale of trait " + (i + 1) + " is " + scale[i]);
            }
        }
        tCol = new int[q][];
        tCoef = new double[q][];
        tCol[0] = new int[] {0};
        tCoef[0] = new double[] {1.0};
        for (int i = 0; i < k; i++) {
            double ci = 1.0 / scale[i];
            int li = PolynomialBasis.linear(i);
            tCol[li] = new int[] {li, 0};
            tCoef[li] = new double[] {ci, -m[i] * ci};
            int si = PolynomialBasis.square(k, i);
            double c2 = ci * ci;
            tCol[si] = new int[] {si, li, 0};
            tCoef[si] = new double[] {c2, -m[i] * c2, 0.5 * m[i] * m[i] * c2};
            for (int j = i + 1; j < k; j++) {
                double cij = ci / scale[j];
                int lj = PolynomialBasis.linear(j);
                int x = PolynomialBasis.cross(k, i, j);
                tCol[x] = new int[] {x, li, lj, 0};
                tCoef[x] = new double[] {cij, -m[j] * cij, -m[i] * cij, m[i] * m[j] * cij};
            }
        }
        this.sumPsi = transform(sum);
        this.sumPsiE = transform(s.sumWithFitness());
        this.cross = transform(s.crossProducts());
        this.sumE2 = s.sumFitnessSquared();
        this.y0 = s.fitnessShift();
        this.meanW = s.meanFitness();
        this.min = s.min();
        this.max = s.max();
    }

    /** Tv: a vector of sums over the shifted basis φ(d) carried to the standardised basis ψ(z). */
    public double[] transform(double[] v) {
        double[] r = new double[q];
        for (int a = 0; a < q; a++) {
            double acc = 0;
            for (int t = 0; t < tCol[a].length; t++) {
                acc += tCoef[a][t] * v[tCol[a][t]];
            }
            r[a] = acc;
        }
        return r;
    }

    /** T A Tᵀ for the leading block of A that is held (T maps the first-order block onto itself). */
    private double[][] transform(double[][] a) {
        int p = a.length;
        double[][] ta = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                double acc = 0;
                for (int t = 0; t < tCol[r].length; t++) {
                    acc += tCoef[r][t] * a[tCol[r][t]][c];
                }
                ta[r][c] = acc;
            }
        }
        double[][] b = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int c = r; c < p; c++) {
                double acc = 0;
                for (int t = 0; t < tCol[c].length; t++) {
                    acc += ta[r][tCol[c][t]] * tCoef[c][t];
                }
                b[r][c] = acc;
                b[c][r] = acc;
            }
        }
        return b;
    }

    public int traits() {
        return k;
    }

    public long n() {
        return n;
    }

    /** Trait means x̄ in analysed units (copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** Trait standard deviations, divisor n − 1 (copy). */
    public double[] sd() {
        return sd.clone();
    }

    /** The scales c with z = (x − x̄)/c (copy). */
    public double[] scale() {
        return scale.clone();
    }

    /** Trait minima in analysed units (copy). */
    public double[] min() {
        return min.clone();
    }

    /** Trait maxima in analysed units (copy). */
    public double[] max() {
        return max.clone();
    }

    /** W̄. */
    public double meanFitness() {
        return meanW;
    }

    /** W₀, the fitness shift: the response of the fits is e = W − W₀. */
    public double fitnessShift() {
        return y0;
    }

    /** Σψψᵀ over the held block (first-order, or the whole second-order basis); a view. */
    public double[][] crossProducts() {
        return cross;
    }

    /** Σψ (second-order basis); a view. */
    public double[] sumPsi() {
        return sumPsi;
    }

    /** Σψe (second-order basis); a view. */
    public double[] sumPsiFitness() {
        return sumPsiE;
    }

    /** Σe². */
    public double sumFitnessSquared() {
        return sumE2;
    }

    /** Σe. */
    public double sumFitness() {
        return sumPsiE[0];
    }

    /** Leading principal block of Σψψᵀ of size p. */
    public double[][] crossProducts(int p) {
        double[][] b = new double[p][];
        for (int r = 0; r < p; r++) {
            b[r] = java.util.Arrays.copyOf(cross[r], p);
        }
        return b;
    }
}
