package org.fallline.evolution.internal;

/**
 * Average-derivative selection gradients of a fitted GLM fitness function W̃(z) = h(η(z)), η = θᵀx(z)
 * with x(z) the first- or second-order basis [1, z, ½z<sub>i</sub>², z<sub>i</sub>z<sub>j</sub>], followed by
 * covariate columns c when there are covariates (η<sub>i</sub> then includes individual i's own covariate
 * effects, which do not depend on z)
 * (Janzen &amp; Stern 1998, Evolution 52: 1564, for β; Morrissey &amp; Sakrejda 2013, Evolution 67:
 * 2094, for β and γ): with W̄ the mean observed fitness,
 * <pre>
 *   β<sub>j</sub>  = (1/n) Σ<sub>i</sub> ∂W̃/∂z<sub>j</sub>(z<sub>i</sub>) / W̄ = (1/n) Σ<sub>i</sub> h′(η<sub>i</sub>) η<sub>j,i</sub> / W̄,
 *   γ<sub>jk</sub> = (1/n) Σ<sub>i</sub> ∂²W̃/∂z<sub>j</sub>∂z<sub>k</sub>(z<sub>i</sub>) / W̄
 *        = (1/n) Σ<sub>i</sub> [h″(η<sub>i</sub>) η<sub>j,i</sub> η<sub>k,i</sub> + h′(η<sub>i</sub>) η<sub>jk</sub>] / W̄,
 * </pre>
 * η<sub>j</sub> = ∂η/∂z<sub>j</sub> = θᵀ∂x/∂z<sub>j</sub>, η<sub>jk</sub> = θᵀ∂²x/∂z<sub>j</sub>∂z<sub>k</sub> (the quadratic
 * coefficient). For the logistic link h′ = p(1 − p), h″ = p(1 − p)(1 − 2p), h‴ = p(1 − p)(1 − 6p + 6p²);
 * for the log link h′ = h″ = h‴ = e<sup>η</sup>. β is meant to come from the first-order model and γ from
 * the second-order one. Standard errors by the delta method, √diag(J V Jᵀ) with V the fit's covariance
 * of θ and J = ∂(β or γ)/∂θ in closed form (W̄ held fixed).
 */
public final class AverageDerivatives {

    /** The link of the fitness function. */
    public enum Link {
        /** logit: h(η) = 1/(1 + e<sup>−η</sup>). */
        LOGIT,
        /** log: h(η) = e<sup>η</sup>. */
        LOG
    }

    /**
     * Gradients with delta-method standard errors.
     *
     * @param estimate β (k) or γ's upper triangle row by row (i ≤ j)
     * @param se       standard errors (null when not asked for)
     */
    public record Result(double[] estimate, double[] se) {
    }

    private AverageDerivatives() {
    }

    /** β from a fit of the first- (or second-) order basis of z, with standard errors when asked. */
    public static Result beta(GlmFit fit, double[][] z, double meanW, Link link, boolean withSe) {
        return compute(fit, z, null, meanW, link, withSe, false);
    }

    /**
     * β from a fit of the first-order basis of z followed by covariate columns {@code cov} (n × r, or null for
     * none).
     */
    public static Result beta(GlmFit fit, double[][] z, double[][] cov, double meanW, Link link, boolean withSe) {
        return compute(fit, z, cov, meanW, link, withSe, false);
    }

    /** γ (upper triangle, i ≤ j) from a fit of the second-order basis of z. */
    public static Result gamma(GlmFit fit, double[][] z, double meanW, Link link, boolean withSe) {
        return compute(fit, z, null, meanW, link, withSe, true);
    }

    /** γ from a fit of the second-order basis of z followed by covariate columns {@code cov} (or null). */
    public static Result gamma(GlmFit fit, double[][] z, double[][] cov, double meanW, Link link, boolean withSe) {
        return compute(fit, z, cov, meanW, link, withSe, true);
    }

