package org.fallline.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ExpressionException;
import org.fallline.core.field.ParametricField;
import org.fallline.physics.heat.BoundaryCondition;
import org.fallline.physics.heat.HeatProblem;
import org.fallline.physics.heat.SpaceTimeFunction;
import org.fallline.samples.internal.BadInputException;
import org.fallline.samples.internal.Numbers;

/**
 * The text forms of {@code fallline heat}: expressions in x, y, z (up to the dimension) and t, and
 * the boundary specification {@code --bc KIND[:EXPR]} or {@code --bc left=KIND[:EXPR],right=…} with
 * KIND one of dirichlet, neumann, periodic, robin:A,B.
 */
final class HeatSpecs {

    private static final List<String> AXES = List.of("x", "y", "z");
    private static final Pattern SIDE_SPLIT = Pattern.compile(",(?=\\s*(left|right|bottom|top|front|back)\\s*=)");

    private HeatSpecs() {
    }

    /** The expression of an option as a function of x (up to the dimension) and t. */
    static SpaceTimeFunction function(String text, int dimension, String option) {
        List<String> vars = AXES.subList(0, dimension);
        ParametricField field;
        boolean timed;
        try {
            field = Expression.parse(text).field(vars, List.of("t"));
            timed = Expression.parse(text).variables().contains("t");
        } catch (ExpressionException e) {
            throw new BadInputException(option + ": " + e.getMessage(), List.of(e.caret().split("\n")), e);
        }
        return new SpaceTimeFunction() {
            @Override
            public double value(double[] x, double t) {
                return field.value(x, new double[] {t});
            }

            @Override
            public boolean dependsOnTime() {
                return timed;
            }
        };
    }

    /** Applies the --bc options to the builder (in order; later ones override earlier sides). */
    static void boundaries(List<String> specs, int dimension, HeatProblem.Builder builder) {
        for (String spec : specs) {
            String s = spec.strip();
            if (s.matches("(?s)^(left|right|bottom|top|front|back)\\s*=.*")) {
                for (String part : SIDE_SPLIT.split(s)) {
                    int eq = part.indexOf('=');
                    String side = part.substring(0, eq).strip();
                    int index = HeatProblem.SIDES.indexOf(side);
                    if (index >= 2 * dimension) {
                        throw new BadInputException("--bc: side '" + side + "' does not exist in " + dimension
                                + "-D; the sides are " + String.join(", ", HeatProblem.SIDES.subList(0, 2 * dimension)));
                    }
                    builder.boundary(index, condition(part.substring(eq + 1).strip(), dimension, "--bc " + side));
                }
            } else {
                builder.boundary(condition(s, dimension, "--bc"));
            }
        }
    }

    // KIND[:EXPR] with KIND dirichlet, neumann, periodic or robin:A,B
    static BoundaryCondition condition(String text, int dimension, String option) {
        String lower = text.toLowerCase(Locale.ROOT);
        String kind = lower.contains(":") ? lower.substring(0, lower.indexOf(':')).strip() : lower.strip();
        String rest = text.contains(":") ? text.substring(text.indexOf(':') + 1) : null;
        switch (kind) {
            case "dirichlet":
                return BoundaryCondition.dirichlet(data(rest, dimension, option));
            case "neumann":
                return BoundaryCondition.neumann(data(rest, dimension, option));
            case "periodic":
                if (rest != null) {
                    throw new BadInputException(option + ": periodic takes no value, got '" + text + "'");
                }
                return BoundaryCondition.periodic();
            case "robin": {
                if (rest == null) {
                    throw new BadInputException(option + ": robin needs its coefficients, robin:A,B[:EXPR] for "
                            + "A*u + B*du/dn = EXPR");
                }
                int colon = rest.indexOf(':');
                String coefficients = colon < 0 ? rest : rest.substring(0, colon);
                String[] ab = coefficients.split(",");
                if (ab.length != 2) {
                    throw new BadInputException(option + ": robin:" + coefficients + ": expected two coefficients A,B");
                }
                double a = number(ab[0], option);
                double b = number(ab[1], option);
                return BoundaryCondition.robin(a, b, data(colon < 0 ? null : rest.substring(colon + 1), dimension, option));
            }
            default:
                throw new BadInputException(option + ": unknown boundary condition '" + text
                        + "'; expected dirichlet, neumann, periodic or robin:A,B, each with :EXPR for its data");
        }
    }

    private static SpaceTimeFunction data(String expr, int dimension, String option) {
        if (expr == null || expr.isBlank()) {
            return null;
        }
        return function(expr.strip(), dimension, option);
    }

    private static double number(String s, String option) {
        try {
            return Numbers.parseFinite(s.strip(), option + ": robin coefficient");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** "sin(pi*x/L)*sin(pi*y/L)" for the dimension, with L written out. */
    static String defaultInitial(int dimension, double length) {
        List<String> factors = new ArrayList<>();
        for (int a = 0; a < dimension; a++) {
            factors.add("sin(pi*" + AXES.get(a) + (length == 1 ? "" : "/" + length) + ")");
        }
        return String.join("*", factors);
    }
}
