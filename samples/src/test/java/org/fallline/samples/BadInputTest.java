package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake in a call: exit status 2, one {@code error:} line that says what and where, no stack trace. */
class BadInputTest {

    private static final String V = "exp(x)*cos(y) - x - 1";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("box LO >= HI names the variable",
                        List.of("equilibria", "--potential", V, "--box", "-2:2,13:-1"),
                        "error: --box: the interval for y is 13:-1; expected LO < HI"),
                Arguments.of("box LO = HI",
                        List.of("equilibria", "--potential", V, "--box", "1:1,0:1"),
                        "error: --box: the interval for x is 1:1; expected LO < HI"),
                Arguments.of("box with too few intervals",
                        List.of("equilibria", "--potential", V, "--box", "-2:2"),
                        "error: --box: 1 interval for 2 variables (x, y); expected one LO:HI per variable"),
                Arguments.of("box interval without colon",
                        List.of("equilibria", "--potential", V, "--box", "-2:2,5"),
                        "error: Invalid value for option '--box': interval 2 is '5'; expected LO:HI"),
                Arguments.of("non-finite box bound",
                        List.of("equilibria", "--potential", V, "--box", "-2:2,-1:Infinity"),
                        "error: Invalid value for option '--box': interval 2 HI must be a finite number, got 'Infinity'"),
                Arguments.of("non-finite start",
                        List.of("descend", "--potential", V, "--from", "NaN,0", "--method", "gd"),
                        "error: Invalid value for option '--from': coordinate 1 must be a finite number, got 'NaN'"),
                Arguments.of("not a number",
                        List.of("descend", "--potential", V, "--from", "1,two", "--method", "gd"),
                        "error: Invalid value for option '--from': coordinate 2: 'two' is not a number"),
                Arguments.of("too few coordinates",
                        List.of("descend", "--potential", V, "--from", "1", "--method", "gd"),
                        "error: --from: 1 coordinate for 2 variables (x, y); expected 2"),
                Arguments.of("too many coordinates",
                        List.of("descend", "--potential", V, "--from", "1,2,3", "--method", "gd"),
                        "error: --from: 3 coordinates for 2 variables (x, y); expected 2"),
                Arguments.of("zero step",
                        List.of("descend", "--potential", V, "--from", "1,2", "--method", "gd", "--step", "0"),
                        "error: Invalid value for option '--step': expected a finite number > 0, got '0'"),
                Arguments.of("negative step",
                        List.of("descend", "--potential", V, "--from", "1,2", "--method", "gd", "--step", "-0.1"),
                        "error: Invalid value for option '--step': expected a finite number > 0, got '-0.1'"),
                Arguments.of("momentum out of range",
                        List.of("descend", "--potential", V, "--from", "1,2", "--method", "nesterov", "--momentum", "1.5"),
                        "error: Invalid value for option '--momentum': expected a number in [0, 1), got '1.5'"),
                Arguments.of("step for a method without one",
                        List.of("descend", "--potential", V, "--from", "1,2", "--method", "newton", "--step", "1"),
                        "error: --step: method 'newton' takes no step"),
                Arguments.of("unknown method",
                        List.of("descend", "--potential", V, "--from", "1,2", "--method", "adam"),
                        "error: --method: unknown method 'adam'; expected one of gd, gd-armijo, steepest"),
                Arguments.of("iterations not an integer",
                        List.of("descend", "--potential", V, "--from", "1,2", "--method", "gd", "--max-iterations", "1e3"),
                        "error: Invalid value for option '--max-iterations': '1e3' is not a whole number"),
                Arguments.of("missing required option",
                        List.of("descend", "--potential", V, "--method", "gd"),
                        "error: Missing required option: '--from=X0[,X1...]'"),
                Arguments.of("unknown format",
                        List.of("equilibria", "--potential", V, "--box", "0:1,0:1", "--format", "yaml"),
                        "error: Invalid value for option '--format': expected table|json, got 'yaml'"),
                Arguments.of("repeated variable",
                        List.of("descend", "--potential", V, "--vars", "x,y,x", "--from", "1,2", "--method", "gd"),
                        "error: Invalid value for option '--vars' (x,y): 'x' is given twice"),
                Arguments.of("output directory missing",
                        List.of("descend", "--potential", V, "--from", "1,2", "--method", "gd",
                                "--trajectory", "/nonexistent-dir/t.csv"),
                        "error: --trajectory: cannot write '/nonexistent-dir/t.csv': directory '/nonexistent-dir' does not exist"),
                Arguments.of("plot format",
                        List.of("descend", "--potential", V, "--from", "1,2", "--method", "gd", "--plot", "p.jpg"),
                        "error: --plot: 'p.jpg' must end in .png or .svg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void oneErrorLineAndExitTwo(String what, List<String> args, String expectedStart) {
        Run.Result r = Run.fallline(args.toArray(String[]::new));
        assertEquals(2, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith(expectedStart), () -> "expected " + expectedStart + "\n" + r);
    }

    static Stream<Arguments> badExpressions() {
        return Stream.of(
                Arguments.of("syntax error", "exp(x)*cos(y - x - 1", "expected ')' at column 21"),
                Arguments.of("unknown function", "sinn(x) + y", "unknown function 'sinn' at column 1; did you mean 'sin'?"),
                Arguments.of("trailing operator", "x^2 +", "at column 6"),
                Arguments.of("1-MB expression", "x+".repeat(512 * 1024) + "y", "too long"),
                Arguments.of("10,000-deep nesting", "(".repeat(10_000) + "x" + ")".repeat(10_000), "nested deeper"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExpressions")
    void expressionErrorsShowACaret(String what, String expression, String expected) {
        Run.Result r = Run.fallline("equilibria", "--potential", expression, "--box", "-1:1,-1:1");
        assertEquals(2, r.status(), r::toString);
        List<String> lines = r.errLines();
        // the error line, then the expression (or the stretch around the trouble) and the caret under it
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("error: --potential: "), r::toString);
        assertTrue(lines.get(0).contains(expected), r::toString);
        assertTrue(lines.get(1).length() <= 106, r::toString);
        assertTrue(lines.get(2).matches(" *\\^"), r::toString);
        assertTrue(lines.get(2).length() <= lines.get(1).length() + 1, r::toString);
        if (!lines.get(1).startsWith("...") && lines.get(0).matches(".* at column \\d+.*")) {
            // the caret stands under the reported column
            int column = Integer.parseInt(lines.get(0).replaceAll(".* at column (\\d+).*", "$1"));
            assertEquals(column, lines.get(2).length(), r::toString);
        }
    }

    @Test
    void unknownVariableNamesTheVariables() {
        Run.Result r = Run.fallline("descend", "--potential", V, "--vars", "x", "--from", "1", "--method", "gd");
        assertEquals(2, r.status(), r::toString);
        List<String> lines = r.errLines();
        assertEquals("error: --potential: unknown variable 'y' at column 12; the variables are x", lines.get(0));
        assertEquals(List.of(V, "           ^"), lines.subList(1, 3));
    }

    @Test
    void noStackTraceForAnyBadInput() {
        Run.Result r = Run.fallline("equilibria", "--potential", "(((", "--box", "0:1");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.errLines().stream().noneMatch(l -> l.contains("\tat ") || l.contains("Exception")), r::toString);
    }
}
