package org.fallline.evolution.internal;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Erf;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionException.Kind;

/**
 * Generalised linear models with canonical links, fitted by iteratively reweighted least squares
 * (Fisher scoring; Nelder &amp; Wedderburn 1972, McCullagh &amp; Nelder 1989 §2.5).
 *
 * <p>Each iteration regresses the working response z = η + (y − μ)/μ'(η) on the design X with weights
 * w = μ'(η)² / V(μ), solving the normal equations (XᵀWX) b = XᵀWz by a Cholesky factorisation of the
 * unit-diagonal rescaling of XᵀWX. Starting values, the clamping of the inverse links, step halving
 * on a non-finite deviance and the stopping rule |D − D_old| / (|D| + 0.1) &lt; 1e-8 are those of R's
 * {@code glm.fit}, so that iterates and results agree with R to rounding; the iteration limit is
 * {@value #MAX_ITERATIONS} instead of R's 25, and the count is recorded in the fit.
 *
 * <ul>
 * <li>logistic: binomial family, logit link, μ = 1/(1 + e^−η), V(μ) = μ(1 − μ), start μ = (y + ½)/2;</li>
 * <li>Poisson: log link, μ = e^η, V(μ) = μ, start μ = y + 0.1.</li>
 * </ul>
 *
 * <p>The design is an n × p array of rows, column 0 the intercept (all ones). A design whose
 * information matrix is singular at the first iteration is collinear and raises
 * {@link SelectionException} ({@link Kind#NUMERICAL}); an information matrix that becomes singular
 * later, fitted probabilities at 0 or 1, or no convergence are reported in the fit as
 * {@link GlmFit#separation()} with a {@link GlmFit#diagnosis()}. Memory beyond the inputs is O(n + p²).
 */
public final class Glm {

    /** Iteration limit (R's glm.control default is 25). */
    public static final int MAX_ITERATIONS = 100;

    /** Relative deviance change that stops the iteration, as R's glm.control. */
    public static final double EPSILON = 1e-8;

    /** Logistic fitted probabilities closer than this to 0 or 1 signal (quasi-)separation. */
    public static final double SEPARATION_TOLERANCE = 1e-8;

    /** Pivots of the unit-diagonal information matrix below this mean it is numerically singular. */
    static final double PIVOT_TOLERANCE = 1e-10;

    private static final double DBL_EPSILON = Math.ulp(1.0);
    private static final double THRESH = 30;
    private static final double MTHRESH = -30;
    private static final double INVEPS = 1 / DBL_EPSILON;

    private Glm() {
    }

    /**
     * Logistic regression of a 0/1 response: logit P(y = 1) = Xb.
     *
     * @param x design, n × p, column 0 all ones
     * @param y response, each 0 or 1, not all equal
     * @return the fit, with {@link GlmFit#separation()} set when the estimate does not exist
     * @throws SelectionException BAD_INPUT for malformed input, NUMERICAL for a collinear design
     */
    public static GlmFit logistic(double[][] x, double[] y) {
        return fit(Family.BINOMIAL, x, y);
    }

    /**
     * Poisson regression with log link: log E[y] = Xb.
     *
     * @param x design, n × p, column 0 all ones
     * @param y response, each finite and ≥ 0, not all 0
     * @return the fit
     * @throws SelectionException BAD_INPUT for malformed input, NUMERICAL for a collinear design
     */
    public static GlmFit poisson(double[][] x, double[] y) {
        return fit(Family.POISSON, x, y);
    }

