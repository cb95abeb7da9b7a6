package org.fallline.evolution.internal;

import org.fallline.evolution.Coefficient;
import org.fallline.evolution.ModelFit;
import org.fallline.evolution.SelectionException;

/**
 * The inference of a least-squares fit as R's {@code summary.lm} reports it, for a fit of the shifted
 * fitness e = (W − W₀)/v carried over to relative fitness w = W/W̄: θ<sub>w</sub> = θ<sub>e</sub>·v/W̄ with
 * W₀/W̄ added to the intercept, standard errors and σ multiplied by v/W̄, R² and F unchanged. Standard
 * errors are σ√((XᵀX)⁻¹<sub>ii</sub>) with σ² = RSS/(n − r), r the rank (p unless terms are aliased); t = θ/SE with two-sided p-values and 95%
 * intervals θ ± t<sub>0.975, n−p</sub>·SE.
 */
public final class OlsSummary {

    private final double[] estimate;
    private final double[] se;
    private final double[] t;
    private final double[] p;
    private final double halfWidthFactor;
    private final ModelFit fit;

    private OlsSummary(double[] estimate, double[] se, double[] t, double[] p, double halfWidthFactor, ModelFit fit) {
        this.estimate = estimate;
        this.se = se;
        this.t = t;
        this.p = p;
        this.halfWidthFactor = halfWidthFactor;
        this.fit = fit;
    }

    /**
     * @param s               the solution (with its inverse)
     * @param scale           v/W̄
     * @param interceptOffset W₀/W̄
     * @param what            names the fit in messages, e.g. "the second-order model of group 'a'"
     * @throws SelectionException (NUMERICAL) when the fit is exact (no residual variance)
     */
    public static OlsSummary of(LeastSquares.Solution s, double scale, double interceptOffset, String what) {
        int np = s.coefficients().length;
        int rank = s.rank();
        long n = s.n();
        long df = n - rank;
        double rss = s.rss();
        double tss = s.tss();
        if (!(rss > 1e-13 * tss)) {
            throw new SelectionException(SelectionException.Kind.NUMERICAL, what
                    + " fits fitness exactly (residual sum of squares " + Math.max(rss, 0.0)
                    + "): no residual variance to estimate standard errors from");
        }
        double sigma2 = rss / df;
        double[][] inv = s.inverse();
        double[] est = new double[np];
        double[] se = new double[np];
        double[] t = new double[np];
        double[] p = new double[np];
        for (int i = 0; i < np; i++) {
            est[i] = s.coefficients()[i] * scale + (i == 0 ? interceptOffset : 0.0);
            se[i] = Math.sqrt(sigma2 * inv[i][i]) * scale;
            t[i] = est[i] / se[i];
            p[i] = Distributions.tTwoSided(t[i], df);
        }
        double r2 = 1.0 - rss / tss;
        double adj = 1.0 - (1.0 - r2) * (n - 1) / df;
        int df1 = rank - 1;
        double f = ((tss - rss) / df1) / sigma2;
        double fp = Distributions.fUpper(f, df1, df);
        ModelFit fit = new ModelFit(n, rank, r2, adj, Math.sqrt(sigma2) * scale, f, df1, df, fp);
        return new OlsSummary(est, se, t, p, Distributions.tQuantile(0.95, df), fit);
    }

    public double estimate(int i) {
        return estimate[i];
    }

    public double stdError(int i) {
        return se[i];
    }

    public double statistic(int i) {
        return t[i];
    }

    public double pValue(int i) {
        return p[i];
    }

    /** Coefficient i with its inference, under the given term name. */
    public Coefficient coefficient(int i, String term) {
        double h = halfWidthFactor * se[i];
        return Coefficient.of(term, estimate[i], se[i], t[i], p[i], estimate[i] - h, estimate[i] + h);
    }

    /**
     * Coefficient i's inference carried over to another estimate of the same quantity (the eigenvalue
     * from the decomposition of γ, equal to the double-regression coefficient up to rounding): its
     * standard error, and t, p and interval recomputed around {@code estimate}.
     */
    public Coefficient coefficient(int i, String term, double estimate) {
        double tv = estimate / se[i];
        double h = halfWidthFactor * se[i];
        return Coefficient.of(term, estimate, se[i], tv, Distributions.tTwoSided(tv, fit.dfResidual()), estimate - h,
                estimate + h);
    }

    public ModelFit fit() {
        return fit;
    }
}
