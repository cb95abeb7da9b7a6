package org.fallline.core.internal;

import java.util.Locale;

/** The functions an expression may call, with their number of arguments. */
public enum Function {
    EXP(1), LOG(1), SQRT(1), SIN(1), COS(1), TAN(1), SINH(1), COSH(1), TANH(1), ATAN(1), ABS(1),
    MIN(2), MAX(2), POW(2);

    private final int arity;

    Function(int arity) {
        this.arity = arity;
    }

    /** How many arguments the function takes. */
    public int arity() {
        return arity;
    }

    /** The name as written in an expression. */
    public String symbol() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function written {@code symbol}, or null. */
    public static Function bySymbol(String symbol) {
        for (Function f : values()) {
            if (f.symbol().equals(symbol)) {
                return f;
            }
        }
        return null;
    }

    /** The value of a named constant ({@code pi}, {@code e}), or NaN if {@code symbol} names none. */
    public static double constant(String symbol) {
        switch (symbol) {
            case "pi":
                return Math.PI;
            case "e":
                return Math.E;
            default:
                return Double.NaN;
        }
    }

    /** True when {@code symbol} names a constant. */
    public static boolean isConstant(String symbol) {
        return symbol.equals("pi") || symbol.equals("e");
    }
}
