package org.fallline.samples.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading numbers from the command line and writing them for people and programs. Reading accepts
 * plain decimal numbers only ({@code 2}, {@code -0.5}, {@code 1e-8}): the JDK's parser would also take
 * {@code NaN}, {@code Infinity}, hexadecimal and a trailing {@code d}, none of which belongs in a call.
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final MathContext TABLE_DIGITS = new MathContext(6);

    private Numbers() {
    }

    /**
     * Parses one finite decimal number.
     *
     * @param text the text
     * @param what what the number is, for the message ("coordinate 2")
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static double parseFinite(String text, String what) {
        String t = text.strip();
        if (NON_FINITE.matcher(t).matches()) {
            throw new IllegalArgumentException(what + " must be a finite number, got '" + t + "'");
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException(what + ": '" + t + "' is not a number");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number, got '" + t + "' (overflows a double)");
        }
        return v;
    }

    /**
     * A number for an aligned text table: six significant digits, plain notation between 1e-4 and 1e7,
     * scientific otherwise, as R prints with {@code digits = 6}. Non-finite values print as {@code NA}.
     */
    public static String table(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            String s = new BigDecimal(v).round(TABLE_DIGITS).stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        String s = String.format(Locale.ROOT, "%.5e", v);
        // 1.50000e-08 -> 1.5e-08, as R does
        return s.replaceFirst("\\.?0+e", "e");
    }

    /** Numbers for a table, joined by ", ". */
    public static String table(double[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(table(values[i]));
        }
        return b.toString();
    }

    /**
     * A number for a CSV file: full precision in the root locale ({@link Double#toString(double)}), or
     * the empty cell when the value is absent (non-finite), which R and pandas read as missing.
     */
    public static String csv(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
