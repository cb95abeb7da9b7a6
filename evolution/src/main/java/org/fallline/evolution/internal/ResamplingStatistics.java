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
 *   <li>Permutation: Freedman–Lane tests of each β and γ<sub>ij</sub> ({@link FreedmanLane}), and for
 *       the eigenvalues of γ fitness shuffled among individuals with γ re-estimated and re-rotated in
 *       every permutation (Reynolds et al. 2010), so the test includes the rotation's own
 *       variability; the design and W̄ are unchanged, and each permutation costs O(n·q) per term.</li>
 * </ul>
 *
 * <p>Covariates enter every refit as the full analysis has them (the group's {@link CovariateCoding}); a
 * resample in which a covariate column is constant (a rare level not drawn) is not defined.
 *
 * <p>A resample in which the analysis is not defined (a constant trait, zero fitness, a singular design)
 * throws {@link SelectionException} ({@code NUMERICAL}), which the {@link Resampler} counts as a failed
 * replicate. Thread-safe: no state is shared between calls.
 */
public final class ResamplingStatistics {

    private final RowStore rows;
    private final CovariateCoding coding;
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
        this(rows, CovariateCoding.NONE, mode, quadratic, g);
    }

    /**
     * @param rows      the group's individuals
     * @param coding    how their covariates enter the design
     * @param mode      standardisation
     * @param quadratic whether the second-order model is fitted
     * @param g         G in trait order, or null
     */
    public ResamplingStatistics(RowStore rows, CovariateCoding coding, Standardization mode, boolean quadratic,
            double[][] g) {
        this.rows = rows;
        this.coding = coding;
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
        ShiftedDesign s = new ShiftedDesign(k, quadratic, coding);
        double[] x = new double[k + rows.covariates()];
        for (int i : idx) {
            rows.values(i, x);
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
     * The permutation statistic for the group whose full-data moments are {@code sm}: the Freedman–Lane
     * t* of every β (first-order model) and γ<sub>ij</sub>, i ≤ j (second-order model), then the
     * eigenvalues of γ re-estimated from the permuted fitness and re-rotated (decreasing; Reynolds et al.
     * 2010, Evolution 64: 3121–3125). The identity permutation gives the observed values.
     */
    public java.util.function.Function<int[], double[]> permutation(StandardizedMoments sm) {
        int p1 = PolynomialBasis.firstOrderSize(k);
        int q = PolynomialBasis.secondOrderSize(k);
        double wbar = sm.meanFitness();
        double[] mean = sm.mean();
        double[] c = sm.scale();
        int n = rows.size();
        int r = coding.width();
        // rows of [ψ(z) | c] (second-order model) and [ψ₁(z) | c] (first-order model; ψ itself without covariates)
        double[][] psi = new double[n][q + r];
        double[][] psi1 = r == 0 ? psi : new double[n][p1 + r];
        double[] y = new double[n];
        double[] x = new double[k + rows.covariates()];
        double[] z = new double[k];
        for (int i = 0; i < n; i++) {
            rows.values(i, x);
            for (int j = 0; j < k; j++) {
                z[j] = (x[j] - mean[j]) / c[j];
            }
            PolynomialBasis.fill(z, k, psi[i]);
            if (r > 0) {
                coding.fill(x, k, psi[i], q);
                System.arraycopy(psi[i], 0, psi1[i], 0, p1);
                System.arraycopy(psi[i], q, psi1[i], p1, r);
            }
            y[i] = rows.fitness(i) / wbar - 1.0;
        }
        int[] betaTerms = new int[k];
        for (int i = 0; i < k; i++) {
            betaTerms[i] = PolynomialBasis.linear(i);
        }
        FreedmanLane first = freedmanLane(psi1, y, sm.design(p1), p1 + r, betaTerms, sm.n());
        FreedmanLane second = null;
        LeastSquares.Solution f2 = null;
        if (quadratic) {
            int[] gammaTerms = new int[k * (k + 1) / 2];
            int at = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    gammaTerms[at++] = PolynomialBasis.quadratic(k, i, j);
                }
            }
            second = freedmanLane(psi, y, sm.design(), q + r, gammaTerms, sm.n());
            f2 = LeastSquares.solve(sm.design(), sm.n());
        }
        FreedmanLane fl2 = second;
        LeastSquares.Solution full2 = f2;
        return perm -> {
            double[] out = new double[k + (quadratic ? k * (k + 1) / 2 + k : 0)];
            double[] t1 = first.statistic(perm);
            System.arraycopy(t1, 0, out, 0, k);
            if (quadratic) {
                double[] t2 = fl2.statistic(perm);
                System.arraycopy(t2, 0, out, k, t2.length);
                double[] xy = new double[q + r];
                for (int i = 0; i < n; i++) {
                    double e = y[perm[i]];
                    double[] row = psi[i];
                    for (int a = 0; a < q + r; a++) {
                        xy[a] += row[a] * e;
                    }
                }
                double[] b2 = full2.solveNormal(xy);
                double[][] gamma = new double[k][k];
                for (int i = 0; i < k; i++) {
                    for (int j = i; j < k; j++) {
                        gamma[i][j] = b2[PolynomialBasis.quadratic(k, i, j)];
                        gamma[j][i] = gamma[i][j];
                    }
                }
                System.arraycopy(Canonical.of(gamma).values(), 0, out, k + t2.length, k);
            }
            return out;
        };
    }

    /** The Freedman–Lane tests of {@code terms} in the m-column model whose augmented triangle is given. */
    private static FreedmanLane freedmanLane(double[][] psi, double[] y, double[][] design, int m, int[] terms,
            long n) {
        LeastSquares.Solution full = LeastSquares.solve(design, n);
        LeastSquares.Solution[] reduced = new LeastSquares.Solution[terms.length];
        for (int t = 0; t < terms.length; t++) {
            int j = terms[t];
            double[][] d = new double[design.length][m];
            for (int r = 0; r < design.length; r++) {
                for (int col = 0, to = 0; col <= m; col++) {
                    if (col != j) {
                        d[r][to++] = design[r][col];
                    }
                }
            }
            reduced[t] = LeastSquares.solve(d, n);
        }
        return new FreedmanLane(psi, y, m, full, terms, reduced);
    }
}
