package org.fallline.evolution.internal;

import java.util.Locale;
import java.util.Optional;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionException.Kind;

/**
 * Selection gradients for fitness that is not normally distributed, from generalised linear models
 * of absolute fitness W on standardised traits z (n × k, standardised by the caller).
 *
 * <ul>
 * <li>Binary fitness (Janzen &amp; Stern 1998, Ecology 79:2632): logistic regression logit P(W = 1) = a + αᵀz;
 * β = mean(p(1 − p)) α / mean(W), standard errors scaled by the same factor; the average-derivative
 * γ implied by this first-order model, γ_ij = mean(p(1 − p)(1 − 2p)) α_i α_j / mean(W); and the
 * second-order logistic model with terms z, ½z_i², z_i z_j (i &lt; j), whose ½z_i² and z_i z_j
 * coefficients times mean(p(1 − p)) / mean(W) give γ.</li>
 * <li>Count fitness (Morrissey &amp; Sakrejda 2013, Evolution 67:2094): Poisson regression
 * log E[W] = a + bᵀz + ½zᵀQz; with fitted Ŵ_i and per-individual gradients g_i = b + Q z_i of log W,
 * the average-derivative gradients β = Σ Ŵ_i g_i / Σ Ŵ_i and γ = (Σ Ŵ_i g_i g_iᵀ) / Σ Ŵ_i + Q; and
 * (Morrissey &amp; Goudie 2022, Evolution 76:1378) the analytic gradients for this log-quadratic
 * fitness under multivariate normal traits with covariance P (the sample covariance of z, divisor
 * n − 1): P* = (P⁻¹ − Q)⁻¹, μ* = P* b, β = P⁻¹ μ*, γ = P⁻¹ (P* − P + μ*μ*ᵀ) P⁻¹, defined only when
 * P⁻¹ − Q is positive definite.</li>
 * </ul>
 *
 * <p>The second-order design has columns 1, z_1 … z_k, ½z_1² … ½z_k², then z_i z_j for i &lt; j in
 * the order (1,2), (1,3), …, (1,k), (2,3), …; {@link #secondOrderDesign(double[][])}.
 */
public final class NonNormalGradients {

    private NonNormalGradients() {
    }

    /**
     * Janzen–Stern gradients from the first-order logistic model.
     *
     * @param alpha          logistic slopes α (length k)
     * @param alphaSe        their standard errors
     * @param beta           β = mean(p(1 − p)) α / mean(W)
     * @param betaSe         SE(α) times the same factor
     * @param gammaAvgDeriv  γ_ij = mean(p(1 − p)(1 − 2p)) α_i α_j / mean(W), k × k
     * @param meanP1mP       mean(p(1 − p)) over the fitted probabilities
     * @param meanW          mean(W)
     * @param fit            the logistic fit (its {@code separation} flag applies)
     */
    public record JanzenStern(double[] alpha, double[] alphaSe, double[] beta, double[] betaSe,
                              double[][] gammaAvgDeriv, double meanP1mP, double meanW, GlmFit fit) {
        public JanzenStern {
            alpha = alpha.clone();
            alphaSe = alphaSe.clone();
            beta = beta.clone();
            betaSe = betaSe.clone();
            gammaAvgDeriv = GlmFit.copy(gammaAvgDeriv);
        }

        @Override
        public double[] alpha() {
            return alpha.clone();
        }

        @Override
        public double[] alphaSe() {
            return alphaSe.clone();
        }

        @Override
        public double[] beta() {
            return beta.clone();
        }

        @Override
        public double[] betaSe() {
            return betaSe.clone();
        }

        @Override
        public double[][] gammaAvgDeriv() {
            return GlmFit.copy(gammaAvgDeriv);
        }

        /** Whether the logistic fit shows (quasi-)separation: then the numbers are not estimates. */
        public boolean separation() {
            return fit.separation();
        }
    }

