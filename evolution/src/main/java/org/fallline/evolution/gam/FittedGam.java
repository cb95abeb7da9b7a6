package org.fallline.evolution.gam;

import java.util.List;
import org.fallline.evolution.internal.gam.GamDesign;
import org.fallline.evolution.internal.gam.SmoothingSearch;

/**
 * A fitted GAM fitness function W̃(z) = h(η(z)), η(z) = x(z)ᵀβ̂ (see {@link Gam}), immutable and safe to share
 * between threads. At any trait vector z (the units the fit was given, e.g. standardised traits) it gives the
 * linear predictor, the fitted fitness on the response scale, their exact gradient and Hessian in z (from the
 * derivatives of the spline basis: ∇W̃ = h′(η)∇η, ∇²W̃ = h″(η)∇η∇ηᵀ + h′(η)∇²η) and the pointwise standard error
 * of η from the Bayesian posterior covariance V<sub>β</sub> = (XᵀWX + S<sub>λ</sub>)⁻¹φ (Wood 2017 §6.10; mgcv's
 * {@code Vp}): se(η(z)) = √(x(z)ᵀV<sub>β</sub>x(z)). Covariates, when the model has them, are held at their means
 * unless given.
 *
 * <p>Fit summaries as mgcv reports them: {@link #edf()} = tr(F), F = (XᵀWX + S<sub>λ</sub>)⁻¹XᵀWX (intercept
 * included, mgcv's {@code sum(edf)}), {@link #smoothingParameters()} ({@code sp}), {@link #criterion()} and
 * {@link #score()} ({@code gcv.ubre}), {@link #scale()} φ ({@code sig2}: D/(n − τ) for Gaussian, 1 otherwise).
 */
public final class FittedGam {

    private final List<String> traits;
    private final List<String> covariates;
    private final double[] covariateMeans;
    private final GamDesign design;
    private final GamFamily family;
    private final SmoothingCriterion criterion;
    private final double score;
    private final double[] beta;
    private final double[][] vp;
    private final double edf;
    private final double[] coefficientEdf;
    private final double[] lambda;
    private final double scale;
    private final double deviance;
    private final int n;
    private final int iterations;
    private final double[] fitted;
    private final String formula;
    private final boolean smoothingConverged;
    private final int saturated;

