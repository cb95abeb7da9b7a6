package org.fallline.evolution;

import java.util.Objects;

/**
 * Keeps the rows whose cell in {@code column} equals {@code value} ("where COL=VALUE"). Cells are
 * compared as text after trimming blanks, and also as numbers when both parse as numbers, so that
 * {@code 0} matches {@code 0.0} and {@code 1e0} matches {@code 1}.
 *
 * @param column the column name, as in the header
 * @param value  the value to keep
 */
public record RowFilter(String column, String value) {

    public RowFilter {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        column = column.trim();
        value = value.trim();
        if (column.isEmpty()) {
            throw new SelectionException("a 'where' filter needs a column name, as in COLUMN=VALUE");
        }
    }

    /**
     * Reads {@code COLUMN=VALUE} (the first '=' separates the two).
     *
     * @throws SelectionException (BAD_INPUT) if there is no '=' or no column name
     */
    public static RowFilter parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new SelectionException("a 'where' filter must read COLUMN=VALUE, found '" + text + "'");
        }
        return new RowFilter(text.substring(0, eq), text.substring(eq + 1));
    }

    /** True when {@code cell} equals the value as text, or as a number when both are numbers. */
    public boolean matches(String cell) {
        String c = cell.trim();
        if (c.equals(value)) {
            return true;
        }
        double v = number(value);
        if (Double.isNaN(v)) {
            return false;
        }
        double x = number(c);
        return !Double.isNaN(x) && x == v;
    }

    private static double number(String s) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        char last = s.charAt(s.length() - 1);
        // Double.parseDouble also takes "1d", "0x1p3" and "Infinity"; a filter compares plain decimals only.
        if (!(Character.isDigit(last) || last == '.')) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return column + "=" + value;
    }
}