    /** Exponential family with canonical link, following the functions of R's family objects. */
    private enum Family {
        BINOMIAL {
            @Override
            double start(double y) {
                return (y + 0.5) / 2;
            }

            @Override
            double link(double mu) {
                return Math.log(mu / (1 - mu));
            }

            @Override
            double inverseLink(double eta) {
                // R's logit_linkinv clamps so that μ stays strictly inside (0, 1)
                double t = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
                return t / (1 + t);
            }

            @Override
            double muEta(double eta) {
                if (eta > THRESH || eta < MTHRESH) {
                    return DBL_EPSILON;
                }
                double e = Math.exp(eta);
                double opexp = 1 + e;
                return e / (opexp * opexp);
            }

            @Override
            double variance(double mu) {
                return mu * (1 - mu);
            }

            @Override
            double devianceResidual(double y, double mu) {
                return 2 * (yLogY(y, mu) + yLogY(1 - y, 1 - mu));
            }

            @Override
            boolean validMean(double mu) {
                return mu > 0 && mu < 1;
            }
        },
        POISSON {
            @Override
            double start(double y) {
                return y + 0.1;
            }

            @Override
            double link(double mu) {
                return Math.log(mu);
            }

            @Override
            double inverseLink(double eta) {
                return Math.max(Math.exp(eta), DBL_EPSILON);
            }

            @Override
            double muEta(double eta) {
                return Math.max(Math.exp(eta), DBL_EPSILON);
            }

            @Override
            double variance(double mu) {
                return mu;
            }

            @Override
            double devianceResidual(double y, double mu) {
                return y > 0 ? 2 * (y * Math.log(y / mu) - (y - mu)) : 2 * mu;
            }

            @Override
            boolean validMean(double mu) {
                return mu > 0 && mu < Double.POSITIVE_INFINITY;
            }
        };

        abstract double start(double y);

        abstract double link(double mu);

        abstract double inverseLink(double eta);

        abstract double muEta(double eta);

        abstract double variance(double mu);

        abstract double devianceResidual(double y, double mu);

        abstract boolean validMean(double mu);

        static double yLogY(double y, double mu) {
            return y != 0 ? y * Math.log(y / mu) : 0;
        }
    }

    private static GlmFit fit(Family family, double[][] x, double[] y) {
        int n = validate(family, x, y);
        int p = x[0].length;

        double[] eta = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = family.link(family.start(y[i]));
            mu[i] = family.inverseLink(eta[i]);
        }
        double devOld = deviance(family, y, mu);

        double[] wz = new double[n];
        double[] w = new double[n];
        double[][] info = new double[p][p];
        double[] score = new double[p];
        double[] coef = null;
        double[] coefOld = null;
        Scaled lastSystem = null;
        boolean converged = false;
        String stop = null;
        int iter = 0;
        double dev = devOld;
        double change = Double.NaN;

