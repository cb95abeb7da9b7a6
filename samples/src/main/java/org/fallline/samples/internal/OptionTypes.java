package org.fallline.samples.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values that are lists of numbers or names, and picocli converters that read them with a
 * clear message for every mistake (picocli prefixes the message with the option's name).
 */
public final class OptionTypes {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private OptionTypes() {
    }

    /** A point given as {@code X0,X1,…}. */
    public record Point(double[] coordinates) {
        public Point {
            coordinates = coordinates.clone();
        }

        @Override
        public double[] coordinates() {
            return coordinates.clone();
        }

        public int dimension() {
            return coordinates.length;
        }
    }

    /** A box given as {@code LO:HI,LO:HI,…}, one interval per coordinate (LO &lt; HI checked by the command). */
    public record Intervals(double[] lower, double[] upper) {
        public Intervals {
            lower = lower.clone();
            upper = upper.clone();
        }

        @Override
        public double[] lower() {
            return lower.clone();
        }

        @Override
        public double[] upper() {
            return upper.clone();
        }

        public int dimension() {
            return lower.length;
        }
    }

    /** Reads {@code 1,2.5,-3}. */
    public static final class PointConverter implements ITypeConverter<Point> {
        @Override
        public Point convert(String value) {
            String[] parts = value.split(",", -1);
            double[] x = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                x[i] = number(parts[i], "coordinate " + (i + 1), "X0,X1,...");
            }
            return new Point(x);
        }
    }

    /** Reads {@code -2:2,-1:13}. */
    public static final class IntervalsConverter implements ITypeConverter<Intervals> {
        @Override
        public Intervals convert(String value) {
            String[] parts = value.split(",", -1);
            double[] lo = new double[parts.length];
            double[] hi = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String what = "interval " + (i + 1);
                String[] ends = parts[i].split(":", -1);
                if (ends.length != 2) {
                    throw new TypeConversionException(what + " is '" + parts[i].strip()
                            + "'; expected LO:HI (e.g. -2:2), one interval per variable, separated by commas");
                }
                lo[i] = number(ends[0], what + " LO", "LO:HI");
                hi[i] = number(ends[1], what + " HI", "LO:HI");
                // LO < HI is checked by the command, which knows the variables' names
            }
            return new Intervals(lo, hi);
        }
    }

    /** Reads a finite number greater than 0 (a step, a tolerance). */
    public static final class PositiveConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v;
            try {
                v = Numbers.parseFinite(value, "value");
            } catch (IllegalArgumentException e) {
                v = Double.NaN;
            }
            if (!(v > 0)) {
                throw new TypeConversionException("expected a finite number > 0, got '" + value.strip() + "'");
            }
            return v;
        }
    }

    /** Reads a momentum coefficient β with 0 ≤ β &lt; 1. */
    public static final class MomentumConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v;
            try {
                v = Numbers.parseFinite(value, "value");
            } catch (IllegalArgumentException e) {
                v = Double.NaN;
            }
            if (!(v >= 0 && v < 1)) {
                throw new TypeConversionException("expected a number in [0, 1), got '" + value.strip() + "'");
            }
            return v;
        }
    }

    /** Reads a whole number ≥ 1 (a count of starts, iterations, resamples). */
    public static final class CountConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String t = value.strip();
            int v;
            try {
                v = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + t + "' is not a whole number; expected an integer >= 1");
            }
            if (v < 1) {
                throw new TypeConversionException("expected an integer >= 1, got " + v);
            }
            return v;
        }
    }

    /** Reads a comma-separated list of distinct names ({@code x,y}, {@code Weight_g,SkullL_mm}). */
    public static final class NamesConverter implements ITypeConverter<List<String>> {
        @Override
        public List<String> convert(String value) {
            return names(value, true);
        }
    }

    /** Reads a comma-separated list of distinct column names (any text but empty). */
    public static final class ColumnsConverter implements ITypeConverter<List<String>> {
        @Override
        public List<String> convert(String value) {
            return names(value, false);
        }
    }

    static List<String> names(String value, boolean identifiers) {
        List<String> names = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw new TypeConversionException("empty name in '" + value + "'; expected names separated by commas");
            }
            if (identifiers && !NAME.matcher(name).matches()) {
                throw new TypeConversionException("'" + name + "' is not a variable name; expected letters, digits"
                        + " and _, starting with a letter or _");
            }
            if (names.contains(name)) {
                throw new TypeConversionException("'" + name + "' is given twice");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static double number(String text, String what, String expected) {
        try {
            return Numbers.parseFinite(text, what);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + "; expected " + expected);
        }
    }
}
