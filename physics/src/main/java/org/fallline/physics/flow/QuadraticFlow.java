package org.fallline.physics.flow;

import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The exact gradient flow of a field with constant Hessian, V(x) = ½xᵀAx − bᵀx + c (A = ∇²V, b = −∇V(0)):
 * with A = QΛQᵀ and ξ = Qᵀx, each coordinate obeys ξᵢ′ = −λᵢξᵢ + βᵢ (β = Qᵀb), so
 *
 * <pre>  ξᵢ(t) = ξᵢ(0)e^{−λᵢt} + βᵢ(1 − e^{−λᵢt})/λᵢ   (= ξᵢ(0) + βᵢt when λᵢ = 0),</pre>
 *
 * which is x* + e^{−At}(x₀ − x*) when A is positive definite, and stays valid (growing) along negative
 * eigenvalues. (1 − e^{−λt})/λ is computed as −expm1(−λt)/λ, accurate for small λt.
 *
 * <p>Reference: M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential Equations, Dynamical Systems,
 * and an Introduction to Chaos</i>, 3rd ed., Academic Press 2013, ch. 3 and §6.1 (linear systems).
 */
public final class QuadraticFlow {

    private final double[] lambda;
    private final double[][] q;
    private final double[] beta;

    private QuadraticFlow(double[] lambda, double[][] q, double[] beta) {
        this.lambda = lambda;
        this.q = q;
        this.beta = beta;
    }

    /**
     * The flow of f.
     *
     * @throws PhysicsException (bad input) if f does not declare a constant Hessian, or V is not finite at 0
     */
    public static QuadraticFlow of(ScalarField f) {
        if (!f.hasConstantHessian()) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT,
                    "the exact flow needs a quadratic V (constant Hessian); " + f + " is not one");
        }
        int n = f.dimension();
        double[] g = new double[n];
        double[][] h = new double[n][n];
        double c = f.hessian(new double[n], g, h);
        if (!Double.isFinite(c)) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "V is not finite at 0");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false));
        double[][] q = eig.getV().getData();
        double[] beta = new double[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                beta[k] -= q[i][k] * g[i];
            }
        }
        return new QuadraticFlow(eig.getEigenvalues(), q, beta);
    }

    /** The eigenvalues λᵢ of A, as the decomposition orders them (descending). */
    public double[] eigenvalues() {
        return lambda.clone();
    }

    /** λmax, the largest eigenvalue of A. */
    public double largestEigenvalue() {
        double m = Double.NEGATIVE_INFINITY;
        for (double l : lambda) {
            m = Math.max(m, l);
        }
        return m;
    }

    /** x(t) from x(0) = x₀. */
    public double[] at(double[] x0, double t) {
        int n = lambda.length;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            double xi = 0;
            for (int i = 0; i < n; i++) {
                xi += q[i][k] * x0[i];
            }
            double l = lambda[k];
            double decay = Math.exp(-l * t);
            double integral = l == 0 ? t : -Math.expm1(-l * t) / l;
            xi = xi * decay + beta[k] * integral;
            for (int i = 0; i < n; i++) {
                x[i] += q[i][k] * xi;
            }
        }
        return x;
    }
}
