package org.fallline.evolution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The largest Mahalanobis distance D(x) = √((x − x̄)ᵀS⁻¹(x − x̄)) of a streamed sample, in memory that
 * does not grow with n, although x̄ and S are known only at the end. The first {@value #WARMUP}
 * individuals are kept and give a provisional metric S₀ = L₀L₀ᵀ and centre μ₀; afterwards only the
 * {@value #KEEP} individuals with the largest provisional distance q₀(x) = ‖L₀⁻¹(x − μ₀)‖² are kept.
 * At the end the exact D of every kept individual is computed, and any individual left out has
 * q₀ ≤ τ (the smallest kept q₀), so by the triangle inequality
 * D(x) ≤ √(κτ) + D(μ₀) with κ = λ<sub>max</sub>(L₀ᵀS⁻¹L₀). When the largest exact D reaches that bound
 * it is the sample maximum; otherwise it is a lower bound and the bound an upper one.
 */
public final class MahalanobisExtremes {

    static final int WARMUP = 1000;
    static final int KEEP = 1000;

    private final int k;
    private final List<double[]> warm = new ArrayList<>();
    private final PriorityQueue<double[]> kept = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    private double[] mu0;
    private double[][] l0;
    private double[][] l0inv;
    private boolean leftOut;
    private final double[] scratch;

    public MahalanobisExtremes(int k) {
        this.k = k;
        this.scratch = new double[k];
    }

    /** Adds an individual's traits (any fixed shift of the trait coordinates may be used throughout). */
    public void add(double[] x) {
        if (mu0 == null) {
            warm.add(x.clone());
            if (warm.size() == WARMUP) {
                provisionalMetric();
            }
            return;
        }
        double q = provisionalDistance(x);
        if (kept.size() < KEEP) {
            kept.add(entry(q, x));
        } else if (q > kept.peek()[0]) {
            kept.poll();
            kept.add(entry(q, x));
            leftOut = true;
        } else {
            leftOut = true;
        }
    }

    private static double[] entry(double q, double[] x) {
        double[] e = new double[x.length + 1];
        e[0] = q;
        System.arraycopy(x, 0, e, 1, x.length);
        return e;
    }

    private void provisionalMetric() {
        int n = warm.size();
        mu0 = new double[k];
        for (double[] x : warm) {
            for (int i = 0; i < k; i++) {
                mu0[i] += x[i] / n;
            }
        }
        double[][] s = new double[k][k];
        for (double[] x : warm) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    s[i][j] += (x[i] - mu0[i]) * (x[j] - mu0[j]) / (n - 1);
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                s[j][i] = s[i][j];
            }
            // Any positive definite S₀ keeps the bound valid; the ridge only guards a constant start.
            s[i][i] += Math.max(1e-9 * s[i][i], 1e-12 * (mu0[i] * mu0[i] + 1.0));
        }
        RealMatrix l;
        try {
            l = new CholeskyDecomposition(new Array2DRowRealMatrix(s, false), 1e-8, 0.0).getL();
        } catch (NonPositiveDefiniteMatrixException e) {
            double[][] diag = new double[k][k];
            for (int i = 0; i < k; i++) {
                diag[i][i] = Math.sqrt(s[i][i]);
            }
            l = new Array2DRowRealMatrix(diag, false);
        }
        l0 = l.getData();
        l0inv = new org.apache.commons.math3.linear.LUDecomposition(l).getSolver().getInverse().getData();
    }

    private double provisionalDistance(double[] x) {
        double q = 0;
        for (int i = 0; i < k; i++) {
            double acc = 0;
            double[] row = l0inv[i];
            for (int j = 0; j <= i; j++) {
                acc += row[j] * (x[j] - mu0[j]);
            }
            q += acc * acc;
        }
        return q;
    }

    /**
     * The result: the largest exact distance among the kept individuals, and an upper bound for all.
     *
     * @param maxKept   max D over the kept individuals (a lower bound of the sample maximum)
     * @param upper     an upper bound of the sample maximum
     * @param certified whether maxKept is the sample maximum (maxKept ≥ upper, or nobody left out)
     */
    public record Result(double maxKept, double upper, boolean certified) {
    }

    /**
     * @param distance D(x) with the final centre and covariance, in the coordinates given to {@link #add}
     * @param sInverse S⁻¹ in those coordinates
     */
    public Result finish(java.util.function.ToDoubleFunction<double[]> distance, double[][] sInverse) {
        double max = 0;
        for (double[] x : warm) {
            max = Math.max(max, distance.applyAsDouble(x));
        }
        for (double[] e : kept) {
            System.arraycopy(e, 1, scratch, 0, k);
            max = Math.max(max, distance.applyAsDouble(scratch));
        }
        if (!leftOut) {
            return new Result(max, max, true);
        }
        RealMatrix l = new Array2DRowRealMatrix(l0, false);
        RealMatrix m = l.transpose().multiply(new Array2DRowRealMatrix(sInverse, false)).multiply(l);
        m = m.add(m.transpose()).scalarMultiply(0.5);
        double kappa = 0;
        for (double ev : new EigenDecomposition(m).getRealEigenvalues()) {
            kappa = Math.max(kappa, ev);
        }
        double tau = kept.peek()[0];
        double upper = Math.sqrt(kappa * tau) + distance.applyAsDouble(mu0);
        return new Result(max, Math.max(upper, max), max >= upper);
    }
}
