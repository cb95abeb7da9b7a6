package org.fallline.evolution;

import java.util.Objects;

import org.fallline.evolution.internal.DecimalParser;

/**
 * Keeps the rows whose cell in {@code column} compares with {@code value} as {@code operator} says
 * ({@code --where COL=VALUE}, {@code COL!=VALUE}, {@code COL<VALUE}, {@code <=}, {@code >}, {@code >=}).
 *
 * <p>{@code =} and {@code !=} compare cells as text after trimming blanks, and as numbers when both parse as
 * numbers, so that {@code 0} matches {@code 0.0} and {@code 1e0} matches {@code 1}. The order comparisons
 * {@code < <= > >=} need a number as the value and compare numerically; a cell that is not a number (missing, or
 * text) does not pass them.
 *
 * <p>Immutable; the value's number is read once, when the filter is made, not for every row.
 */
public final class RowFilter {

    /** The comparisons a filter can make. */
    public enum Operator {
        /** Equal, as text or as numbers. */
        EQ("="),
        /** Not equal. */
        NE("!="),
        /** Less than (numbers). */
        LT("<"),
        /** Less than or equal (numbers). */
        LE("<="),
        /** Greater than (numbers). */
        GT(">"),
        /** Greater than or equal (numbers). */
        GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written: {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
        public String symbol() {
            return symbol;
        }

        boolean ordered() {
            return this != EQ && this != NE;
        }
    }

    private final String column;
    private final Operator operator;
    private final String value;
    /** The value as a number written with '.' and with ',' as the decimal mark (NaN when it is not one). */
    private final double withPoint;
    private final double withComma;

    /**
     * @param column   the column name, as in the header
     * @param operator the comparison
     * @param value    the value compared with
     */
    public RowFilter(String column, Operator operator, String value) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        column = column.trim();
        value = value.trim();
        this.column = column;
        this.operator = operator;
        this.value = value;
        this.withPoint = number(value, '.');
        this.withComma = number(value, ',');
        if (column.isEmpty()) {
            throw new SelectionException("a 'where' filter needs a column name, as in COLUMN" + operator.symbol
                    + "VALUE");
        }
        if (operator.ordered() && Double.isNaN(withPoint) && Double.isNaN(withComma)) {
            throw new SelectionException("the filter '" + column + operator.symbol + value + "' compares with '"
                    + operator.symbol + "', which needs a number, not '" + value + "'");
        }
    }

    /** The column name, as in the header. */
    public String column() {
        return column;
    }

    /** The comparison. */
    public Operator operator() {
        return operator;
    }

    /** The value compared with, trimmed. */
    public String value() {
        return value;
    }

    /** An equality filter, {@code column=value}. */
    public RowFilter(String column, String value) {
        this(column, Operator.EQ, value);
    }

    /**
     * Reads {@code COLUMN OP VALUE} with OP one of {@code != <= >= = < >} (the first operator found separates the
     * column from the value).
     *
     * @throws SelectionException (BAD_INPUT) if there is no operator or no column name
     */
    public static RowFilter parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '!' && next == '=') {
                return new RowFilter(text.substring(0, i), Operator.NE, text.substring(i + 2));
            }
            if ((c == '<' || c == '>') && next == '=') {
                return new RowFilter(text.substring(0, i), c == '<' ? Operator.LE : Operator.GE, text.substring(i + 2));
            }
            if (c == '<' || c == '>') {
                return new RowFilter(text.substring(0, i), c == '<' ? Operator.LT : Operator.GT, text.substring(i + 1));
            }
            if (c == '=') {
                return new RowFilter(text.substring(0, i), Operator.EQ, text.substring(i + 1));
            }
        }
        throw new SelectionException("a 'where' filter must read COLUMN=VALUE (or !=, <, <=, >, >=), found '"
                + text + "'");
    }

    /** True when {@code cell} passes, numbers written with '.' as the decimal mark. */
    public boolean matches(String cell) {
        return matches(cell, '.');
    }

    /** True when {@code cell} passes, numbers in cells written with {@code point} as the decimal mark. */
    public boolean matches(String cell, char point) {
        String c = cell.trim();
        double v = point == ',' && !Double.isNaN(withComma) ? withComma : withPoint;
        double x = number(c, point);
        switch (operator) {
            case EQ:
                return c.equals(value) || (!Double.isNaN(v) && !Double.isNaN(x) && x == v);
            case NE:
                return !(c.equals(value) || (!Double.isNaN(v) && !Double.isNaN(x) && x == v));
            case LT:
                return x < v;
            case LE:
                return x <= v;
            case GT:
                return x > v;
            default:
                return x >= v;
        }
    }

    private static double number(String s, char point) {
        double v = DecimalParser.parse(s, 0, s.length(), point);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowFilter f && f.column.equals(column) && f.operator == operator && f.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, operator, value);
    }

    @Override
    public String toString() {
        return column + operator.symbol + value;
    }
}