    private static Result compute(GlmFit fit, double[][] z, double[][] cov, double meanW, Link link, boolean withSe,
            boolean second) {
        int n = z.length;
        int k = z[0].length;
        double[] theta = fit.coefficients();
        int r = cov == null ? 0 : cov[0].length;
        int np = theta.length;
        // the basis part of θ, before the covariates'
        int nb = np - r;
        double[] eta = fit.linearPredictors();
        double[][] q = new double[k][k];
        if (nb == PolynomialBasis.secondOrderSize(k)) {
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    q[a][b] = theta[PolynomialBasis.quadratic(k, a, b)];
                    q[b][a] = q[a][b];
                }
            }
        } else if (second) {
            throw new IllegalArgumentException("γ needs the second-order fit");
        }
        int m = second ? k * (k + 1) / 2 : k;
        double[] est = new double[m];
        double[][] jac = withSe ? new double[m][np] : null;
        double[] x = new double[Math.max(np, PolynomialBasis.secondOrderSize(k))];
        double[] g = new double[k];
        double[][] d = new double[k][np];
        for (int i = 0; i < n; i++) {
            double[] zi = z[i];
            double h1;
            double h2;
            double h3;
            if (link == Link.LOGIT) {
                double p = 1.0 / (1.0 + Math.exp(-eta[i]));
                h1 = p * (1 - p);
                h2 = h1 * (1 - 2 * p);
                h3 = h1 * (1 - 6 * p + 6 * p * p);
            } else {
                h1 = Math.exp(eta[i]);
                h2 = h1;
                h3 = h1;
            }
            for (int a = 0; a < k; a++) {
                double s = theta[PolynomialBasis.linear(a)];
                for (int b = 0; b < k && nb > k + 1; b++) {
                    s += q[a][b] * zi[b];
                }
                g[a] = s;
            }
            if (withSe) {
                PolynomialBasis.fill(zi, k, x);
                if (r > 0) {
                    System.arraycopy(cov[i], 0, x, nb, r);
                }
                basisGradient(zi, k, nb, d);
            }
            if (!second) {
                for (int a = 0; a < k; a++) {
                    est[a] += h1 * g[a];
                    if (withSe) {
                        for (int c = 0; c < np; c++) {
                            jac[a][c] += h2 * x[c] * g[a] + h1 * d[a][c];
                        }
                    }
                }
                continue;
            }
            int at = 0;
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    est[at] += h2 * g[a] * g[b] + h1 * q[a][b];
                    if (withSe) {
                        int qc = PolynomialBasis.quadratic(k, a, b);
                        double[] row = jac[at];
                        for (int c = 0; c < np; c++) {
                            row[c] += h3 * x[c] * g[a] * g[b] + h2 * (d[a][c] * g[b] + g[a] * d[b][c])
                                    + h2 * x[c] * q[a][b];
                        }
                        // ∂²x/∂z_a∂z_b picks the coefficient of γ_ab's own term.
                        row[qc] += h1;
                    }
                    at++;
                }
            }
        }
        double f = 1.0 / (n * meanW);
        for (int a = 0; a < m; a++) {
            est[a] *= f;
        }
        if (!withSe) {
            return new Result(est, null);
        }
        double[][] v = fit.covariance();
        double[] se = new double[m];
        for (int a = 0; a < m; a++) {
            double[] row = jac[a];
            for (int c = 0; c < np; c++) {
                row[c] *= f;
            }
            double s = 0;
            for (int c = 0; c < np; c++) {
                double vc = 0;
                for (int e = 0; e < np; e++) {
                    vc += v[c][e] * row[e];
                }
                s += row[c] * vc;
            }
            se[a] = Math.sqrt(Math.max(s, 0.0));
        }
        return new Result(est, se);
    }

    /** ∂x/∂z<sub>j</sub> at z for the first np basis columns: row j of {@code d}. */
    private static void basisGradient(double[] z, int k, int np, double[][] d) {
        for (double[] row : d) {
            java.util.Arrays.fill(row, 0.0);
        }
        for (int j = 0; j < k; j++) {
            d[j][PolynomialBasis.linear(j)] = 1.0;
        }
        if (np <= k + 1) {
            return;
        }
        for (int i = 0; i < k; i++) {
            d[i][PolynomialBasis.square(k, i)] = z[i];
            for (int j = i + 1; j < k; j++) {
                int c = PolynomialBasis.cross(k, i, j);
                d[i][c] = z[j];
                d[j][c] = z[i];
            }
        }
    }
}