    /**
     * Janzen–Stern γ from the second-order logistic model.
     *
     * @param gamma     k × k, γ_ii = factor × coefficient of ½z_i², γ_ij = factor × coefficient of z_i z_j
     * @param gammaSe   standard errors times the same factor
     * @param meanP1mP  mean(p(1 − p)) over the fitted probabilities of this model
     * @param meanW     mean(W); factor = meanP1mP / meanW
     * @param fit       the second-order logistic fit
     */
    public record JanzenSternQuadratic(double[][] gamma, double[][] gammaSe, double meanP1mP, double meanW,
                                       GlmFit fit) {
        public JanzenSternQuadratic {
            gamma = GlmFit.copy(gamma);
            gammaSe = GlmFit.copy(gammaSe);
        }

        @Override
        public double[][] gamma() {
            return GlmFit.copy(gamma);
        }

        @Override
        public double[][] gammaSe() {
            return GlmFit.copy(gammaSe);
        }

        /**
         * Whether the second-order logistic fit shows (quasi-)separation or did not converge: then γ
         * is unreliable and must be reported as such, not as numbers.
         */
        public boolean separation() {
            return fit.separation();
        }
    }

    /**
     * Average-derivative gradients of the first-order Poisson model log E[W] = a + bᵀz. Because the
     * log-link score equation for the intercept makes Σ Ŵ = Σ W, β is b itself and γ = b bᵀ.
     *
     * @param b              Poisson slopes (length k)
     * @param bSe            their standard errors (also the SEs of β)
     * @param betaAvgDeriv   Σ Ŵ_i b / Σ Ŵ_i
     * @param gammaAvgDeriv  Σ Ŵ_i b bᵀ / Σ Ŵ_i
     * @param meanFitted     mean(Ŵ)
     * @param meanW          mean(W)
     * @param fit            the Poisson fit
     */
    public record PoissonLinear(double[] b, double[] bSe, double[] betaAvgDeriv, double[][] gammaAvgDeriv,
                                double meanFitted, double meanW, GlmFit fit) {
        public PoissonLinear {
            b = b.clone();
            bSe = bSe.clone();
            betaAvgDeriv = betaAvgDeriv.clone();
            gammaAvgDeriv = GlmFit.copy(gammaAvgDeriv);
        }

        @Override
        public double[] b() {
            return b.clone();
        }

        @Override
        public double[] bSe() {
            return bSe.clone();
        }

        @Override
        public double[] betaAvgDeriv() {
            return betaAvgDeriv.clone();
        }

        @Override
        public double[][] gammaAvgDeriv() {
            return GlmFit.copy(gammaAvgDeriv);
        }
    }

    /**
     * Gradients of log-quadratic count fitness log E[W] = a + bᵀz + ½zᵀQz.
     *
     * @param b              linear coefficients (length k)
     * @param bSe            their standard errors
     * @param q              Q (k × k): Q_ii the coefficient of ½z_i², Q_ij the coefficient of z_i z_j
     * @param qSe            standard errors of the entries of Q
     * @param betaAvgDeriv   Σ Ŵ_i g_i / Σ Ŵ_i with g_i = b + Q z_i
     * @param gammaAvgDeriv  (Σ Ŵ_i g_i g_iᵀ) / Σ Ŵ_i + Q
     * @param mvnAnalytic    the multivariate-normal analytic gradients, empty when P⁻¹ − Q is not
     *                       positive definite
     * @param mvnDiagnosis   one line: why {@code mvnAnalytic} is empty, or that it is defined
     * @param fit            the Poisson fit
     */
    public record PoissonQuadratic(double[] b, double[] bSe, double[][] q, double[][] qSe, double[] betaAvgDeriv,
                                   double[][] gammaAvgDeriv, Optional<Gradients> mvnAnalytic, String mvnDiagnosis,
                                   GlmFit fit) {
        public PoissonQuadratic {
            b = b.clone();
            bSe = bSe.clone();
            q = GlmFit.copy(q);
            qSe = GlmFit.copy(qSe);
            betaAvgDeriv = betaAvgDeriv.clone();
            gammaAvgDeriv = GlmFit.copy(gammaAvgDeriv);
        }

        @Override
        public double[] b() {
            return b.clone();
        }

        @Override
        public double[] bSe() {
            return bSe.clone();
        }

        @Override
        public double[][] q() {
            return GlmFit.copy(q);
        }

        @Override
        public double[][] qSe() {
            return GlmFit.copy(qSe);
        }

        @Override
        public double[] betaAvgDeriv() {
            return betaAvgDeriv.clone();
        }

        @Override
        public double[][] gammaAvgDeriv() {
            return GlmFit.copy(gammaAvgDeriv);
        }
    }

