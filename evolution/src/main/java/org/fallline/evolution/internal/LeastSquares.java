package org.fallline.evolution.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Ordinary least squares from the normal equations XᵀXθ = Xᵀy, solved by a Cholesky factorisation
 * of the equilibrated matrix D XᵀX D (D = diag(XᵀX)<sup>−½</sup>, unit diagonal). A pivot of that
 * factorisation is 1 − R² of the column on the columns before it; a pivot below
 * {@link #COLLINEARITY} means the design is (almost) rank deficient, which is reported as a
 * {@link SingularDesignException} naming the columns of the null direction, never as a solution.
 *
 * <p>Reference: Å. Björck, <i>Numerical Methods for Least Squares Problems</i>, SIAM 1996, §2.2.
 */
public final class LeastSquares {

    /** Smallest accepted pivot 1 − R² of the equilibrated normal matrix. */
    public static final double COLLINEARITY = 1e-8;

    private LeastSquares() {
    }

    /**
     * A least-squares solution.
     *
     * @param coefficients θ
     * @param inverse      (XᵀX)⁻¹, or null when not asked for
     * @param rss          residual sum of squares yᵀy − θᵀXᵀy
     * @param tss          total sum of squares about the mean, yᵀy − (Σy)²/n
     * @param n            observations
     */
    public record Solution(double[] coefficients, double[][] inverse, double rss, double tss, long n) {
    }

    /**
     * The factorisation of one normal matrix XᵀX, reusable for several right-hand sides (the
     * permutation test changes y but not X).
     */
    public static final class Factor {
        private final DecompositionSolver solver;
        private final double[] dscale;

        private Factor(DecompositionSolver solver, double[] dscale) {
            this.solver = solver;
            this.dscale = dscale;
        }

        /** θ = (XᵀX)⁻¹Xᵀy. */
        public double[] solve(double[] xty) {
            int p = dscale.length;
            double[] rhs = new double[p];
            for (int i = 0; i < p; i++) {
                rhs[i] = xty[i] * dscale[i];
            }
            double[] u = solver.solve(new ArrayRealVector(rhs, false)).toArray();
            for (int i = 0; i < p; i++) {
                u[i] *= dscale[i];
            }
            return u;
        }

        /** (XᵀX)⁻¹. */
        public double[][] inverse() {
            int p = dscale.length;
            double[][] si = solver.getInverse().getData();
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    si[i][j] *= dscale[i] * dscale[j];
                }
            }
            return si;
        }
    }

    /**
     * Factors XᵀX.
     *
     * @throws SingularDesignException if the columns are (almost) linearly dependent
     */
    public static Factor factor(double[][] xtx) {
        int p = xtx.length;
        double[] dscale = new double[p];
        for (int i = 0; i < p; i++) {
            double v = xtx[i][i];
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new SingularDesignException(new int[] {i});
            }
            dscale[i] = 1.0 / Math.sqrt(v);
        }
        double[][] s = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                s[i][j] = xtx[i][j] * dscale[i] * dscale[j];
            }
            s[i][i] = 1.0;
        }
        try {
            return new Factor(new CholeskyDecomposition(new Array2DRowRealMatrix(s, false), 1e-10, COLLINEARITY)
                    .getSolver(), dscale);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new SingularDesignException(nullDirection(s));
        }
    }

    /**
     * @param xtx         XᵀX (symmetric, p × p, first column the intercept's)
     * @param xty         Xᵀy
     * @param yty         yᵀy
     * @param ysum        Σy
     * @param n           observations
     * @param wantInverse whether to form (XᵀX)⁻¹ for standard errors
     * @throws SingularDesignException if the columns are (almost) linearly dependent
     */
    public static Solution solve(double[][] xtx, double[] xty, double yty, double ysum, long n, boolean wantInverse) {
        Factor f = factor(xtx);
        double[] theta = f.solve(xty);
        double fitted = 0;
        for (int i = 0; i < theta.length; i++) {
            fitted += theta[i] * xty[i];
        }
        return new Solution(theta, wantInverse ? f.inverse() : null, yty - fitted, yty - ysum * ysum / n, n);
    }

    /** Columns with a visible loading on the eigenvectors of the (near-)zero eigenvalues. */
    private static int[] nullDirection(double[][] s) {
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(s, false));
        double[] ev = eig.getRealEigenvalues();
        int p = ev.length;
        int smallest = 0;
        for (int i = 1; i < p; i++) {
            if (ev[i] < ev[smallest]) {
                smallest = i;
            }
        }
        boolean[] involved = new boolean[p];
        for (int e = 0; e < p; e++) {
            if (e != smallest && ev[e] >= COLLINEARITY) {
                continue;
            }
            double[] v = eig.getEigenvector(e).toArray();
            double big = 0;
            for (double x : v) {
                big = Math.max(big, Math.abs(x));
            }
            for (int i = 0; i < p; i++) {
                if (Math.abs(v[i]) > 0.05 * big) {
                    involved[i] = true;
                }
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            if (involved[i]) {
                idx.add(i);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }
}
