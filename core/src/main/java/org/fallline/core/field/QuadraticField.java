package org.fallline.core.field;

import org.fallline.core.CoreException;

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
 * <p>When A is positive definite, V is evaluated in the centred form V(x) = V* + ½(x − x*)ᵀA(x − x*), with
 * x* = A⁻¹b computed once (Cholesky) and V* = c − ½bᵀx*. It is algebraically the same form, but near the
 * minimum the expanded form loses every digit of V − V* to cancellation (its rounding error is about
 * ε·|x|ᵀ|A||x|), while the centred form has V − V* to relative accuracy; so the computed V keeps
 * decreasing along a descent path down to its last bit, as the mathematics says. The gradient is
 * always Ax − b.
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
    /** x*, or null when A is not positive definite. */
    private final double[] center;
    private final double minimum;
    private final double smallestEigenvalue;

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
        SymmetricEigen eig = SymmetricEigen.of(this.a);
        if (eig.positiveDefinite()) {
            // Definiteness was decided on the spectrum; no absolute threshold for Cholesky.
            CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(this.a), 1e-12, 0.0);
            this.center = chol.getSolver().solve(new ArrayRealVector(this.b)).toArray();
            this.minimum = c - 0.5 * Vectors.dot(this.b, center);
        } else {
            this.center = null;
            this.minimum = Double.NaN;
        }
        this.smallestEigenvalue = eig.min();
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
        // Same arithmetic as gradient(x, g), so that both return the same V(x) to the last bit.
        return gradient(x, new double[a.length]);
    }

    @Override
    public double gradient(double[] x, double[] gradient) {
        checkPoint(x);
        int n = a.length;
        for (int i = 0; i < n; i++) {
            gradient[i] = Vectors.dot(a[i], x) - b[i];
        }
        if (center == null) {
            double v = c;
            for (int i = 0; i < n; i++) {
                v += x[i] * (0.5 * (gradient[i] + b[i]) - b[i]);
            }
            return v;
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = x[i] - center[i];
        }
        double q = 0;
        for (int i = 0; i < n; i++) {
            q += e[i] * Vectors.dot(a[i], e);
        }
        return minimum + 0.5 * q;
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
        if (center == null) {
            throw new CoreException(CoreException.Kind.NUMERICAL, "A is not positive definite (smallest eigenvalue " + smallestEigenvalue
                    + "), so V has no unique minimiser");
        }
        return center.clone();
    }

    private void checkPoint(double[] x) {
        if (x.length != a.length) {
            throw new CoreException("point has " + x.length + " coordinates, expected " + a.length);
        }
    }
}
