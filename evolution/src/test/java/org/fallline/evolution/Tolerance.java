package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Comparisons with reference values printed by R. */
final class Tolerance {

    private Tolerance() {
    }

    /** |actual − expected| ≤ rel·|expected| (values printed with 12 significant digits). */
    static void relative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    /** Equal to the printed value within half a unit of its last printed decimal (sprintf "%.6f"). */
    static void decimals(double expected, double actual, int decimals, String what) {
        assertEquals(expected, actual, 0.5 * Math.pow(10, -decimals) * 1.0001, what);
    }

    /** Equal to the printed value within half a unit of its last significant digit (sprintf "%.6g"). */
    static void significant(double expected, double actual, int digits, String what) {
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - (digits - 1));
        assertEquals(expected, actual, 0.5 * unit * 1.0001, what);
    }
}
