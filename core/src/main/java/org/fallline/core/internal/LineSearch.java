package org.fallline.core.internal;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.fallline.core.field.ScalarField;

/**
 * Line searches along a direction d from x: φ(t) = V(x + t d). Both return a step t &gt; 0 with
 * φ(t) &lt; φ(0) (for a quadratic field, in exact arithmetic: see {@link #armijo}), or 0 when none exists in
 * floating point (the caller then reports a stall). φ is
 * evaluated through {@link ScalarField#gradient(double[], double[])}, the call the methods record V
 * with, so that an accepted decrease is the recorded one to the last bit.
 *
 * <p>Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006, §3.1
 * (backtracking, Algorithm 3.1) and §3.5 (bracketing); R. P. Brent, <i>Algorithms for Minimization
 * without Derivatives</i>, Prentice-Hall 1973, ch. 5.
 */
public final class LineSearch {

    /** Brent's relative tolerance on t. */
    private static final double BRENT_RELATIVE = 1e-10;
    /** Doublings allowed while bracketing before φ counts as unbounded below. */
    private static final int MAX_DOUBLINGS = 200;

    private LineSearch() {
    }

    /** V(y) as {@link ScalarField#gradient(double[], double[])} computes it. */
    private static double value(ScalarField f, double[] y) {
        return f.gradient(y, new double[y.length]);
    }

    /** x + t d in a new array. */
    public static double[] along(double[] x, double t, double[] d) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + t * d[i];
        }
        return y;
    }

    /**
     * Backtracking (Armijo): the first t = t₀, t₀·shrink, … with φ(t) ≤ φ(0) + c₁ t ∇V(x)ᵀd and φ(t) &lt; φ(0).
     *
     * <p>When the field's Hessian A is constant (given as {@code constantHessian}), the decrease is the exact
     * model difference φ(t) − φ(0) = t ∇V(x)ᵀd + ½t² dᵀAd instead of a difference of two computed values of V,
     * which near the minimum cancels to V's rounding error and would stop the search long before |∇V| is small.
     *
     * @param slope           ∇V(x)ᵀd, negative
     * @param constantHessian A when V is quadratic, otherwise null
     */
    public static double armijo(ScalarField f, double[] x, double v, double slope, double[] d, double t0,
                                double c1, double shrink, double[][] constantHessian) {
        if (constantHessian != null) {
            double curvature = Vectors.dot(d, Vectors.times(constantHessian, d));
            for (double t = t0; t > 0; t *= shrink) {
                if (java.util.Arrays.equals(x, along(x, t, d))) {
                    return 0;
                }
                double decrease = t * slope + 0.5 * t * t * curvature;
                if (decrease < 0 && decrease <= c1 * t * slope) {
                    return t;
                }
            }
            return 0;
        }
        for (double t = t0; t > 0; t *= shrink) {
            double[] y = along(x, t, d);
            if (java.util.Arrays.equals(x, y)) {
                return 0;
            }
            double vy = value(f, y);
            if (vy < v && vy <= v + c1 * t * slope) {
                return t;
            }
        }
        return 0;
    }

    /**
     * Exact line search: brackets a minimum of φ on (0, ∞) starting from the trial step, by halving until
     * φ(t) &lt; φ(0) and doubling while φ keeps decreasing, then minimises on the bracket with commons-math3
     * {@link BrentOptimizer}. When doubling never stops (φ unbounded below along d), the last step is returned.
     */
    public static double exact(ScalarField f, double[] x, double v, double[] d, double trial) {
        java.util.function.DoubleUnaryOperator phi = t -> {
            double value = value(f, along(x, t, d));
            return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
        };
        double t = trial > 0 && Double.isFinite(trial) ? trial : 1.0;
        double ft = phi.applyAsDouble(t);
        double lo = 0;
        double hi;
        if (!(ft < v)) {
            do {
                hi = t;
                t *= 0.5;
                if (java.util.Arrays.equals(x, along(x, t, d))) {
                    return 0;
                }
                ft = phi.applyAsDouble(t);
            } while (!(ft < v));
        } else {
            hi = 2 * t;
            double fhi = phi.applyAsDouble(hi);
            int doublings = 0;
            while (fhi < ft) {
                if (++doublings > MAX_DOUBLINGS || fhi == Double.NEGATIVE_INFINITY) {
                    return hi;
                }
                lo = t;
                t = hi;
                ft = fhi;
                hi = 2 * t;
                fhi = phi.applyAsDouble(hi);
            }
        }
        BrentOptimizer brent = new BrentOptimizer(BRENT_RELATIVE, Double.MIN_NORMAL);
        UnivariatePointValuePair best = brent.optimize(new MaxEval(500), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(phi::applyAsDouble), new SearchInterval(lo, hi, t));
        return best.getValue() < ft && best.getPoint() > 0 ? best.getPoint() : t;
    }
}
