package org.fallline.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.fallline.core.internal.SymmetricEigen;
import org.fallline.core.internal.Vectors;

/**
 * The quadratic form V(x) = ½xᵀAx − bᵀx + c with a symmetric matrix A, so that ∇V(x) = Ax − b and
 * ∇²V(x) = A everywhere. When A is positive definite V has the unique minimiser x* = A⁻¹b with
 * V(x*) = c − ½bᵀA⁻¹b; it is the model problem on which descent methods are analysed.
 *
 * <p>A is checked to be symmetric up to rounding (|Aᵢⱼ − Aⱼᵢ| ≤ 1e-10·max|A|) and stored as
 * (A + Aᵀ)/2, so a matrix assembled as a product such as SDSᵀ is accepted.
 *
 * <p>Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006,
 * §3.3 (convergence of steepest descent on quadratics) and §5.1 (linear conjugate gradients).
 */
public final class QuadraticField implements ScalarField {

    /** Relative tolerance on the asymmetry of A. */
    private static final double SYMMETRY_TOLERANCE = 1e-10;

    private final List<String> variables;
    private final double[][] a;
    private final double[] b;
    private final double c;

    /**
     * @param variables distinct variable names, one per coordinate
     * @param a         symmetric n × n matrix A
     * @param b         linear coefficient b, length n
     * @param c         constant term
     * @throws CoreException if the sizes disagree, an entry is not finite, names repeat or A is not symmetric
     */
    public QuadraticField(List<String> variables, double[][] a, double[] b, double c) {
        int n = variables.size();
        if (n == 0) {
            throw new CoreException("a quadratic field needs at least one variable");
        }
        Set<String> seen = new HashSet<>();
        for (String v : variables) {
            if (v == null || v.isBlank()) {
                throw new CoreException("variable names must not be blank");
            }
            if (!seen.add(v)) {
                throw new CoreException("variable '" + v + "' is named twice");
            }
        }
        if (a.length != n) {
            throw new CoreException("A has " + a.length + " rows, expected " + n + " (one per variable)");
        }
        if (b.length != n) {
            throw new CoreException("b has " + b.length + " entries, expected " + n + " (one per variable)");
        }
        if (!Double.isFinite(c)) {
            throw new CoreException("constant c is not finite: " + c);
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new CoreException("A is not square: row " + (i + 1) + " has " + a[i].length
                        + " entries, expected " + n);
            }
            if (!Double.isFinite(b[i])) {
                throw new CoreException("b[" + (i + 1) + "] is not finite: " + b[i]);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new CoreException("A[" + (i + 1) + "][" + (j + 1) + "] is not finite: " + a[i][j]);
                }
                scale = Math.max(scale, Math.abs(a[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    throw new CoreException("A is not symmetric: A[" + (i + 1) + "][" + (j + 1) + "] = " + a[i][j]
                            + " but A[" + (j + 1) + "][" + (i + 1) + "] = " + a[j][i]);
                }
            }
        }
        this.variables = List.copyOf(variables);
        this.a = SymmetricEigen.symmetrise(a);
        this.b = b.clone();
        this.c = c;
    }

    /** The same field over the variables x1, …, xn. */
    public QuadraticField(double[][] a, double[] b, double c) {
        this(defaultNames(b.length), a, b, c);
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("x" + i);
        }
        return names;
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    /** A (a copy, exactly symmetric). */
    public double[][] matrix() {
        return Vectors.copy(a);
    }

    /** b (a copy). */
    public double[] linear() {
        return b.clone();
    }

    /** c. */
    public double constant() {
        return c;
    }

    @Override
    public double value(double[] x) {
        checkPoint(x);
        double[] ax = Vectors.times(a, x);
        return 0.5 * Vectors.dot(x, ax) - Vectors.dot(b, x) + c;
    }

    @Override
    public double gradient(double[] x, double[] gradient) {
        checkPoint(x);
        double v = c;
        for (int i = 0; i < a.length; i++) {
            double axi = Vectors.dot(a[i], x);
            v += x[i] * (0.5 * axi - b[i]);
            gradient[i] = axi - b[i];
        }
        return v;
    }

    @Override
    public double hessian(double[] x, double[] gradient, double[][] hessian) {
        double v = gradient(x, gradient);
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, hessian[i], 0, a.length);
        }
        return v;
    }

    @Override
    public boolean hasConstantHessian() {
        return true;
    }

    /**
     * x* = A⁻¹b, the unique minimiser, by a Cholesky factorisation.
     *
     * @throws CoreException if A is not positive definite (V then has no unique minimiser)
     */
    public double[] minimizer() {
        SymmetricEigen eig = SymmetricEigen.of(a);
        if (!eig.positiveDefinite()) {
            throw new CoreException("A is not positive definite (smallest eigenvalue " + eig.min()
                    + "), so V has no unique minimiser");
        }
        // Definiteness was decided on the spectrum above; no absolute threshold for Cholesky.
        CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(a), 1e-12, 0.0);
        return chol.getSolver().solve(new ArrayRealVector(b, false)).toArray();
    }

    private void checkPoint(double[] x) {
        if (x.length != a.length) {
            throw new CoreException("point has " + x.length + " coordinates, expected " + a.length);
        }
    }
}
