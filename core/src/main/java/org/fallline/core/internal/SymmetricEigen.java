package org.fallline.core.internal;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.fallline.core.CoreException;

/**
 * Eigen-decomposition of a real symmetric matrix, S = Q Λ Qᵀ, with the eigenvalues in ascending
 * order and each eigenvector's sign fixed (largest-magnitude component positive) so that results are
 * reproducible. Computed by commons-math3 {@link EigenDecomposition} on the symmetrised matrix (S + Sᵀ)/2.
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
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(s, false));
        double[] raw = eig.getRealEigenvalues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> raw[i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = raw[order[j]];
            RealVector v = eig.getEigenvector(order[j]);
            double norm = v.getNorm();
            int big = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v.getEntry(i)) > Math.abs(v.getEntry(big))) {
                    big = i;
                }
            }
            double sign = v.getEntry(big) < 0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) {
                vectors[i][j] = sign * v.getEntry(i) / norm;
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
                    throw new CoreException("Hessian entry (" + (i + 1) + "," + (j + 1) + ") is not finite: "
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
