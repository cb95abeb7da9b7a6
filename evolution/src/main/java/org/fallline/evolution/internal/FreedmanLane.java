package org.fallline.evolution.internal;

/**
 * Freedman–Lane permutation tests of single coefficients of a least-squares model (Freedman &amp; Lane
 * 1983, J. Bus. Econ. Stat. 1: 292–298; Anderson &amp; Legendre 1999, J. Stat. Comput. Simul. 62:
 * 271–303, who found it the best of the permutation tests of partial regression coefficients). For
 * term j the model without it is fitted, giving fitted values ŷ<sub>(j)</sub> and residuals
 * r<sub>(j)</sub>; a permutation π makes y* = ŷ<sub>(j)</sub> + π r<sub>(j)</sub>, the full model is
 * refitted to y*, and the statistic is t*<sub>j</sub> = θ*<sub>j</sub>/SE*<sub>j</sub>. Under the null
 * θ<sub>j</sub> = 0 the residuals are exchangeable (approximately so: they are estimated), and the
 * p-value is (1 + #{|t*| ≥ |t|})/(B + 1). Unlike permuting fitness itself, the test keeps the
 * other traits' effects, so it is not conservative when traits are correlated.
 *
 * <p>Thread-safe after construction: {@link #statistic(int[])} shares nothing mutable.
 */
public final class FreedmanLane {

    private final double[][] x;
    private final int m;
    private final int[] terms;
    private final LeastSquares.Solution full;
    private final double[][] fitted;
    private final double[][] residual;
    private final double[][] xtFitted;
    private final int n;
    private final long df;

    /**
     * @param x     the design, n rows of at least m columns (first the intercept's); only the first m used
     * @param y     the response
     * @param full  the least-squares solution of the m-column model (its R and (XᵀX)⁻¹ are used)
     * @param terms the columns to test
     * @param reduced for each term, the solution of the model without that column (columns in order)
     */
    public FreedmanLane(double[][] x, double[] y, int m, LeastSquares.Solution full, int[] terms,
            LeastSquares.Solution[] reduced) {
        this.x = x;
        this.m = m;
        this.terms = terms.clone();
        this.full = full;
        this.n = x.length;
        this.df = n - full.rank();
        this.fitted = new double[terms.length][n];
        this.residual = new double[terms.length][n];
        this.xtFitted = new double[terms.length][m];
        for (int t = 0; t < terms.length; t++) {
            int j = terms[t];
            double[] xty = new double[m - 1];
            for (int i = 0; i < n; i++) {
                for (int c = 0, d = 0; c < m; c++) {
                    if (c != j) {
                        xty[d++] += x[i][c] * y[i];
                    }
                }
            }
            double[] theta = reduced[t].solveNormal(xty);
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int c = 0, d = 0; c < m; c++) {
                    if (c != j) {
                        f += x[i][c] * theta[d++];
                    }
                }
                fitted[t][i] = f;
                residual[t][i] = y[i] - f;
                for (int c = 0; c < m; c++) {
                    xtFitted[t][c] += x[i][c] * f;
                }
            }
        }
    }

    /** Number of terms tested. */
    public int size() {
        return terms.length;
    }

    /** t*<sub>j</sub> of every term for the permutation π (the identity gives the observed t). */
    public double[] statistic(int[] perm) {
        double[] out = new double[terms.length];
        double[] xty = new double[m];
        for (int t = 0; t < terms.length; t++) {
            double[] f = fitted[t];
            double[] r = residual[t];
            System.arraycopy(xtFitted[t], 0, xty, 0, m);
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double e = r[perm[i]];
                double ys = f[i] + e;
                yy += ys * ys;
                double[] row = x[i];
                for (int c = 0; c < m; c++) {
                    xty[c] += row[c] * e;
                }
            }
            double[] theta = full.solveNormal(xty);
            double fit = 0;
            for (int c = 0; c < m; c++) {
                fit += theta[c] * xty[c];
            }
            double rss = Math.max(yy - fit, 0.0);
            int j = terms[t];
            out[t] = theta[j] / Math.sqrt(rss / df * full.inverse()[j][j]);
        }
        return out;
    }
}
