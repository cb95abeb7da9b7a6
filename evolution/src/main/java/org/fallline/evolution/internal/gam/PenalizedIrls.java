package org.fallline.evolution.internal.gam;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.fallline.evolution.gam.GamFamily;
import org.fallline.evolution.internal.StreamingQr;

/**
 * The penalised likelihood fit at fixed smoothing parameters λ = e<sup>ρ</sup> by penalised iteratively
 * re-weighted least squares (Wood 2017 §6.1.1): with working weights w = (dμ/dη)²/V(μ) and working response
 * ζ = η + (y − μ)/(dμ/dη), each step minimises ‖√W(ζ − Xβ)‖² + βᵀS<sub>λ</sub>β, S<sub>λ</sub> = Σ λ<sub>j</sub>S<sub>j</sub>,
 * halving the step while the penalised deviance D + βᵀS<sub>λ</sub>β rises.
 *
 * <p>Each step is solved stably, never by normal equations: √W[X ζ] is reduced to its triangle [R f; 0 r] by
 * streamed Householder QR ({@link StreamingQr}); then [R; E] with E = [√λ<sub>1</sub>E<sub>1</sub>; …; √λ<sub>m</sub>E<sub>m</sub>],
 * E<sub>j</sub>ᵀE<sub>j</sub> = S<sub>j</sub> from the eigen-decomposition of each penalty (EJML's symmetric QR
 * algorithm, once per model), so EᵀE = S<sub>λ</sub>, is factored again, R̃ its p × p triangle, β̂ the least-squares solution of [R; E]β ≈ [f; 0]. The
 * influence matrix's trace is τ = tr((R̃ᵀR̃)⁻¹RᵀR) = ‖RR̃⁻¹‖<sub>F</sub>² and the Bayesian posterior covariance
 * V<sub>β</sub> = (XᵀWX + S<sub>λ</sub>)⁻¹φ = R̃⁻¹R̃⁻ᵀφ (Wood 2017 §6.10).
 */
public final class PenalizedIrls {

    /** Penalised-deviance change, relative, below which the iteration has converged. */
    static final double TOLERANCE = 1e-9;
    /** Iterations before the fit is declared not to converge. */
    public static final int MAX_ITERATIONS = 200;
    /** |η| beyond which a binomial fitted probability is 0 or 1 to double precision (separation). */
    static final double SEPARATED = 30;

    private final double[] x;
    private final double[] y;
    /** Prior weights: how many individuals share row i (identical traits); y is their mean response. */
    private final double[] weights;
    /** Σ<sub>i</sub> d(y<sub>i</sub>, ȳ<sub>g(i)</sub>): the deviance lost by replacing individuals with their row's mean. */
    private final double devianceConstant;
    private final int n;
    private final int p;
    private final GamFamily family;
    private final List<double[][]> penalties;
    /** E<sub>j</sub> with E<sub>j</sub>ᵀE<sub>j</sub> = S<sub>j</sub>: [R; √λ<sub>1</sub>E<sub>1</sub>; …] has Σλ<sub>j</sub>S<sub>j</sub> as its penalty part. */
    private final List<double[][]> roots;
    private final int rootRows;
    /** The Gaussian working model does not change with λ: its triangle is computed once. */
    private double[] gaussianTriangle;

    /** The fit at one λ. */
    public record Fit(double[] beta, double[] eta, double deviance, double penalizedDeviance, double edf,
            double[] coefficientEdf, double[][] covarianceUnscaled, int iterations) {
    }

    /** Trouble in the iteration: what and at which iteration. */
    public static final class NotConverged extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean separated;

        NotConverged(String message, boolean separated) {
            super(message);
            this.separated = separated;
        }

