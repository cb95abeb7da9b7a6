package org.fallline.evolution.internal;

/**
 * A generalised linear model fitted by iteratively reweighted least squares ({@link Glm}).
 *
 * <p>With design X (column 0 the intercept), coefficients b, linear predictor η = Xb and fitted
 * means μ = g⁻¹(η): the standard errors are the square roots of the diagonal of the inverse Fisher
 * information (XᵀWX)⁻¹, W the working weights of the final iteration — evaluated where that
 * iteration started, one converged Newton step before b, exactly as R's {@code glm.fit} and
 * {@code summary.glm} do (dispersion 1 for the binomial and Poisson families); z = b / se and the
 * p-values are
 * two-sided normal, 2Φ(−|z|) (McCullagh &amp; Nelder 1989, ch. 2 and 4).
 *
 * <p>{@code separation} is true when the maximum-likelihood estimate appears not to exist (some
 * coefficients run off to infinity): for the logistic model some fitted probability within 1e-8 of
 * 0 or 1, for the Poisson model some fitted mean numerically 0, or the iteration did not converge or
 * the information matrix became singular on the way (Albert &amp; Anderson 1984). The coefficients and
 * standard errors of such a fit are those of the last iterate, not estimates: report the
 * {@code diagnosis}, never the numbers.
 *
 * <p>Arrays are copied on the way in and on every accessor call.
 *
 * @param coefficients     b, length p
 * @param standardErrors   sqrt(diag((XᵀWX)⁻¹)), length p
 * @param zValues          b / se, length p
 * @param pValues          2Φ(−|z|), length p
 * @param covariance       (XᵀWX)⁻¹, p × p
 * @param fitted           μ, length n
 * @param linearPredictors η, length n
 * @param deviance         residual deviance 2 Σ [ℓ(y; y) − ℓ(y; μ)]
 * @param nullDeviance     deviance of the intercept-only model
 * @param iterations       IRLS iterations performed
 * @param converged        whether |D − D_old| / (|D| + 0.1) &lt; 1e-8 was reached (R's criterion)
 * @param separation       whether the estimate appears not to exist (see above)
 * @param diagnosis        one line saying how the fit ended
 */
public record GlmFit(double[] coefficients, double[] standardErrors, double[] zValues, double[] pValues,
                     double[][] covariance, double[] fitted, double[] linearPredictors, double deviance,
                     double nullDeviance, int iterations, boolean converged, boolean separation,
                     String diagnosis) {

    public GlmFit {
        coefficients = coefficients.clone();
        standardErrors = standardErrors.clone();
        zValues = zValues.clone();
        pValues = pValues.clone();
        covariance = copy(covariance);
        fitted = fitted.clone();
        linearPredictors = linearPredictors.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    @Override
    public double[] zValues() {
        return zValues.clone();
    }

    @Override
    public double[] pValues() {
        return pValues.clone();
    }

    @Override
    public double[][] covariance() {
        return copy(covariance);
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] linearPredictors() {
        return linearPredictors.clone();
    }

    /** Number of coefficients p. */
    public int parameterCount() {
        return coefficients.length;
    }

    /** Number of observations n. */
    public int observationCount() {
        return fitted.length;
    }

    /** Coefficient j, without copying the array. */
    public double coefficient(int j) {
        return coefficients[j];
    }

    /** Standard error of coefficient j, without copying the array. */
    public double standardError(int j) {
        return standardErrors[j];
    }

    /** Mean of the fitted values, (1/n) Σ μ_i. */
    public double meanFitted() {
        double s = 0;
        for (double m : fitted) {
            s += m;
        }
        return s / fitted.length;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
