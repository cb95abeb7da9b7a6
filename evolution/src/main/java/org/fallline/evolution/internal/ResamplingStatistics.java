package org.fallline.evolution.internal;

import java.util.Arrays;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.Standardization;

/**
 * The statistics recomputed on every resample of one group's rows, cheap enough for thousands of
 * replicates: each is a direct accumulation of {@link ShiftedDesign} over the resampled rows followed by
 * the same algebra as the full analysis.
 *
 * <ul>
 *   <li>Case bootstrap (Efron &amp; Tibshirani 1993, ch. 6): individuals are drawn with replacement and
 *       relative fitness and standardisation are redone within the resample, so the spread includes
 *       the uncertainty of the means and standard deviations. The statistic is
 *       [β (k), γ<sub>ij</sub> for i ≤ j, eigenvalues of γ (k, decreasing), Δz̄ = Gβ (k, when G is
 *       given)], the last three only with the second-order model.</li>
 *   <li>Permutation (Mitchell-Olds &amp; Shaw 1987, Evolution 41: 1149–1161): fitness is shuffled
 *       among individuals, traits stay, so ΣψψᵀT and W̄ are unchanged and only Σψe is recomputed;
 *       the statistic is [β, γ<sub>ij</sub> for i ≤ j].</li>
 * </ul>
 *
 * <p>A resample in which the analysis is not defined (a constant trait, zero fitness, a singular design)
 * throws {@link SelectionException} ({@code NUMERICAL}), which the {@link Resampler} counts as a failed
 * replicate. Thread-safe: no state is shared between calls.
 */
public final class ResamplingStatistics {

    private final RowStore rows;
    private final int k;
    private final Standardization mode;
    private final boolean quadratic;
    private final double[][] g;

    /**
     * @param rows      the group's individuals
     * @param mode      standardisation
     * @param quadratic whether the second-order model is fitted
     * @param g         G in trait order, or null
     */
    public ResamplingStatistics(RowStore rows, Standardization mode, boolean quadratic, double[][] g) {
        this.rows = rows;
        this.k = rows.traits();
        this.mode = mode;
        this.quadratic = quadratic;
        this.g = g;
    }

    /** Length of the bootstrap statistic. */
    public int bootstrapLength() {
        return k + (quadratic ? k * (k + 1) / 2 + k + (g != null ? k : 0) : (g != null ? k : 0));
    }

    /** The bootstrap statistic of the resample with the given row indices. */
    public double[] bootstrap(int[] idx) {
        ShiftedDesign s = new ShiftedDesign(k, quadratic);
        double[] x = new double[k];
        for (int i : idx) {
            rows.traits(i, x);
            s.add(rows.fitness(i), x);
        }
        return estimates(s, mode, quadratic, g);
    }

    /**
     * [β, γ (i ≤ j), eigenvalues, Gβ] from sums, as {@link #bootstrap} lays them out.
     *
     * @throws SelectionException NUMERICAL when the analysis is not defined for these sums
     */
    public static double[] estimates(ShiftedDesign s, Standardization mode, boolean quadratic, double[][] g) {
        int k = s.traits();
        double[] min = s.min();
        double[] max = s.max();
        for (int i = 0; i < k; i++) {
            if (min[i] == max[i]) {
                throw new SelectionException(SelectionException.Kind.NUMERICAL, "trait " + (i + 1) + " is constant");
            }
            if (mode == Standardization.MEAN && !(s.mean(i) > 0)) {
                throw new SelectionException(SelectionException.Kind.NUMERICAL, "trait " + (i + 1)
                        + " has a non-positive mean");
            }
        }
        if (!(s.meanFitness() > 0)) {
            throw new SelectionException(SelectionException.Kind.NUMERICAL, "mean fitness is 0");
        }
        StandardizedMoments sm = new StandardizedMoments(s, mode);
        if (sm.overflowColumn() >= 0) {
            throw new SelectionException(SelectionException.Kind.NUMERICAL, "values beyond double precision");
        }
        double scale = sm.relativeScale();
        int p1 = PolynomialBasis.firstOrderSize(k);
        double[] out = new double[k + (quadratic ? k * (k + 1) / 2 + k : 0) + (g != null ? k : 0)];
        double[] b1 = fullRank(LeastSquares.solve(sm.design(p1), sm.n()));
        for (int i = 0; i < k; i++) {
            out[i] = b1[1 + i] * scale;
        }
        int at = k;
        if (quadratic) {
            double[] b2 = fullRank(LeastSquares.solve(sm.design(), sm.n()));
            double[][] gamma = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    gamma[i][j] = b2[PolynomialBasis.quadratic(k, i, j)] * scale;
                    gamma[j][i] = gamma[i][j];
                    out[at++] = gamma[i][j];
                }
            }
            for (double v : Canonical.of(gamma).values()) {
                out[at++] = v;
            }
        }
        if (g != null) {
            double[] c = sm.scale();
            for (int i = 0; i < k; i++) {
                double v = 0;
                for (int j = 0; j < k; j++) {
                    v += g[i][j] * out[j] / c[j];
                }
                out[at++] = v;
            }
        }
        return out;
    }

    private static double[] fullRank(LeastSquares.Solution s) {
        if (s.aliased().length > 0) {
            throw new SelectionException(SelectionException.Kind.NUMERICAL, "the design is singular");
        }
        return s.coefficients();
    }

    /**
     * The permutation statistic [β, γ (i ≤ j)] for the group whose full-data moments are {@code sm},
     * with the factors of the designs computed once: each permutation needs only Σψ(z)e, and θ from the
     * semi-normal equations.
     */
    public java.util.function.Function<int[], double[]> permutation(StandardizedMoments sm) {
        int p1 = PolynomialBasis.firstOrderSize(k);
        int q = PolynomialBasis.secondOrderSize(k);
        LeastSquares.Solution f1 = LeastSquares.solve(sm.design(p1), sm.n());
        LeastSquares.Solution f2 = quadratic ? LeastSquares.solve(sm.design(), sm.n()) : null;
        double wbar = sm.meanFitness();
        double[] mean = sm.mean();
        double[] c = sm.scale();
        int n = rows.size();
        double[][] psi = new double[n][q];
        double[] x = new double[k];
        double[] z = new double[k];
        for (int i = 0; i < n; i++) {
            rows.traits(i, x);
            for (int j = 0; j < k; j++) {
                z[j] = (x[j] - mean[j]) / c[j];
            }
            PolynomialBasis.fill(z, k, psi[i]);
        }
        return perm -> {
            double[] xy = new double[q];
            for (int i = 0; i < n; i++) {
                double e = rows.fitness(perm[i]) - wbar;
                double[] row = psi[i];
                for (int a = 0; a < q; a++) {
                    xy[a] += row[a] * e;
                }
            }
            double[] out = new double[k + (quadratic ? k * (k + 1) / 2 : 0)];
            double[] b1 = f1.solveNormal(Arrays.copyOf(xy, p1));
            for (int i = 0; i < k; i++) {
                out[i] = b1[1 + i] / wbar;
            }
            if (quadratic) {
                double[] b2 = f2.solveNormal(xy);
                int at = k;
                for (int i = 0; i < k; i++) {
                    for (int j = i; j < k; j++) {
                        out[at++] = b2[PolynomialBasis.quadratic(k, i, j)] / wbar;
                    }
                }
            }
            return out;
        };
    }
}