        while (iter < MAX_ITERATIONS) {
            iter++;
            for (int i = 0; i < n; i++) {
                double d = family.muEta(eta[i]);
                double wi = d * d / family.variance(mu[i]);
                w[i] = wi;
                wz[i] = wi * (eta[i] + (y[i] - mu[i]) / d);
            }
            accumulate(x, w, wz, info, score);
            Scaled system = Scaled.factor(info);
            if (system == null) {
                if (iter == 1) {
                    throw new SelectionException(Kind.NUMERICAL, String.format(Locale.ROOT,
                        "the %d-column design is collinear (singular information matrix): "
                            + "some trait or term is a linear combination of the others", p));
                }
                stop = String.format(Locale.ROOT, "the information matrix became singular at iteration %d "
                    + "as fitted values reached the boundary", iter);
                iter--;
                break;
            }
            double[] next = system.solve(score);
            if (!allFinite(next)) {
                stop = String.format(Locale.ROOT, "non-finite coefficients at iteration %d", iter);
                iter--;
                break;
            }
            dev = update(family, x, y, next, eta, mu);
            if (!Double.isFinite(dev) || !allValid(family, mu)) {
                if (coefOld == null) {
                    throw new SelectionException(Kind.NUMERICAL,
                        "the first IRLS step gave a non-finite deviance: no valid coefficients found");
                }
                // step halving towards the previous iterate, as R's glm.fit
                int halvings = 0;
                while (!Double.isFinite(dev) || !allValid(family, mu)) {
                    if (++halvings > MAX_ITERATIONS) {
                        throw new SelectionException(Kind.NUMERICAL,
                            "IRLS step halving could not restore a finite deviance");
                    }
                    for (int j = 0; j < p; j++) {
                        next[j] = (next[j] + coefOld[j]) / 2;
                    }
                    dev = update(family, x, y, next, eta, mu);
                }
            }
            coef = next;
            lastSystem = system;
            change = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1);
            if (change < EPSILON) {
                converged = true;
                break;
            }
            devOld = dev;
            coefOld = coef;
        }
        if (coef == null) {
            throw new SelectionException(Kind.NUMERICAL, "IRLS made no step: " + stop);
        }

        double[][] cov = lastSystem.inverse();
        double[] se = new double[p];
        double[] zv = new double[p];
        double[] pv = new double[p];
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(cov[j][j]);
            zv[j] = coef[j] / se[j];
            pv[j] = Erf.erfc(Math.abs(zv[j]) / Math.sqrt(2));
        }
        double ybar = 0;
        for (double v : y) {
            ybar += v;
        }
        ybar /= n;
        double nullDev = 0;
        for (double v : y) {
            nullDev += family.devianceResidual(v, ybar);
        }

        int boundary = 0;
        for (double m : mu) {
            if (family == Family.BINOMIAL
                ? m < SEPARATION_TOLERANCE || m > 1 - SEPARATION_TOLERANCE
                : m < 10 * DBL_EPSILON) {
                boundary++;
            }
        }
        boolean separation = !converged || boundary > 0;
        String diagnosis = diagnose(family, n, iter, converged, change, stop, boundary);
        return new GlmFit(coef, se, zv, pv, cov, mu, eta, dev, nullDev, iter, converged, separation, diagnosis);
    }

    private static String diagnose(Family family, int n, int iter, boolean converged, double change,
                                   String stop, int boundary) {
        String how;
        if (converged) {
            how = String.format(Locale.ROOT, "converged in %d iterations", iter);
        } else if (stop != null) {
            how = "stopped: " + stop;
        } else {
            how = String.format(Locale.ROOT, "did not converge in %d iterations (relative deviance change %.3g)",
                iter, change);
        }
        if (boundary > 0) {
            String what = family == Family.BINOMIAL
                ? String.format(Locale.ROOT, "%d of %d fitted probabilities within %.0e of 0 or 1", boundary, n,
                    SEPARATION_TOLERANCE)
                : String.format(Locale.ROOT, "%d of %d fitted means numerically 0", boundary, n);
            return "(quasi-)separation: " + what + "; the maximum-likelihood estimate does not exist ("
                + how + ")";
        }
        if (!converged) {
            return "no estimate: " + how + "; likely (quasi-)separation";
        }
        return how;
    }

    private static int validate(Family family, double[][] x, double[] y) {
        if (x == null || y == null) {
            throw new SelectionException(Kind.BAD_INPUT, "design and response must not be null");
        }
        int n = x.length;
        if (n == 0 || x[0] == null || x[0].length == 0) {
            throw new SelectionException(Kind.BAD_INPUT, "the design has no rows or no columns");
        }
        if (y.length != n) {
            throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                "the response has %d values but the design has %d rows", y.length, n));
        }
        int p = x[0].length;
        if (p > n) {
            throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                "%d coefficients cannot be estimated from %d observations", p, n));
        }
        boolean seen0 = false;
        boolean seen1 = false;
        boolean positive = false;
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            if (row == null || row.length != p) {
                throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                    "design row %d has %s columns, expected %d", i + 1, row == null ? "no" : row.length, p));
            }
            if (row[0] != 1.0) {
                throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                    "design column 0 must be the intercept (all ones); row %d has %s", i + 1, row[0]));
            }
            for (int j = 1; j < p; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "design row %d column %d is not finite (%s)", i + 1, j, row[j]));
                }
            }
            double v = y[i];
            if (family == Family.BINOMIAL) {
                if (v != 0 && v != 1) {
                    throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "logistic regression needs a 0/1 response; observation %d is %s", i + 1, v));
                }
                seen0 |= v == 0;
                seen1 |= v == 1;
            } else {
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                        "Poisson regression needs a finite response >= 0; observation %d is %s", i + 1, v));
                }
                positive |= v > 0;
            }
        }
        if (family == Family.BINOMIAL && !(seen0 && seen1)) {
            throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                "logistic regression needs both outcomes; all %d responses are %s", n, seen1 ? "1" : "0"));
        }
        if (family == Family.POISSON && !positive) {
            throw new SelectionException(Kind.BAD_INPUT, String.format(Locale.ROOT,
                "Poisson regression needs some positive response; all %d responses are 0", n));
        }
        return n;
    }

    /** Upper triangle of XᵀWX into info (mirrored at the end) and XᵀWz into score. */
    private static void accumulate(double[][] x, double[] w, double[] wz, double[][] info, double[] score) {
        int p = score.length;
        for (double[] row : info) {
            Arrays.fill(row, 0);
        }
        Arrays.fill(score, 0);
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double wi = w[i];
            double zi = wz[i];
            for (int a = 0; a < p; a++) {
                double xa = xi[a];
                score[a] += xa * zi;
                double wa = wi * xa;
                if (wa == 0) {
                    continue;
                }
                double[] ia = info[a];
                for (int b = a; b < p; b++) {
                    ia[b] += wa * xi[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                info[a][b] = info[b][a];
            }
        }
    }

    /** η = Xb, μ = g⁻¹(η); returns the deviance. */
    private static double update(Family family, double[][] x, double[] y, double[] b, double[] eta, double[] mu) {
        int p = b.length;
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += xi[j] * b[j];
            }
            eta[i] = s;
            mu[i] = family.inverseLink(s);
        }
        return deviance(family, y, mu);
    }

    private static double deviance(Family family, double[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += family.devianceResidual(y[i], mu[i]);
        }
        return d;
    }

    private static boolean allValid(Family family, double[] mu) {
        for (double m : mu) {
            if (!family.validMean(m)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A symmetric positive definite A factored as D S D with D = diag(√A_jj), S = LLᵀ of unit diagonal,
     * so that the singularity test is independent of the scale of the columns.
     */
    private static final class Scaled {
        private final double[] d;
        private final DecompositionSolver solver;

        private Scaled(double[] d, DecompositionSolver solver) {
            this.d = d;
            this.solver = solver;
        }

        /** @return the factorisation, or null when A is numerically singular */
        static Scaled factor(double[][] a) {
            int p = a.length;
            double[] d = new double[p];
            for (int j = 0; j < p; j++) {
                if (!(a[j][j] > 0) || !Double.isFinite(a[j][j])) {
                    return null;
                }
                d[j] = Math.sqrt(a[j][j]);
            }
            double[][] s = new double[p][p];
            for (int i = 0; i < p; i++) {
                s[i][i] = 1;
                for (int j = i + 1; j < p; j++) {
                    double v = a[i][j] / (d[i] * d[j]);
                    s[i][j] = v;
                    s[j][i] = v;
                }
            }
            try {
                RealMatrix m = new Array2DRowRealMatrix(s, false);
                return new Scaled(d, new CholeskyDecomposition(m, 0, PIVOT_TOLERANCE).getSolver());
            } catch (MathIllegalArgumentException e) {
                // NonPositiveDefiniteMatrixException: a pivot fell below the tolerance
                return null;
            }
        }

        double[] solve(double[] rhs) {
            int p = d.length;
            double[] r = new double[p];
            for (int j = 0; j < p; j++) {
                r[j] = rhs[j] / d[j];
            }
            double[] u = solver.solve(new ArrayRealVector(r, false)).toArray();
            for (int j = 0; j < p; j++) {
                u[j] /= d[j];
            }
            return u;
        }

        double[][] inverse() {
            double[][] s = solver.getInverse().getData();
            int p = d.length;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    s[i][j] /= d[i] * d[j];
                }
            }
            return s;
        }
    }
}
