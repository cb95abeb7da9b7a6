package org.fallline.evolution.internal;

import org.fallline.evolution.Standardization;

/**
 * The design of a group carried over to the standardised traits z = (x − x̄)/c without a second pass
 * over the data. Every entry of the standardised basis ψ(z) = [1, z, ½z<sub>i</sub>², z<sub>i</sub>z<sub>j</sub>]
 * is a linear combination of at most four entries of φ(d) of {@link ShiftedDesign} (with m = d̄, c̃ = c/u
 * the scale in units of d, and z<sub>i</sub> = (d<sub>i</sub> − m<sub>i</sub>)/c̃<sub>i</sub>):
 * ½z<sub>i</sub>² = (½d<sub>i</sub>² − m<sub>i</sub>d<sub>i</sub> + ½m<sub>i</sub>²)/c̃<sub>i</sub>² and
 * z<sub>i</sub>z<sub>j</sub> = (d<sub>i</sub>d<sub>j</sub> − m<sub>j</sub>d<sub>i</sub> − m<sub>i</sub>d<sub>j</sub> +
 * m<sub>i</sub>m<sub>j</sub>)/(c̃<sub>i</sub>c̃<sub>j</sub>), so ψ = Tφ with a sparse T whose row a uses only
 * entries b ≤ a of φ. Hence the design matrix of ψ is X<sub>φ</sub>Tᵀ = Q(R<sub>φ</sub>Tᵀ) and
 * R<sub>ψ</sub> = R<sub>φ</sub>Tᵀ is again upper triangular: the QR factor of the standardised design,
 * with no product XᵀX ever formed. The plain sums are carried over as Σψ = TΣφ and Σψe = TΣφe.
 * Covariate columns, carried by {@link ShiftedDesign} as (c − c₀)/u<sub>c</sub>, are returned to their own
 * values c = u<sub>c</sub>·((c − c₀)/u<sub>c</sub>) + c₀·1 — neither centred nor standardised — by rows of T
 * that use the column itself and the intercept's only, so R<sub>ψ</sub> stays upper triangular.
 *
 * <p>The scale c is sd(x) (divisor n − 1), x̄, or 1, as the {@link Standardization} says; the centred
 * sums of squares behind sd(x) are read off R (the part of each column orthogonal to the intercept).
 */
public final class StandardizedMoments {

    private final int k;
    private final int q;
    private final int p;
    /** Basis columns of the factor (first-order or whole second-order basis); p = basis + r. */
    private final int basis;
    private final int r;
    private final CovariateCoding coding;
    private final long n;
    private final double[] mean;
    private final double[] sd;
    private final double[] scale;
    private final double[][] design;
    private final double[] sumPsi;
    private final double[] sumPsiE;
    private final double y0;
    private final double v;
    private final double meanW;
    private final double[] min;
    private final double[] max;
    private final int overflow;
    private final int covariateOverflow;

    /** Sparse rows of T: column indices and coefficients. */
    private final int[][] tCol;
    private final double[][] tCoef;

