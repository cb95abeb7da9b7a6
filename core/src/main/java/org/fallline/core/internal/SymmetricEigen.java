package org.fallline.core.internal;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.fallline.core.CoreException;

/**
 * Eigen-decomposition of a real symmetric matrix, S = Q Λ Qᵀ, with the eigenvalues in ascending
 * order and each eigenvector's sign fixed (largest-magnitude component positive) so that results are
 * reproducible. Computed by EJML's symmetric QR algorithm (Householder tridiagonalisation, then implicit
 * Wilkinson-shifted QR sweeps; {@code DecompositionFactory_DDRM.eig(n, true, true)}) on the symmetrised
 * matrix (S + Sᵀ)/2. commons-math3's {@code EigenDecomposition} and Hipparchus'
 * {@code EigenDecompositionSymmetric} (the same QL code) were replaced because they throw "convergence
 * failed" on harmless matrices whose off-diagonal entries underflow, such as
 * [[0, 2.55, 0], [2.55, 0.78, −1.6e−162], [0, −1.6e−162, −0.5]], met by Newton near a critical point.
 *
 * <p>Reference: G. H. Golub and C. F. Van Loan, <i>Matrix Computations</i>, 4th ed., Johns Hopkins 2013, §8.3.
 *
 * @param values  eigenvalues λ₁ ≤ … ≤ λₙ
 * @param vectors n × n, column j is the unit eigenvector of {@code values[j]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    /** Relative threshold below which the smallest eigenvalue does not count as positive. */
    public static final double DEFINITENESS_TOLERANCE = 1e-12;

    /**
     * Decomposes the symmetric part of {@code matrix}.
     *
     * @throws CoreException if the matrix is not square or has a non-finite entry
     */
    public static SymmetricEigen of(double[][] matrix) {
        double[][] s = symmetrise(matrix);
        int n = s.length;
        if (n == 0) {
            return new SymmetricEigen(new double[0], new double[0][0]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(s))) {
            throw new CoreException(CoreException.Kind.NUMERICAL, "the symmetric eigenvalue iteration did not converge on a " + n + " x " + n
                    + " Hessian");
        }
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = eig.getEigenvalue(i).getReal();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> raw[i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = raw[order[j]];
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            double norm = 0;
            int big = 0;
            for (int i = 0; i < n; i++) {
                norm = Math.hypot(norm, v.get(i));
                if (Math.abs(v.get(i)) > Math.abs(v.get(big))) {
                    big = i;
                }
            }
            double sign = v.get(big) < 0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) {
                vectors[i][j] = sign * v.get(i) / norm;
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * (S + Sᵀ)/2 in a new array.
     *
     * @throws CoreException if the matrix is not square or has a non-finite entry
     */
    public static double[][] symmetrise(double[][] matrix) {
        int n = matrix.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new CoreException("Hessian is not square: row " + (i + 1) + " has "
                        + matrix[i].length + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new CoreException(CoreException.Kind.NUMERICAL, "Hessian entry (" + (i + 1) + "," + (j + 1) + ") is not finite: "
                            + matrix[i][j]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
            }
        }
        return s;
    }

    /** n. */
    public int dimension() {
        return values.length;
    }

    /** λₙ, the largest eigenvalue. */
    public double max() {
        return values[values.length - 1];
    }

    /** λ₁, the smallest eigenvalue. */
    public double min() {
        return values[0];
    }

    /** max |λᵢ|. */
    public double spectralRadius() {
        return values.length == 0 ? 0.0 : Math.max(Math.abs(values[0]), Math.abs(max()));
    }

    /** True when λ₁ &gt; {@link #DEFINITENESS_TOLERANCE}·λₙ and λₙ &gt; 0. */
    public boolean positiveDefinite() {
        return values.length > 0 && max() > 0 && min() > DEFINITENESS_TOLERANCE * max();
    }

    /** Column j as a new array. */
    public double[] vector(int j) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = vectors[i][j];
        }
        return v;
    }

    /**
     * Q diag(φ(λ)) Qᵀ r: applies a spectral function of the matrix to a vector (used for Newton,
     * Levenberg–Marquardt and saddle-free Newton steps).
     */
    public double[] apply(java.util.function.DoubleUnaryOperator phi, double[] r) {
        int n = values.length;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                c += vectors[i][j] * r[i];
            }
            c *= phi.applyAsDouble(values[j]);
            for (int i = 0; i < n; i++) {
                out[i] += c * vectors[i][j];
            }
        }
        return out;
    }
}
