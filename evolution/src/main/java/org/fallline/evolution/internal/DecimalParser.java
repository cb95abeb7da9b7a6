package org.fallline.evolution.internal;

/**
 * Parses a plain decimal number ([+-]digits[.digits][(e|E)[+-]digits], or [+-].digits…) to the
 * correctly rounded double, as {@link Double#parseDouble} would, but without its cost on the common
 * case: when the digits form an integer m ≤ 2⁵³ and the decimal exponent e has |e| ≤ 22, both m and
 * 10<sup>|e|</sup> are exact
 * doubles and one IEEE multiplication or division rounds correctly (Clinger 1990, "How to read
 * floating point numbers accurately", PLDI '90, fast path). Other valid inputs go to
 * {@link Double#parseDouble}. Text that is not such a number (including "Infinity", hexadecimal
 * and Java's type suffixes such as "1d") gives NaN. The decimal mark is '.' unless given (',' for files written
 * with a decimal comma, as spreadsheets do in much of Europe and South America).
 */
public final class DecimalParser {

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;

    private DecimalParser() {
    }

    /** The value of {@code s} (already trimmed), or NaN when it is not a plain decimal number. */
    public static double parse(String s) {
        return parse(s, 0, s.length());
    }

    /**
     * The value of the characters {@code s[from, to)} (already trimmed), or NaN when they are not a
     * plain decimal number; lets a reader parse a cell in place, without a String per cell.
     */
    public static double parse(String s, int from, int to) {
        return parse(s, from, to, '.');
    }

    /**
     * The value of the characters {@code s[from, to)} (already trimmed) written with {@code point} as the decimal
     * mark, or NaN when they are not a plain decimal number.
     */
    public static double parse(String s, int from, int to, char point) {
        int n = to;
        int i = from;
        if (n == from) {
            return Double.NaN;
        }
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            digits++;
            if (significant < 18) {
                m = m * 10 + (c - '0');
                if (m != 0) {
                    significant++;
                }
            } else {
                overflow = true;
                scale++;
            }
        }
        if (i < n && s.charAt(i) == point) {
            i++;
            for (; i < n; i++) {
                c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                digits++;
                if (significant < 18) {
                    m = m * 10 + (c - '0');
                    if (m != 0) {
                        significant++;
                    }
                    scale--;
                } else {
                    overflow = true;
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exp = 0;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                expNegative = s.charAt(i) == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < n; i++) {
                c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                expDigits++;
                if (exp < 100_000) {
                    exp = exp * 10 + (c - '0');
                }
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            if (expNegative) {
                exp = -exp;
            }
        }
        if (i != n) {
            return Double.NaN;
        }
        int e10 = exp + scale;
        if (!overflow && m <= MAX_EXACT) {
            double v;
            if (m == 0) {
                v = 0.0;
            } else if (e10 == 0) {
                v = m;
            } else if (e10 > 0 && e10 <= 22) {
                v = (double) m * POW10[e10];
            } else if (e10 < 0 && e10 >= -22) {
                v = (double) m / POW10[-e10];
            } else {
                return slow(s, from, to, point);
            }
            return negative ? -v : v;
        }
        return slow(s, from, to, point);
    }

    private static double slow(String s, int from, int to, char point) {
        String t = s.substring(from, to);
        return Double.parseDouble(point == '.' ? t : t.replace(point, '.'));
    }
}
