package org.fallline.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named tolerances for the tests of every module, so that a test says which kind of agreement it expects rather
 * than a bare number: rounding of a few operations, a backward-stable solve, an iterative solver's tolerance, a
 * finite-difference estimate, a Monte Carlo estimate. A tolerance is never widened until a test passes; when a
 * comparison needs a new kind of agreement, name it here with the reason.
 *
 * <p>{@link #assertClose} uses the mixed test |a − e| ≤ abs + rel·|e| (Higham, <i>Accuracy and Stability of
 * Numerical Algorithms</i>, 2nd ed., SIAM 2002, §1.2).
 */
public final class Tolerances {

    /** Unit roundoff of double precision, 2⁻⁵³. */
    public static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    /** Relative agreement of results computed by a few dozen floating-point operations. */
    public static final double ROUNDING = 1e-14;

    /** Relative agreement of a backward-stable direct solve of a well-conditioned system (κ up to about 10³). */
    public static final double DIRECT_SOLVE = 1e-12;

    /** Agreement with R's double-precision output printed to 15+ digits (lm, glm summaries). */
    public static final double REFERENCE_R = 1e-9;

    /** Agreement of an iterative solve run to a relative residual of 1e-12 on a moderately conditioned system. */
    public static final double ITERATIVE_SOLVE = 1e-9;

    /** Agreement of a central-difference derivative with an analytic one (Ridders' extrapolation reaches ~1e-7). */
    public static final double FINITE_DIFFERENCE = 1e-6;

    private Tolerances() {
    }

    /** Asserts |actual − expected| ≤ absolute + relative·|expected|, saying both numbers and the margin if not. */
    public static void assertClose(double expected, double actual, double relative, double absolute, String what) {
        double bound = absolute + relative * Math.abs(expected);
        assertTrue(Math.abs(actual - expected) <= bound, () -> what + ": expected " + expected + ", got " + actual
                + " (difference " + Math.abs(actual - expected) + " > tolerance " + bound + ")");
    }

    /** Componentwise {@link #assertClose(double, double, double, double, String)}. */
    public static void assertClose(double[] expected, double[] actual, double relative, double absolute, String what) {
        assertTrue(expected.length == actual.length, () -> what + ": expected " + expected.length
                + " components, got " + actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], relative, absolute, what + "[" + i + "]");
        }
    }

    /** The relative difference |a − b| / max(|a|, |b|), 0 when both are 0. */
    public static double relativeDifference(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
