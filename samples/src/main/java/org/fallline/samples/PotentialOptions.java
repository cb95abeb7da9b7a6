package org.fallline.samples;

import java.util.List;

import org.fallline.core.field.Box;
import org.fallline.core.field.Expression;
import org.fallline.core.field.ExpressionException;
import org.fallline.core.field.ScalarField;
import org.fallline.samples.internal.BadInputException;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.OptionTypes;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that define the scalar field V: {@code --potential EXPR} and {@code --vars x,y}, shared
 * by the commands that work on a potential.
 */
final class PotentialOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--potential", required = true, paramLabel = "EXPR",
            description = "The potential V as an expression, e.g. 'exp(x)*cos(y) - x - 1'.")
    String potential;

    @Option(names = "--vars", paramLabel = "x,y", converter = OptionTypes.NamesConverter.class,
            description = "The variables, in this order (default: natural order, names sorted with digit runs compared as numbers, so x2 < x10).")
    List<String> variables;

    /** Parses the expression; a syntax error becomes bad input with the caret display. */
    ScalarField field() {
        try {
            return variables == null ? Expression.parse(potential) : Expression.parse(potential, variables);
        } catch (ExpressionException e) {
            throw new BadInputException("--potential: " + e.getMessage(), List.of(e.caret().split("\n")), e);
        }
    }

    /** The box of the {@code --box} option, one interval per variable of the field. */
    Box box(OptionTypes.Intervals intervals, ScalarField field, String option) {
        List<String> names = field.variables();
        if (intervals.dimension() != names.size()) {
            throw new ParameterException(spec.commandLine(), option + ": " + count(intervals.dimension(), "interval")
                    + " for " + describe(names) + "; expected one LO:HI per variable");
        }
        double[] lo = intervals.lower();
        double[] hi = intervals.upper();
        for (int i = 0; i < lo.length; i++) {
            if (!(lo[i] < hi[i])) {
                throw new ParameterException(spec.commandLine(), option + ": the interval for " + names.get(i)
                        + " is " + Numbers.table(lo[i]) + ":" + Numbers.table(hi[i]) + "; expected LO < HI");
            }
        }
        return new Box(lo, hi);
    }

    /** The point of an option such as {@code --from}, one coordinate per variable of the field. */
    double[] point(OptionTypes.Point point, ScalarField field, String option) {
        List<String> names = field.variables();
        if (point.dimension() != names.size()) {
            throw new ParameterException(spec.commandLine(), option + ": " + count(point.dimension(), "coordinate")
                    + " for " + describe(names) + "; expected " + names.size());
        }
        return point.coordinates();
    }

    static String describe(List<String> names) {
        return count(names.size(), "variable") + " (" + String.join(", ", names) + ")";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