    /**
     * @throws IllegalStateException if a scale is zero (a constant trait, or a zero
     *                               mean under {@link Standardization#MEAN}); check first with
     *                               {@link ShiftedDesign#min()} / {@link ShiftedDesign#max()}
     */
    public StandardizedMoments(ShiftedDesign s, Standardization mode) {
        this.k = s.traits();
        this.q = PolynomialBasis.secondOrderSize(k);
        this.n = s.n();
        double[] shift = s.shift();
        double[] unit = s.unit();
        double[] sum = s.sum();
        double[][] rphi = s.triangle();
        this.p = rphi.length - 1;
        this.r = s.covariateColumns();
        this.basis = p - r;
        this.coding = s.coding();
        double[] cshift = s.covariateShift();
        double[] cunit = s.covariateUnit();
        double[] m = new double[k];
        double[] ct = new double[k];
        this.mean = new double[k];
        this.sd = new double[k];
        this.scale = new double[k];
        int bad = -1;
        for (int i = 0; i < k; i++) {
            int li = PolynomialBasis.linear(i);
            m[i] = sum[li] / n;
            mean[i] = shift[i] + unit[i] * m[i];
            double ss = 0;
            for (int r = 1; r <= li; r++) {
                ss += rphi[r][li] * rphi[r][li];
            }
            sd[i] = unit[i] * Math.sqrt(ss / (n - 1));
            scale[i] = switch (mode) {
                case SD -> sd[i];
                case MEAN -> mean[i];
                case NONE -> 1.0;
            };
            if (!Double.isFinite(scale[i]) || !Double.isFinite(mean[i])) {
                // Beyond double precision: reported through overflowColumn(), the rest kept finite.
                bad = bad < 0 ? li : bad;
                scale[i] = 1.0;
                mean[i] = shift[i];
            }
            if (scale[i] == 0.0) {
                throw new IllegalStateException("scale of trait " + (i + 1) + " is 0");
            }
            ct[i] = scale[i] / unit[i];
        }
        tCol = new int[q][];
        tCoef = new double[q][];
        tCol[0] = new int[] {0};
        tCoef[0] = new double[] {1.0};
        for (int i = 0; i < k; i++) {
            double ci = 1.0 / ct[i];
            int li = PolynomialBasis.linear(i);
            tCol[li] = new int[] {li, 0};
            tCoef[li] = new double[] {ci, -m[i] * ci};
            int si = PolynomialBasis.square(k, i);
            double c2 = ci * ci;
            tCol[si] = new int[] {si, li, 0};
            tCoef[si] = new double[] {c2, -m[i] * c2, 0.5 * m[i] * m[i] * c2};
            for (int j = i + 1; j < k; j++) {
                double cij = ci / ct[j];
                int lj = PolynomialBasis.linear(j);
                int x = PolynomialBasis.cross(k, i, j);
                tCol[x] = new int[] {x, li, lj, 0};
                tCoef[x] = new double[] {cij, -m[j] * cij, -m[i] * cij, m[i] * m[j] * cij};
            }
        }
        this.sumPsi = transform(sum);
        this.sumPsiE = transform(s.sumWithFitness());
        this.design = new double[p + 1][p + 1];
        int covBad = -1;
        for (int row = 0; row <= p; row++) {
            for (int a = row; a < p; a++) {
                double acc = 0;
                if (a < basis) {
                    for (int t = 0; t < tCol[a].length; t++) {
                        acc += tCoef[a][t] * rphi[row][tCol[a][t]];
                    }
                } else {
                    acc = cunit[a - basis] * rphi[row][a] + cshift[a - basis] * rphi[row][0];
                }
                design[row][a] = acc;
                if (!Double.isFinite(acc)) {
                    if (a >= basis) {
                        covBad = covBad < 0 ? a - basis : covBad;
                    } else if (bad < 0) {
                        bad = a;
                    }
                }
            }
            design[row][p] = rphi[row][p];
            if (bad < 0 && !Double.isFinite(rphi[row][p])) {
                bad = p;
            }
        }
        for (int a = 0; a < q && bad < 0; a++) {
            if (!Double.isFinite(sumPsi[a])) {
                bad = a;
            } else if (!Double.isFinite(sumPsiE[a])) {
                bad = q;
            }
        }
        this.overflow = bad == p ? q : bad;
        this.covariateOverflow = covBad;
        this.y0 = s.fitnessShift();
        this.v = s.fitnessUnit();
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

    /**
     * The column of the basis ψ (0 … q − 1; q for fitness) whose values are beyond the range of double
     * precision (an overflowing square, a non-finite sum), or −1 when every number is finite.
     */
    public int overflowColumn() {
        return overflow;
    }

    /** The covariate column (0 … r − 1) whose values are beyond double precision, or −1. */
    public int covariateOverflowColumn() {
        return covariateOverflow;
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

    /** W₀, the fitness shift: the response of the fits is e = (W − W₀)/v. */
    public double fitnessShift() {
        return y0;
    }

    /** v/W̄: relative fitness is w = W₀/W̄ + (v/W̄)e. */
    public double relativeScale() {
        return v / meanW;
    }

    /** W₀/W̄. */
    public double relativeOffset() {
        return y0 / meanW;
    }

    /**
     * R<sub>ψ</sub> of the augmented standardised design [ψ(z) | c | e] over the held block (first-order, or
     * the whole second-order basis, then the r covariate columns), (p + 1) × (p + 1), upper triangular; a view.
     */
    public double[][] design() {
        return design;
    }

    /** Number of covariate columns r (the last r columns of {@link #design()} before the response). */
    public int covariateColumns() {
        return r;
    }

    /** Number of basis columns in {@link #design()} (first- or second-order basis). */
    public int basisColumns() {
        return basis;
    }

    /** How the covariates enter the design. */
    public CovariateCoding coding() {
        return coding;
    }

    /** The means of the covariate columns (proportions for contrasts): R<sub>0c</sub>/R<sub>00</sub>. */
    public double[] covariateMeans() {
        double[] mc = new double[r];
        for (int j = 0; j < r; j++) {
            mc[j] = design[0][basis + j] / design[0][0];
        }
        return mc;
    }

    /**
     * A matrix with the Gram matrix of the sub-model of the first {@code cols} columns of ψ, the covariate
     * columns and the response, in that order ((p + 1) × (cols + r + 1); the triangle of
     * {@link #plainDesign(int)} when there are no covariates).
     */
    public double[][] design(int cols) {
        if (r == 0) {
            return plainDesign(cols);
        }
        double[][] t = new double[p + 1][cols + r + 1];
        for (int row = 0; row <= p; row++) {
            System.arraycopy(design[row], 0, t[row], 0, cols);
            System.arraycopy(design[row], basis, t[row], cols, r + 1);
        }
        return t;
    }

    /**
     * The triangle of the sub-model of the first {@code cols} columns of ψ with the response, without the
     * covariates: the leading block of R<sub>ψ</sub>, its response column, and the residual norm of the
     * left-out columns' part of the response as the last diagonal entry ((cols + 1) × (cols + 1)).
     */
    public double[][] plainDesign(int cols) {
        double[][] t = new double[cols + 1][cols + 1];
        for (int r = 0; r < cols; r++) {
            System.arraycopy(design[r], 0, t[r], 0, cols);
            t[r][cols] = design[r][p];
        }
        double ss = 0;
        for (int r = cols; r <= p; r++) {
            ss += design[r][p] * design[r][p];
        }
        t[cols][cols] = Math.sqrt(ss);
        return t;
    }

    /** Σψ (second-order basis); a view. */
    public double[] sumPsi() {
        return sumPsi;
    }

    /** Σψe (second-order basis); a view. */
    public double[] sumPsiFitness() {
        return sumPsiE;
    }

    /** Σe. */
    public double sumFitness() {
        return sumPsiE[0];
    }
}
