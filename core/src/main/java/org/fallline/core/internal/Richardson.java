package org.fallline.core.internal;

/**
 * Richardson extrapolation of a difference quotient D(t) = D + c₁t² + c₂t⁴ + … to t → 0, on a
 * tableau of step halvings t = 1, 1/2, 1/4, …, with Ridders' error estimate: each extrapolated
 * entry is compared with its two parents and the entry with the smallest such difference is kept.
 * Unlike Numerical Recipes the tableau is always completed rather than abandoned when its diagonal
 * first grows: for some functions a leading error term vanishes (the h² term of the mixed
 * difference of a harmonic function, for one), the first extrapolation then makes things worse,
 * and only later columns recover. To
 * Ridders' estimate is added a bound on the rounding error of the quotients an entry is made from
 * (twice the bound for one quotient, the Richardson weights summing to less than 2), so that the
 * error is not optimistic, and the entry kept is the one with the smallest total.
 *
 * <p>References: C. J. F. Ridders, "Accurate computation of F'(x) and F'(x)F''(x)", <i>Advances in
 * Engineering Software</i> 4 (1982) 75–76; W. H. Press et al., <i>Numerical Recipes</i>, 3rd ed.,
 * Cambridge 2007, §5.7.
 */
public final class Richardson {

    /** Function of the step multiplier t (halved at each level) whose limit t → 0 is wanted. */
    @FunctionalInterface
    public interface Quotient {
        double at(double t);
    }

    /** A bound on the rounding error of the quotient at step multiplier t. */
    @FunctionalInterface
    public interface Rounding {
        double at(double t);
    }

    private Richardson() {
    }

    /**
     * Extrapolates {@code d} from t = 1 down to t = 2^-(levels-1).
     *
     * @return {estimate, its error estimate, the smallest t used by the estimate}; the estimate
     *         is NaN (and the error infinite) when d is not finite at any step
     */
    public static double[] extrapolate(Quotient d, Rounding rounding, int levels) {
        double[][] a = new double[levels][levels];
        double t = 1.0;
        int first = 0;
        // a step that leaves the domain (non-finite quotient) is dropped in favour of smaller ones
        double d0 = d.at(t);
        while (!Double.isFinite(d0) && first < levels - 1) {
            first++;
            t *= 0.5;
            d0 = d.at(t);
        }
        if (!Double.isFinite(d0)) {
            return new double[] {Double.NaN, Double.POSITIVE_INFINITY, t};
        }
        a[0][0] = d0;
        double best = d0;
        double error = Double.POSITIVE_INFINITY;
        double bestT = t;
        for (int i = 1; i < levels - first; i++) {
            t *= 0.5;
            a[0][i] = d.at(t);
            if (!Double.isFinite(a[0][i])) {
                break;
            }
            double factor = 4.0;
            for (int j = 1; j <= i; j++) {
                a[j][i] = (a[j - 1][i] * factor - a[j - 1][i - 1]) / (factor - 1.0);
                factor *= 4.0;
                double e = Math.max(Math.abs(a[j][i] - a[j - 1][i]), Math.abs(a[j][i] - a[j - 1][i - 1]))
                        + 2.0 * rounding.at(t);
                if (e <= error) {
                    error = e;
                    best = a[j][i];
                    bestT = t;
                }
            }
        }
        return new double[] {best, error, bestT};
    }
}
