package org.fallline.core.field;

import java.util.List;

/**
 * A twice-differentiable scalar field V : ℝⁿ → ℝ over named variables: its value, gradient ∇V and
 * Hessian ∇²V at a point.
 *
 * <p>The three evaluation methods fill caller-owned arrays so that hot loops (descent, Newton on
 * ∇V = 0, benchmarks) need not allocate; {@link #derivatives(double[])} is the convenient form.
 * Implementations: expression-defined fields with exact derivatives ({@link Expression}),
 * quadratic forms ½xᵀAx − bᵀx + c ({@link QuadraticField}) and Java lambdas with numerical
 * derivatives ({@link NumericalField}).
 *
 * <p>Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006, §2.1.
 */
public interface ScalarField {

    /** The variable names, in the order of the coordinates of a point. */
    List<String> variables();

    /** n, the number of variables. */
    default int dimension() {
        return variables().size();
    }

    /** V(x). */
    double value(double[] x);

    /**
     * Fills {@code gradient} (length n) with ∇V(x) and returns V(x).
     */
    double gradient(double[] x, double[] gradient);

    /**
     * Fills {@code gradient} (length n) with ∇V(x) and {@code hessian} (n × n, symmetric) with
     * ∇²V(x), and returns V(x).
     */
    double hessian(double[] x, double[] gradient, double[][] hessian);

    /** ∇V(x) in a new array. */
    default double[] gradient(double[] x) {
        double[] g = new double[dimension()];
        gradient(x, g);
        return g;
    }

    /** ∇²V(x) in a new array. */
    default double[][] hessian(double[] x) {
        int n = dimension();
        double[][] h = new double[n][n];
        hessian(x, new double[n], h);
        return h;
    }

    /** Value, gradient and Hessian at x, in new arrays. */
    default Derivatives derivatives(double[] x) {
        int n = dimension();
        double[] g = new double[n];
        double[][] h = new double[n][n];
        double v = hessian(x, g, h);
        return new Derivatives(v, g, h);
    }

    /**
     * True when the Hessian is known to be the same at every point (V is a quadratic polynomial, or of
     * lower degree), so that one evaluation gives the whole field: V(x) = c − bᵀx + ½xᵀAx with
     * A = ∇²V, b = −∇V(0), c = V(0). Fields that cannot tell say false.
     */
    default boolean hasConstantHessian() {
        return false;
    }
}