    /**
     * A pair of selection gradients β (length k) and γ (k × k).
     *
     * @param beta  directional selection gradient
     * @param gamma quadratic selection gradient, symmetric
     */
    public record Gradients(double[] beta, double[][] gamma) {
        public Gradients {
            beta = beta.clone();
            gamma = GlmFit.copy(gamma);
        }

        @Override
        public double[] beta() {
            return beta.clone();
        }

        @Override
        public double[][] gamma() {
            return GlmFit.copy(gamma);
        }
    }

    /** Design [1, z] (n × (k + 1)). */
    public static double[][] firstOrderDesign(double[][] z) {
        int k = checkTraits(z);
        double[][] x = new double[z.length][k + 1];
        for (int i = 0; i < z.length; i++) {
            x[i][0] = 1;
            System.arraycopy(z[i], 0, x[i], 1, k);
        }
        return x;
    }

    /** Number of columns of the second-order design for k traits: 1 + 2k + k(k − 1)/2. */
    public static int secondOrderParameterCount(int k) {
        return 1 + 2 * k + k * (k - 1) / 2;
    }

    /** Design [1, z, ½z_i², z_i z_j (i &lt; j)] in the column order stated in the class comment. */
    public static double[][] secondOrderDesign(double[][] z) {
        int k = checkTraits(z);
        int p = secondOrderParameterCount(k);
        double[][] x = new double[z.length][p];
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double[] xi = x[i];
            xi[0] = 1;
            int c = 1 + 2 * k;
            for (int a = 0; a < k; a++) {
                xi[1 + a] = zi[a];
                xi[1 + k + a] = 0.5 * zi[a] * zi[a];
                for (int b = a + 1; b < k; b++) {
                    xi[c++] = zi[a] * zi[b];
                }
            }
        }
        return x;
    }

    /**
     * Janzen–Stern β and the implied average-derivative γ from the first-order logistic model.
     *
     * @param z standardised traits, n × k
     * @param w binary fitness (0/1), length n
     */
    public static JanzenStern janzenStern(double[][] z, double[] w) {
        int k = checkTraits(z);
        GlmFit fit = Glm.logistic(firstOrderDesign(z), w);
        double[] p = fit.fitted();
        double m1 = 0;
        double m2 = 0;
        for (double pi : p) {
            double v = pi * (1 - pi);
            m1 += v;
            m2 += v * (1 - 2 * pi);
        }
        m1 /= p.length;
        m2 /= p.length;
        double meanW = mean(w);
        double factor = m1 / meanW;
        double[] alpha = new double[k];
        double[] alphaSe = new double[k];
        double[] beta = new double[k];
        double[] betaSe = new double[k];
        for (int j = 0; j < k; j++) {
            alpha[j] = fit.coefficient(1 + j);
            alphaSe[j] = fit.standardError(1 + j);
            beta[j] = factor * alpha[j];
            betaSe[j] = factor * alphaSe[j];
        }
        double[][] gamma = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                gamma[a][b] = m2 / meanW * alpha[a] * alpha[b];
                gamma[b][a] = gamma[a][b];
            }
        }
        return new JanzenStern(alpha, alphaSe, beta, betaSe, gamma, m1, meanW, fit);
    }

    /**
     * Janzen–Stern γ from the second-order logistic model.
     *
     * @param z standardised traits, n × k
     * @param w binary fitness (0/1), length n
     * @throws SelectionException BAD_INPUT when the model has as many parameters as individuals or more
     */
    public static JanzenSternQuadratic janzenSternQuadratic(double[][] z, double[] w) {
        int k = checkTraits(z);
        requireEstimable(k, z.length);
        GlmFit fit = Glm.logistic(secondOrderDesign(z), w);
        double[] p = fit.fitted();
        double m1 = 0;
        for (double pi : p) {
            m1 += pi * (1 - pi);
        }
        m1 /= p.length;
        double meanW = mean(w);
        double factor = m1 / meanW;
        double[][] gamma = quadraticBlock(fit.coefficients(), k, factor);
        double[][] gammaSe = quadraticBlock(fit.standardErrors(), k, factor);
        return new JanzenSternQuadratic(gamma, gammaSe, m1, meanW, fit);
    }

    /**
     * Average-derivative gradients of the first-order Poisson model.
     *
     * @param z standardised traits, n × k
     * @param w count fitness (≥ 0), length n
     */
    public static PoissonLinear poissonLinear(double[][] z, double[] w) {
        int k = checkTraits(z);
        GlmFit fit = Glm.poisson(firstOrderDesign(z), w);
        double[] b = new double[k];
        double[] bSe = new double[k];
        for (int j = 0; j < k; j++) {
            b[j] = fit.coefficient(1 + j);
            bSe[j] = fit.standardError(1 + j);
        }
        double[] fitted = fit.fitted();
        Gradients ad = averageDerivative(b, new double[k][k], z, fitted);
        return new PoissonLinear(b, bSe, ad.beta, ad.gamma, mean(fitted), mean(w), fit);
    }

    /**
     * Average-derivative and multivariate-normal analytic gradients of the second-order Poisson model.
     *
     * @param z standardised traits, n × k
     * @param w count fitness (≥ 0), length n
     * @throws SelectionException BAD_INPUT when the model has as many parameters as individuals or more
     */
    public static PoissonQuadratic poissonQuadratic(double[][] z, double[] w) {
        int k = checkTraits(z);
        requireEstimable(k, z.length);
        GlmFit fit = Glm.poisson(secondOrderDesign(z), w);
        double[] coef = fit.coefficients();
        double[] se = fit.standardErrors();
        double[] b = new double[k];
        double[] bSe = new double[k];
        for (int j = 0; j < k; j++) {
            b[j] = coef[1 + j];
            bSe[j] = se[1 + j];
        }
        double[][] q = quadraticBlock(coef, k, 1);
        double[][] qSe = quadraticBlock(se, k, 1);
        Gradients ad = averageDerivative(b, q, z, fit.fitted());
        Attempt mvn = attemptMvn(b, q, covariance(z));
        String diagnosis = mvn.gradients() != null
            ? "defined: P^-1 - Q is positive definite"
            : undefinedMessage(mvn.smallestEigenvalue());
        return new PoissonQuadratic(b, bSe, q, qSe, ad.beta, ad.gamma, Optional.ofNullable(mvn.gradients()),
            diagnosis, fit);
    }

    /**
     * Analytic selection gradients for log-quadratic fitness exp(a + bᵀz + ½zᵀQz) acting on
     * multivariate normal traits with covariance P (Morrissey &amp; Goudie 2022): the selected
     * distribution is normal with covariance P* = (P⁻¹ − Q)⁻¹ and mean μ* = P* b, so
     * β = P⁻¹ μ* and γ = P⁻¹ (P* − P + μ*μ*ᵀ) P⁻¹ (Lande &amp; Arnold 1983, eq. 14).
     *
     * @throws SelectionException NUMERICAL when P⁻¹ − Q is not positive definite (fitness grows
     *                            too fast for the selected distribution to exist) or P is singular
     */
    public static Gradients mvnAnalytic(double[] b, double[][] q, double[][] p) {
        Attempt attempt = attemptMvn(b, q, p);
        if (attempt.gradients() == null) {
            throw new SelectionException(Kind.NUMERICAL, undefinedMessage(attempt.smallestEigenvalue()));
        }
        return attempt.gradients();
    }

    /** The MVN-analytic gradients, or null with the smallest eigenvalue of P⁻¹ − Q when not defined. */
    private record Attempt(Gradients gradients, double smallestEigenvalue) {
    }

    private static Attempt attemptMvn(double[] b, double[][] q, double[][] p) {
        int k = b.length;
        RealMatrix pInv = inverse(p);
        EigenDecomposition eig = new EigenDecomposition(pInv.subtract(new Array2DRowRealMatrix(q)));
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double l : eig.getRealEigenvalues()) {
            min = Math.min(min, l);
            max = Math.max(max, Math.abs(l));
        }
        // a relative test: an eigenvalue at rounding level of the largest counts as zero
        if (!(min > 1e-12 * max)) {
            return new Attempt(null, min);
        }
        RealMatrix pStar = eig.getSolver().getInverse();
        RealVector muStar = pStar.operate(new ArrayRealVector(b));
        double[] beta = pInv.operate(muStar).toArray();
        RealMatrix inner = pStar.subtract(new Array2DRowRealMatrix(p)).add(muStar.outerProduct(muStar));
        double[][] gamma = pInv.multiply(inner).multiply(pInv).getData();
        symmetrise(gamma, k);
        return new Attempt(new Gradients(beta, gamma), min);
    }

    private static String undefinedMessage(double min) {
        return String.format(Locale.ROOT, "MVN-analytic gradients undefined: P^-1 - Q is not positive definite "
            + "(smallest eigenvalue %.4g), so the fitted fitness function grows too fast for a selected "
            + "normal distribution to exist", min);
    }

    /** Σ Ŵ_i g_i / Σ Ŵ_i and (Σ Ŵ_i g_i g_iᵀ) / Σ Ŵ_i + Q, with g_i = b + Q z_i. */
    static Gradients averageDerivative(double[] b, double[][] q, double[][] z, double[] fitted) {
        int k = b.length;
        double total = 0;
        double[] beta = new double[k];
        double[][] gamma = new double[k][k];
        double[] g = new double[k];
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double wi = fitted[i];
            for (int a = 0; a < k; a++) {
                double s = b[a];
                double[] qa = q[a];
                for (int c = 0; c < k; c++) {
                    s += qa[c] * zi[c];
                }
                g[a] = s;
            }
            total += wi;
            for (int a = 0; a < k; a++) {
                double wga = wi * g[a];
                beta[a] += wga;
                for (int c = a; c < k; c++) {
                    gamma[a][c] += wga * g[c];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            beta[a] /= total;
            for (int c = a; c < k; c++) {
                gamma[a][c] = gamma[a][c] / total + q[a][c];
                gamma[c][a] = gamma[a][c];
            }
        }
        return new Gradients(beta, gamma);
    }

    /** Sample covariance of the columns of z, divisor n − 1. */
    static double[][] covariance(double[][] z) {
        int n = z.length;
        int k = z[0].length;
        double[] mean = new double[k];
        for (double[] r : z) {
            for (int j = 0; j < k; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < k; j++) {
            mean[j] /= n;
        }
        double[][] c = new double[k][k];
        for (double[] r : z) {
            for (int a = 0; a < k; a++) {
                double da = r[a] - mean[a];
                for (int b = a; b < k; b++) {
                    c[a][b] += da * (r[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                c[a][b] /= n - 1;
                c[b][a] = c[a][b];
            }
        }
        return c;
    }

    private static RealMatrix inverse(double[][] p) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(p)).getSolver().getInverse();
        } catch (MathIllegalArgumentException e) {
            throw new SelectionException(Kind.NUMERICAL,
                "the trait covariance matrix P is singular or not positive definite: traits are collinear", e);
        }
    }

    /** The k × k block of ½z_i² (diagonal) and z_i z_j (off-diagonal) entries of v, times factor. */
    private static double[][] quadraticBlock(double[] v, int k, double factor) {
        double[][] m = new double[k][k];
        int c = 1 + 2 * k;
        for (int a = 0; a < k; a++) {
            m[a][a] = factor * v[1 + k + a];
            for (int b = a + 1; b < k; b++) {
                m[a][b] = factor * v[c++];
                m[b][a] = m[a][b];
            }
        }
        return m;
    }

    private static void symmetrise(double[][] m, int k) {
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double v = 0.5 * (m[a][b] + m[b][a]);
                m[a][b] = v;
                m[b][a] = v;
            }
        }
    }

    private static void requireEstimable(int k, int n) {
        int p = secondOrderParameterCount(k);
        if (p >= n) {
            throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                "the second-order model for %d traits needs %d parameters but there are only %d individuals",
                k, p, n));
        }
    }

    private static int checkTraits(double[][] z) {
        if (z == null || z.length == 0 || z[0] == null || z[0].length == 0) {
            throw new SelectionException(Kind.BAD_INPUT, "no standardised traits given");
        }
        int k = z[0].length;
        for (int i = 0; i < z.length; i++) {
            if (z[i] == null || z[i].length != k) {
                throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                    "trait row %d has %s values, expected %d", i + 1, z[i] == null ? "no" : z[i].length, k));
            }
        }
        return k;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
