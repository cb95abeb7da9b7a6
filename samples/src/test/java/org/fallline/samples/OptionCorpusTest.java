package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.fallline.samples.internal.OptionTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The error contract for options, on every subcommand: a value that is not a number in any numeric option
 * (found from the commands' own model, so new subcommands are covered as they are added), bad expressions,
 * impossible domains, and sizes and steps out of range — each exit 2 with one {@code error:} line naming the
 * option, no stack trace, and no output directory left behind.
 */
class OptionCorpusTest {

    private static final Set<Class<?>> NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, short.class, Short.class);

    /** Not numbers, and numbers that are not usable (NaN, overflow to infinity). */
    private static final List<String> NOT_NUMBERS = List.of("abc", "", "NaN", "1e999", "1,5");

    static Stream<Arguments> numericOptions() {
        CommandLine root = Fallline.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            for (OptionSpec o : sub.getValue().getCommandSpec().options()) {
                if (numeric(o) && o.arity().min() > 0) {
                    for (String bad : NOT_NUMBERS) {
                        if (bad.equals("1,5") && o.type().getEnclosingClass() == OptionTypes.class) {
                            continue; // a list of coordinates: 1,5 is two of them
                        }
                        cases.add(Arguments.of(sub.getKey(), o.longestName(), bad));
                    }
                }
            }
        }
        return cases.stream();
    }

    private static boolean numeric(OptionSpec o) {
        Class<?> type = o.type();
        if (NUMBERS.contains(type) || type.getEnclosingClass() == OptionTypes.class) {
            return true;
        }
        Class<?>[] aux = o.auxiliaryTypes();
        return (List.class.isAssignableFrom(type) || type.isArray()) && aux.length > 0 && NUMBERS.contains(aux[0]);
    }

    @Test
    void theCorpusCoversTheNumericOptionsOfTheSubcommands() {
        List<String> covered = numericOptions().map(a -> a.get()[0] + " " + a.get()[1]).distinct().toList();
        for (String expected : List.of("equilibria --box", "equilibria --max-starts", "descend --from",
                "descend --step", "descend --momentum", "descend --tol", "descend --max-iterations",
                "selection --bootstrap", "selection --permutations", "selection --seed")) {
            assertTrue(covered.contains(expected), expected + " in " + covered);
        }
    }

    /**
     * One command line for all the option cases, as picocli allows (every parse starts from the options'
     * initial values): building the command model is most of the cost of a refused call.
     */
    private static final StringWriter OUT = new StringWriter();
    private static final StringWriter ERR = new StringWriter();
    private static final CommandLine SHARED = Fallline.commandLine(new PrintWriter(OUT, true), new PrintWriter(ERR, true));

    private static synchronized Run.Result parse(String... args) {
        OUT.getBuffer().setLength(0);
        ERR.getBuffer().setLength(0);
        int status = SHARED.execute(args);
        SHARED.getOut().flush();
        SHARED.getErr().flush();
        return new Run.Result(status, OUT.toString(), ERR.toString());
    }

    @ParameterizedTest(name = "{0} {1} ''{2}''")
    @MethodSource("numericOptions")
    void notANumberIsRefusedNamingTheOption(String command, String option, String value) {
        Run.Result r = parse(command, option, value);
        assertEquals(2, r.status(), r::toString);
        Contract.refused(r, option);
        assertEquals("", r.out(), r::toString);
    }

    private static final String V = "x^2 + 3*y^2";

    static Stream<Arguments> badCalls() {
        return Stream.of(
                // bad expressions
                Arguments.of(List.of("equilibria", "--potential", "", "--box", "0:1"), "--potential"),
                Arguments.of(List.of("equilibria", "--potential", "x +", "--box", "0:1"), "--potential"),
                Arguments.of(List.of("equilibria", "--potential", "foo(x)", "--box", "0:1"), "--potential"),
                Arguments.of(List.of("equilibria", "--potential", "(x", "--box", "0:1"), "--potential"),
                Arguments.of(List.of("equilibria", "--potential", "x y", "--box", "0:1,0:1"), "--potential"),
                Arguments.of(List.of("equilibria", "--potential", "x ** 2", "--box", "0:1"), "--potential"),
                Arguments.of(List.of("equilibria", "--potential", "exp(", "--box", "0:1"), "--potential"),
                Arguments.of(List.of("descend", "--potential", "x $ y", "--from", "0,0", "--method", "gd"), "--potential"),
                Arguments.of(List.of("descend", "--potential", "sin(x, y)", "--from", "0,0", "--method", "gd"),
                        "--potential"),
                // impossible domains
                Arguments.of(List.of("equilibria", "--potential", V, "--box", "NaN:1,0:1"), "--box"),
                Arguments.of(List.of("equilibria", "--potential", V, "--box", "0:1,1:0"), "--box"),
                Arguments.of(List.of("equilibria", "--potential", V, "--box", "0:0,0:1"), "--box"),
                Arguments.of(List.of("equilibria", "--potential", V, "--box", "0:1,0:1,0:1"), "--box"),
                Arguments.of(List.of("equilibria", "--potential", V, "--box", ":,:"), "--box"),
                Arguments.of(List.of("descend", "--potential", "log(x) + y^2", "--from", "-1,0", "--method", "gd"),
                        "starting point"),
                Arguments.of(List.of("descend", "--potential", "sqrt(x)", "--from", "-4", "--method", "newton"),
                        "starting point"),
                Arguments.of(List.of("descend", "--potential", V, "--from", "0", "--method", "gd"), "--from"),
                // sizes and steps out of range
                Arguments.of(List.of("equilibria", "--potential", V, "--box", "0:1,0:1", "--starts", "0"), "--starts"),
                Arguments.of(List.of("equilibria", "--potential", V, "--box", "0:1,0:1", "--starts", "-3"), "--starts"),
                Arguments.of(List.of("equilibria", "--potential", V, "--box", "0:1,0:1", "--starts", "99999999999"),
                        "--starts"),
                Arguments.of(List.of("descend", "--potential", V, "--from", "1,1", "--method", "gd", "--step", "0"),
                        "--step"),
                Arguments.of(List.of("descend", "--potential", V, "--from", "1,1", "--method", "gd", "--step", "-1"),
                        "--step"),
                Arguments.of(List.of("descend", "--potential", V, "--from", "1,1", "--method", "heavy-ball",
                        "--momentum", "1"), "--momentum"),
                Arguments.of(List.of("descend", "--potential", V, "--from", "1,1", "--method", "heavy-ball",
                        "--momentum", "-0.1"), "--momentum"),
                Arguments.of(List.of("descend", "--potential", V, "--from", "1,1", "--method", "gd", "--tol", "0"),
                        "--tol"),
                Arguments.of(List.of("descend", "--potential", V, "--from", "1,1", "--method", "gd", "--tol", "-1e-8"),
                        "--tol"),
                Arguments.of(List.of("descend", "--potential", V, "--from", "1,1", "--method", "gd",
                        "--max-iterations", "0"), "--max-iterations"),
                Arguments.of(List.of("selection", "--bootstrap", "-1"), "--bootstrap"),
                Arguments.of(List.of("selection", "--permutations", "-5"), "--permutations"),
                Arguments.of(List.of("selection", "--bootstrap", "1e3"), "--bootstrap"),
                Arguments.of(List.of("selection", "--seed", "1.5"), "--seed"),
                Arguments.of(List.of("selection", "--delimiter", "ab"), "--delimiter"),
                Arguments.of(List.of("selection", "--standardize", "z"), "--standardize"),
                Arguments.of(List.of("selection", "--model", "probit"), "--model"),
                Arguments.of(List.of("selection", "--traits", "Weight_g,,SkullL_mm"), "--traits"),
                Arguments.of(List.of("selection", "--traits", "Weight_g,Nose_mm"), "Nose_mm"),
                Arguments.of(List.of("selection", "--where", "Sex"), "--where"),
                Arguments.of(List.of("selection", "--surface", "Weight_g"), "--surface"),
                Arguments.of(List.of("tour", "--quick", "--out", "/nonexistent-fallline-dir/report"), "--out"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badCallIsRefusedNamingWhatIsWrong(List<String> args, String where) {
        Run.Result r = parse(args.toArray(String[]::new));
        assertEquals(2, r.status(), r::toString);
        Contract.refused(r, where);
    }

    @Test
    void aFailedSelectionLeavesNoOutputDirectory(@TempDir Path tmp) throws IOException {
        Run.Result r = Run.fallline("selection", "--traits", "Weight_g,Nose_mm", "--out", tmp.resolve("out").toString());
        Contract.refused(r, "Nose_mm");
        Contract.onlyThese(tmp);
    }
}
