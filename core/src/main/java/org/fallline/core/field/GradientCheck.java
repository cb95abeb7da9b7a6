package org.fallline.core.field;

import org.fallline.core.CoreException;

import java.util.Arrays;

/**
 * Checks a field's analytic gradient (and Hessian) at a point against numerical estimates made with
 * {@link NumericalField}'s extrapolated central differences, which come with an error estimate.
 *
 * <p>A component is consistent when |analytic − numerical| ≤ κ·error + 8ε·max(|analytic|,
 * |numerical|): within κ (the safety factor, {@value #DEFAULT_SAFETY} by default) times the
 * estimated error of the numerical derivative, plus rounding in the analytic one. The check is
 * consistent when every component is. The reported discrepancy is norm-wise,
 * ‖analytic − numerical‖∞ / max(‖analytic‖∞, ‖numerical‖∞), so that it stays meaningful for the
 * components that vanish (at an equilibrium, for instance).
 *
 * <p>This is the "gradient check" of numerical optimisation practice: J. Nocedal and S. J. Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Springer 2006, §8.1.
 */
public final class GradientCheck {

    /** Default κ: how many estimated errors a discrepancy may be. */
    public static final double DEFAULT_SAFETY = 10.0;

    private static final double ROUNDING = 8.0 * Math.ulp(1.0);

    private GradientCheck() {
    }

    /**
     * The comparison of an analytic gradient with a numerical one.
     *
     * @param analytic               the field's own gradient
     * @param numerical              the numerical estimate
     * @param error                  the estimated error of the numerical estimate
     * @param maxRelativeDiscrepancy ‖analytic − numerical‖∞ / max(‖analytic‖∞, ‖numerical‖∞)
     * @param consistent             true when every component agrees within the tolerance
     */
    public record Report(double[] analytic, double[] numerical, double[] error, double maxRelativeDiscrepancy,
            boolean consistent) {
        public Report {
            analytic = analytic.clone();
            numerical = numerical.clone();
            error = error.clone();
        }

        @Override
        public double[] analytic() {
            return analytic.clone();
        }

        @Override
        public double[] numerical() {
            return numerical.clone();
        }

        @Override
        public double[] error() {
            return error.clone();
        }

        @Override
        public String toString() {
            return "GradientCheck.Report[analytic=" + Arrays.toString(analytic) + ", numerical="
                    + Arrays.toString(numerical) + ", error=" + Arrays.toString(error)
                    + ", maxRelativeDiscrepancy=" + maxRelativeDiscrepancy + ", consistent=" + consistent + "]";
        }
    }

    /**
     * The comparison of an analytic Hessian with a numerical one.
     *
     * @param analytic               the field's own Hessian
     * @param numerical              the numerical estimate
     * @param error                  the estimated error of each numerical entry
     * @param maxRelativeDiscrepancy max |analytic − numerical| / max(max |analytic|, max |numerical|)
     * @param consistent             true when every entry agrees within the tolerance
     */
    public record HessianReport(double[][] analytic, double[][] numerical, double[][] error,
            double maxRelativeDiscrepancy, boolean consistent) {
        public HessianReport {
            analytic = copy(analytic);
            numerical = copy(numerical);
            error = copy(error);
        }

        @Override
        public double[][] analytic() {
            return copy(analytic);
        }

        @Override
        public double[][] numerical() {
            return copy(numerical);
        }

        @Override
        public double[][] error() {
            return copy(error);
        }

        @Override
        public String toString() {
            return "GradientCheck.HessianReport[analytic=" + Arrays.deepToString(analytic) + ", numerical="
                    + Arrays.deepToString(numerical) + ", error=" + Arrays.deepToString(error)
                    + ", maxRelativeDiscrepancy=" + maxRelativeDiscrepancy + ", consistent=" + consistent + "]";
        }
    }

    /** Checks ∇V at x with the default safety factor. */
    public static Report gradient(ScalarField field, double[] x) {
        return gradient(field, x, DEFAULT_SAFETY);
    }

    /**
     * Checks ∇V at x.
     *
     * @param safety κ, how many estimated errors a discrepancy may be (≥ 1)
     * @throws CoreException if V is not finite near x, so that no numerical estimate can be made
     */
    public static Report gradient(ScalarField field, double[] x, double safety) {
        checkSafety(safety);
        double[] analytic = field.gradient(x);
        NumericalField.Estimate estimate = numerical(field).gradientWithError(x);
        double[] numerical = estimate.gradient();
        double[] error = estimate.error();
        Comparison c = new Comparison(safety);
        for (int i = 0; i < analytic.length; i++) {
            c.add(analytic[i], numerical[i], error[i]);
        }
        return new Report(analytic, numerical, error, c.discrepancy(), c.consistent);
    }

    /** Checks ∇²V at x with the default safety factor. */
    public static HessianReport hessian(ScalarField field, double[] x) {
        return hessian(field, x, DEFAULT_SAFETY);
    }

    /**
     * Checks ∇²V at x.
     *
     * @param safety κ, how many estimated errors a discrepancy may be (≥ 1)
     * @throws CoreException if V is not finite near x, so that no numerical estimate can be made
     */
    public static HessianReport hessian(ScalarField field, double[] x, double safety) {
        checkSafety(safety);
        double[][] analytic = field.hessian(x);
        NumericalField.HessianEstimate estimate = numerical(field).hessianWithError(x);
        double[][] numerical = estimate.hessian();
        double[][] error = estimate.error();
        Comparison c = new Comparison(safety);
        for (int i = 0; i < analytic.length; i++) {
            for (int j = 0; j < analytic.length; j++) {
                c.add(analytic[i][j], numerical[i][j], error[i][j]);
            }
        }
        return new HessianReport(analytic, numerical, error, c.discrepancy(), c.consistent);
    }

    private static NumericalField numerical(ScalarField field) {
        return NumericalField.of(field.variables(), field::value);
    }

    private static void checkSafety(double safety) {
        if (!(safety >= 1.0) || Double.isInfinite(safety)) {
            throw new CoreException("the safety factor must be a finite number ≥ 1, not " + safety);
        }
    }

    /** Accumulates the comparison component by component. */
    private static final class Comparison {
        final double safety;
        boolean consistent = true;
        double maxDifference;
        double maxAnalytic;
        double maxNumerical;

        Comparison(double safety) {
            this.safety = safety;
        }

        void add(double a, double n, double error) {
            double difference = Math.abs(a - n);
            if (!Double.isFinite(a) || !(difference <= safety * error + ROUNDING * Math.max(Math.abs(a), Math.abs(n)))) {
                consistent = false;
            }
            maxDifference = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : Math.max(maxDifference, difference);
            maxAnalytic = Math.max(maxAnalytic, Math.abs(a));
            maxNumerical = Math.max(maxNumerical, Math.abs(n));
        }

        double discrepancy() {
            double scale = Math.max(maxAnalytic, maxNumerical);
            if (maxDifference == 0) {
                return 0.0;
            }
            return scale > 0 && Double.isFinite(scale) ? maxDifference / scale : Double.POSITIVE_INFINITY;
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
