package org.fallline.evolution.internal;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The canonical rotation of a symmetric matrix γ = MΛMᵀ (Phillips &amp; Arnold 1989): eigenvalues in
 * decreasing order, each eigenvector's sign fixed so that its largest-magnitude element is positive
 * (the convention of the reference R code, so that axes are comparable between programs), and the
 * transform of the standardised second-order basis ψ(z) to the double-regression basis
 * [1, y, ½y<sub>a</sub>²] with y = Mᵀz:
 * ½y<sub>a</sub>² = Σ<sub>i</sub> M<sub>ia</sub>² ½z<sub>i</sub>² + Σ<sub>i&lt;j</sub> M<sub>ia</sub>M<sub>ja</sub> z<sub>i</sub>z<sub>j</sub>.
 *
 * @param values  eigenvalues, decreasing
 * @param vectors k × k, column a is the eigenvector of values[a]
 */
public record Canonical(double[] values, double[][] vectors) {

    /** Decomposes γ (symmetric k × k) with commons-math's EigenDecomposition. */
    public static Canonical of(double[][] gamma) {
        int k = gamma.length;
        double[][] sym = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                sym[i][j] = 0.5 * (gamma[i][j] + gamma[j][i]);
            }
        }
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(sym, false));
        double[] ev = ed.getRealEigenvalues();
        Integer[] order = new Integer[k];
        for (int a = 0; a < k; a++) {
            order[a] = a;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer a) -> ev[a]).reversed());
        double[] values = new double[k];
        double[][] vectors = new double[k][k];
        for (int a = 0; a < k; a++) {
            values[a] = ev[order[a]];
            double[] v = ed.getEigenvector(order[a]).toArray();
            int big = 0;
            for (int i = 1; i < k; i++) {
                if (Math.abs(v[i]) > Math.abs(v[big])) {
                    big = i;
                }
            }
            double sign = v[big] < 0 ? -1.0 : 1.0;
            for (int i = 0; i < k; i++) {
                vectors[i][a] = sign * v[i];
            }
        }
        return new Canonical(values, vectors);
    }

    /** The (1 + 2k) × q matrix R with [1, y, ½y²] = R ψ(z). */
    public double[][] doubleRegressionTransform() {
        int k = values.length;
        int q = PolynomialBasis.secondOrderSize(k);
        double[][] r = new double[1 + 2 * k][q];
        r[0][0] = 1.0;
        for (int a = 0; a < k; a++) {
            for (int i = 0; i < k; i++) {
                double mia = vectors[i][a];
                r[1 + a][PolynomialBasis.linear(i)] = mia;
                r[1 + k + a][PolynomialBasis.square(k, i)] = mia * mia;
                for (int j = i + 1; j < k; j++) {
                    r[1 + k + a][PolynomialBasis.cross(k, i, j)] = mia * vectors[j][a];
                }
            }
        }
        return r;
    }

    /** {@link #doubleRegressionDesign(double[][], int)} without covariates. */
    public double[][] doubleRegressionDesign(double[][] design) {
        return doubleRegressionDesign(design, 0);
    }

    /**
     * The triangle of the augmented second-order design [ψ | c | e] carried to the double-regression basis
     * [1, y, ½y², c] = [Rψ, c]: rows of (R<sub>ψ</sub> restricted to ψ)·Rᵀ with the covariate and response
     * columns appended, a matrix with the Gram matrix of the double-regression design (to be factored again).
     *
     * @param design     R<sub>ψ</sub> of [ψ | c | e], (q + r + 1) × (q + r + 1)
     * @param covariates the number r of covariate columns
     */
    public double[][] doubleRegressionDesign(double[][] design, int covariates) {
        double[][] r = doubleRegressionTransform();
        int rows = design.length;
        int q = rows - 1 - covariates;
        int m = r.length;
        double[][] u = new double[rows][m + covariates + 1];
        for (int row = 0; row < rows; row++) {
            for (int b = 0; b < m; b++) {
                double acc = 0;
                for (int s = Math.min(row, q); s < q; s++) {
                    acc += design[row][s] * r[b][s];
                }
                u[row][b] = acc;
            }
            System.arraycopy(design[row], q, u[row], m, covariates + 1);
        }
        return u;
    }
}