    FittedGam(List<String> traits, List<String> covariates, double[] covariateMeans, GamDesign design,
            GamFamily family, SmoothingCriterion criterion, SmoothingSearch.Result result, int[] group, String formula) {
        int n = group.length;
        this.traits = List.copyOf(traits);
        this.covariates = List.copyOf(covariates);
        this.covariateMeans = covariateMeans.clone();
        this.design = design;
        this.family = family;
        this.criterion = criterion;
        this.score = result.score();
        this.beta = result.fit().beta().clone();
        this.edf = result.fit().edf();
        this.coefficientEdf = result.fit().coefficientEdf().clone();
        this.deviance = result.fit().deviance();
        this.n = n;
        this.iterations = result.fit().iterations();
        this.scale = family.scaleKnown() ? 1.0 : deviance / (n - edf);
        double[][] v = result.fit().covarianceUnscaled();
        this.vp = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            vp[i] = v[i].clone();
            for (int j = 0; j < v.length; j++) {
                vp[i][j] *= scale;
            }
        }
        double[] rho = result.rho();
        this.lambda = new double[rho.length];
        for (int j = 0; j < rho.length; j++) {
            lambda[j] = Math.exp(rho[j]);
        }
        double[] eta = result.fit().eta();
        this.fitted = new double[n];
        int extreme = 0;
        for (int i = 0; i < n; i++) {
            fitted[i] = family.mean(eta[group[i]]);
            if (family == GamFamily.BINOMIAL && Math.abs(eta[group[i]]) > GamFamily.THRESHOLD) {
                extreme++;
            }
        }
        this.saturated = extreme;
        this.formula = formula;
        this.smoothingConverged = result.converged();
    }

    /**
     * Whether the smoothing-parameter search met its tolerance; false when it stopped at its evaluation budget with
     * the best point found (as mgcv warns "check results carefully", typically a model with more wiggliness than the
     * data can support).
     */
    public boolean smoothingConverged() {
        return smoothingConverged;
    }

    /** η(z), covariates at their means. */
    public double linearPredictor(double[] z) {
        return linearPredictor(z, covariateMeans);
    }

    /** η(z, c). */
    public double linearPredictor(double[] z, double[] c) {
        double[] x = new double[beta.length];
        design.row(check(z), c, design.workspace(), x);
        return dot(x, beta);
    }

    /** W̃(z) = h(η(z)), the fitted fitness on the response scale. */
    public double fitness(double[] z) {
        return family.mean(linearPredictor(z));
    }

    /** W̃(z, c). */
    public double fitness(double[] z, double[] c) {
        return family.mean(linearPredictor(z, c));
    }

    /** ∇<sub>z</sub>η. */
    public double[] linkGradient(double[] z) {
        check(z);
        int k = traits.size();
        double[] g = new double[k];
        double[] x = new double[beta.length];
        GamDesign.Workspace w = design.workspace();
        for (int a = 0; a < k; a++) {
            design.derivativeRow(z, a, -1, w, x);
            g[a] = dot(x, beta);
        }
        return g;
    }

    /** ∇²<sub>z</sub>η, k × k. */
    public double[][] linkHessian(double[] z) {
        check(z);
        int k = traits.size();
        double[][] h = new double[k][k];
        double[] x = new double[beta.length];
        GamDesign.Workspace w = design.workspace();
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                design.derivativeRow(z, a, b, w, x);
                h[a][b] = dot(x, beta);
                h[b][a] = h[a][b];
            }
        }
        return h;
    }

    /** ∇<sub>z</sub>W̃ = h′(η)∇η (covariates at their means; derivatives in z do not depend on them otherwise). */
    public double[] gradient(double[] z) {
        double d1 = family.meanDerivative(linearPredictor(z));
        double[] g = linkGradient(z);
        for (int a = 0; a < g.length; a++) {
            g[a] *= d1;
        }
        return g;
    }

    /** ∇²<sub>z</sub>W̃ = h″(η)∇η∇ηᵀ + h′(η)∇²η. */
    public double[][] hessian(double[] z) {
        double eta = linearPredictor(z);
        return hessian(z, eta);
    }

    /** The Hessian of W̃ at z given its linear predictor η(z) (with whatever covariates it was computed). */
    public double[][] hessian(double[] z, double eta) {
        double d1 = family.meanDerivative(eta);
        double d2 = family.meanSecondDerivative(eta);
        double[] g = linkGradient(z);
        double[][] h = linkHessian(z);
        for (int a = 0; a < g.length; a++) {
            for (int b = 0; b < g.length; b++) {
                h[a][b] = d2 * g[a] * g[b] + d1 * h[a][b];
            }
        }
        return h;
    }

    /** The gradient of W̃ at z given its linear predictor η(z). */
    public double[] gradient(double[] z, double eta) {
        double d1 = family.meanDerivative(eta);
        double[] g = linkGradient(z);
        for (int a = 0; a < g.length; a++) {
            g[a] *= d1;
        }
        return g;
    }

    /** se(η(z)) = √(x(z)ᵀV<sub>β</sub>x(z)), covariates at their means. */
    public double standardError(double[] z) {
        return standardError(z, covariateMeans);
    }

    /** se(η(z, c)). */
    public double standardError(double[] z, double[] c) {
        double[] x = new double[beta.length];
        design.row(check(z), c, design.workspace(), x);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * dot(vp[i], x);
        }
        return Math.sqrt(Math.max(s, 0));
    }

    /** The fitted values W̃(z<sub>i</sub>, c<sub>i</sub>) of the individuals fitted, in order (a copy). */
    public double[] fittedValues() {
        return fitted.clone();
    }

    /**
     * Individuals whose fitted survival probability is 0 or 1 to double precision (binomial, |η| &gt; 30, where R's
     * logit link stops): quasi-separation by the fitted function; 0 for the other families.
     */
    public int saturatedFits() {
        return saturated;
    }

    /** Total effective degrees of freedom tr(F), intercept and covariates included. */
    public double edf() {
        return edf;
    }

    /** Effective degrees of freedom of each smooth (Σ of diag(F) over its coefficients), in formula order. */
    public double[] smoothEdf() {
        double[] e = new double[design.smooths().size()];
        for (int s = 0; s < e.length; s++) {
            int o = design.offset(s);
            for (int c = 0; c < design.smooths().get(s).dimension(); c++) {
                e[s] += coefficientEdf[o + c];
            }
        }
        return e;
    }

    /** λ, one per penalty (smooth by smooth, margin by margin), on mgcv's scale of the penalties. */
    public double[] smoothingParameters() {
        return lambda.clone();
    }

    public SmoothingCriterion criterion() {
        return criterion;
    }

    /** The minimised GCV or UBRE score. */
    public double score() {
        return score;
    }

    public GamFamily family() {
        return family;
    }

    /** The scale φ: 1 for binomial and Poisson, D/(n − τ) for Gaussian. */
    public double scale() {
        return scale;
    }

    /** The deviance D of the fit. */
    public double deviance() {
        return deviance;
    }

    /** Individuals fitted. */
    public int n() {
        return n;
    }

    /** Penalised IRLS iterations of the final fit. */
    public int iterations() {
        return iterations;
    }

    /** The coefficients β̂ (intercept, covariates, smooth bases; a copy). */
    public double[] coefficients() {
        return beta.clone();
    }

    /** The Bayesian posterior covariance V<sub>β</sub> (a copy). */
    public double[][] covariance() {
        double[][] c = new double[vp.length][];
        for (int i = 0; i < vp.length; i++) {
            c[i] = vp[i].clone();
        }
        return c;
    }

    public List<String> traits() {
        return traits;
    }

    public List<String> covariates() {
        return covariates;
    }

    /** The covariates' means, at which they are held when not given. */
    public double[] covariateMeans() {
        return covariateMeans.clone();
    }

    /** The right-hand side in mgcv's notation, e.g. {@code te(bw, gest, bs = "cr", k = 5)}. */
    public String formula() {
        return formula;
    }

    /** The knots of smooth s, margin by margin. */
    public double[][] knots(int s) {
        return design.smooths().get(s).knots();
    }

    private double[] check(double[] z) {
        if (z.length != traits.size()) {
            throw new IllegalArgumentException("the fitness function has " + traits.size() + " traits, got a point with "
                    + z.length);
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