        /** Whether fitted probabilities reached 0 or 1 (a binomial fit separating the data). */
        public boolean separated() {
            return separated;
        }
    }

    /**
     * @param x         the model matrix of the distinct rows, row-major n × p
     * @param y         the mean response of each distinct row
     * @param weights   the number of individuals of each distinct row
     * @param devianceConstant Σ d(y<sub>i</sub>, ȳ) within rows, added to every deviance
     * @param penalties the embedded penalties S<sub>j</sub>, p × p
     */
    public PenalizedIrls(double[] x, int p, double[] y, double[] weights, double devianceConstant, GamFamily family,
            List<double[][]> penalties) {
        this.x = x;
        this.y = y;
        this.weights = weights;
        this.devianceConstant = devianceConstant;
        this.n = y.length;
        this.p = p;
        this.family = family;
        this.penalties = penalties;
        this.roots = new java.util.ArrayList<>();
        int rows = 0;
        for (double[][] s : penalties) {
            double[][] r = squareRoot(s);
            roots.add(r);
            rows += r.length;
        }
        this.rootRows = rows;
    }

    /** The linear predictor glm starts from: g(mustart). */
    public double[] startingEta() {
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = family.link(family.start(y[i]));
        }
        return eta;
    }

    /** Fits at log smoothing parameters ρ from the linear predictor {@code eta0}. */
    public Fit fit(double[] rho, double[] eta0) throws NotConverged {
        double[][] sLambda = new double[p][p];
        for (int j = 0; j < penalties.size(); j++) {
            double l = Math.exp(rho[j]);
            double[][] s = penalties.get(j);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    sLambda[a][b] += l * s[a][b];
                }
            }
        }
        double[][] e = new double[rootRows][];
        int at = 0;
        for (int j = 0; j < roots.size(); j++) {
            double sl = Math.exp(0.5 * rho[j]);
            for (double[] r : roots.get(j)) {
                double[] scaled = new double[p];
                for (int c = 0; c < p; c++) {
                    scaled[c] = sl * r[c];
                }
                e[at++] = scaled;
            }
        }
        double[] eta = eta0.clone();
        double[] beta = null;
        double oldPdev = Double.POSITIVE_INFINITY;
        double[] row = new double[p + 1];
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            double[] raug = triangle(eta, row);
            // τ, diag(F) and V_β only where they are reported: the Gaussian fit and the final step below
            Step step = solve(raug, e, family == GamFamily.GAUSSIAN);
            double[] candidate = step.beta;
            double[] newEta = new double[n];
            double pdev = evaluate(candidate, sLambda, newEta);
            int halvings = 0;
            while (beta != null && !(pdev <= oldPdev * (1 + 1e-14) + 1e-300) && halvings < 40) {
                for (int c = 0; c < p; c++) {
                    candidate[c] = 0.5 * (candidate[c] + beta[c]);
                }
                pdev = evaluate(candidate, sLambda, newEta);
                halvings++;
            }
            if (!Double.isFinite(pdev)) {
                throw new NotConverged(String.format(Locale.ROOT, "penalised IRLS broke down at iteration %d: the"
                        + " penalised deviance is not finite", iter), separated(newEta));
            }
            boolean converged = beta != null && Math.abs(pdev - oldPdev) <= TOLERANCE * (Math.abs(pdev) + 0.1);
            beta = candidate;
            eta = newEta;
            oldPdev = pdev;
            if (converged || family == GamFamily.GAUSSIAN) {
                if (family != GamFamily.GAUSSIAN) {
                    // one more Newton step at the converged weights: β's error is squared, and τ, diag(F) and
                    // V_β are those of the final weights, as mgcv reports them
                    step = solve(triangle(eta, row), e, true);
                    beta = step.beta;
                    oldPdev = evaluate(beta, sLambda, eta);
                }
                double dev = devianceConstant;
                for (int i = 0; i < n; i++) {
                    dev += weights[i] * family.deviance(y[i], family.mean(eta[i]));
                }
                return new Fit(beta, eta, dev, oldPdev, step.edf, step.coefficientEdf, step.vUnscaled, iter);
            }
        }
        boolean sep = separated(eta);
        throw new NotConverged(String.format(Locale.ROOT, "penalised IRLS did not converge in %d iterations"
                + " (iteration %d still changed the penalised deviance %.6g by more than %.0e relative)",
                MAX_ITERATIONS, MAX_ITERATIONS, oldPdev, TOLERANCE), sep);
    }

    /** The triangle [R f; 0 r] of √W[X ζ] at the linear predictor η. */
    private double[] triangle(double[] eta, double[] row) {
        if (gaussianTriangle != null) {
            return gaussianTriangle;
        }
        StreamingQr qr = new StreamingQr(p + 1);
        for (int i = 0; i < n; i++) {
            double d = family.meanDerivative(eta[i]);
            double mu = family.mean(eta[i]);
            double w = weights[i] * d * d / family.variance(mu);
            // a fitted mean at 0 or 1 (binomial) or 0 (Poisson) to double precision carries no weight
            double sw = w > 0 && Double.isFinite(w) ? Math.sqrt(w) : 0;
            double zeta = sw == 0 ? 0 : eta[i] + (y[i] - mu) / d;
            int o = i * p;
            for (int c = 0; c < p; c++) {
                row[c] = sw * x[o + c];
            }
            row[p] = sw * zeta;
            qr.add(row);
        }
        double[] r = qr.r();
        if (family == GamFamily.GAUSSIAN) {
            gaussianTriangle = r;
        }
        return r;
    }

    private boolean separated(double[] eta) {
        if (family != GamFamily.BINOMIAL) {
            return false;
        }
        for (double v : eta) {
            if (!(Math.abs(v) < SEPARATED)) {
                return true;
            }
        }
        return false;
    }

    private record Step(double[] beta, double edf, double[] coefficientEdf, double[][] vUnscaled) {
    }

    /** Solves [R; E]β ≈ [f; 0] and forms τ, diag(F) and (R̃ᵀR̃)⁻¹. */
    private Step solve(double[] raug, double[][] e, boolean full) throws NotConverged {
        int q = p + 1;
        int m = p + e.length;
        double[][] a = new double[m][p];
        double[] rhs = new double[m];
        for (int i = 0; i < p; i++) {
            System.arraycopy(raug, i * q, a[i], 0, p);
            rhs[i] = raug[i * q + p];
        }
        for (int i = 0; i < e.length; i++) {
            a[p + i] = e[i].clone();
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(a, false));
        RealMatrix rt = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
        double big = 0;
        double small = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p; i++) {
            double d = Math.abs(rt.getEntry(i, i));
            big = Math.max(big, d);
            small = Math.min(small, d);
        }
        if (!(small > 1e-13 * big)) {
            throw new NotConverged("the penalised least-squares problem is singular (the basis has more coefficients"
                    + " than the data and penalty determine)", false);
        }
        double[] beta = qr.getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
        if (!full) {
            return new Step(beta, Double.NaN, null, null);
        }
        double[][] rInv = upperInverse(rt);
        // F = (R̃ᵀR̃)⁻¹RᵀR; τ = ‖R R̃⁻¹‖²_F, diag(F)_c = Σ_a (R̃⁻¹R̃⁻ᵀ RᵀR)_cc
        double[][] r = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(raug, i * q, r[i], 0, p);
        }
        double[][] rri = multiply(r, rInv);
        double tau = 0;
        for (double[] rowv : rri) {
            for (double v : rowv) {
                tau += v * v;
            }
        }
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int l = Math.max(i, j); l < p; l++) {
                    s += rInv[i][l] * rInv[j][l];
                }
                v[i][j] = s;
            }
        }
        // diag((R̃ᵀR̃)⁻¹ RᵀR) = row c of R̃⁻¹ · (R̃⁻ᵀRᵀR)[:, c] = Σ_l (R̃⁻¹)_cl ((R R̃⁻¹)ᵀ R)_lc
        double[][] rriT = new double[p][p];
        for (int l = 0; l < p; l++) {
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int i = 0; i < p; i++) {
                    s += rri[i][l] * r[i][c];
                }
                rriT[l][c] = s;
            }
        }
        double[] edf = new double[p];
        for (int c = 0; c < p; c++) {
            double s = 0;
            for (int l = c; l < p; l++) {
                s += rInv[c][l] * rriT[l][c];
            }
            edf[c] = s;
        }
        return new Step(beta, tau, edf, v);
    }

    private double evaluate(double[] beta, double[][] sLambda, double[] etaOut) {
        double dev = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int o = i * p;
            for (int c = 0; c < p; c++) {
                s += x[o + c] * beta[c];
            }
            etaOut[i] = s;
            dev += weights[i] * family.deviance(y[i], family.mean(s));
        }
        double pen = 0;
        for (int a = 0; a < p; a++) {
            double r = 0;
            for (int b = 0; b < p; b++) {
                r += sLambda[a][b] * beta[b];
            }
            pen += beta[a] * r;
        }
        return dev + pen;
    }

    /** E with EᵀE = S (rows for the eigenvalues above 1e-13 of the largest; S symmetric positive semi-definite). */
    static double[][] squareRoot(double[][] s) {
        int p = s.length;
        DMatrixRMaj m = new DMatrixRMaj(s);
        EigenDecomposition_F64<DMatrixRMaj> ed = DecompositionFactory_DDRM.eig(p, true, true);
        if (!ed.decompose(m)) {
            throw new IllegalStateException("the eigen-decomposition of a spline penalty failed");
        }
        double big = 0;
        for (int j = 0; j < p; j++) {
            big = Math.max(big, Math.abs(ed.getEigenvalue(j).getReal()));
        }
        List<double[]> rows = new java.util.ArrayList<>();
        for (int j = 0; j < p; j++) {
            double d = ed.getEigenvalue(j).getReal();
            if (d > 1e-13 * big) {
                DMatrixRMaj u = ed.getEigenVector(j);
                double sq = Math.sqrt(d);
                double[] r = new double[p];
                for (int c = 0; c < p; c++) {
                    r[c] = sq * u.get(c, 0);
                }
                rows.add(r);
            }
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] backSubstitute(RealMatrix r, double[] b) {
        int p = r.getRowDimension();
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < p; j++) {
                s -= r.getEntry(i, j) * x[j];
            }
            x[i] = s / r.getEntry(i, i);
        }
        return x;
    }

    private static double[][] upperInverse(RealMatrix r) {
        int p = r.getRowDimension();
        double[][] inv = new double[p][p];
        for (int c = 0; c < p; c++) {
            inv[c][c] = 1 / r.getEntry(c, c);
            for (int i = c - 1; i >= 0; i--) {
                double s = 0;
                for (int j = i + 1; j <= c; j++) {
                    s += r.getEntry(i, j) * inv[j][c];
                }
                inv[i][c] = -s / r.getEntry(i, i);
            }
        }
        return inv;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        int k = b.length;
        int l = b[0].length;
        double[][] c = new double[m][l];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                double v = a[i][j];
                if (v != 0) {
                    for (int t = 0; t < l; t++) {
                        c[i][t] += v * b[j][t];
                    }
                }
            }
        }
        return c;
    }
}
