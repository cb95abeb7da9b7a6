package org.fallline.benchmarks;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.fallline.evolution.Estimate;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.evolution.io.PhenotypeCsv;

/**
 * The library behind {@code fallline selection}, run as its own JVM with the same arguments
 * ({@code --data FILE --fitness W --traits t1,...,tk}; {@code --format csv} and {@code --quiet} are
 * accepted): reads the CSV, runs {@link SelectionAnalysis} (S, C, β, γ with standard errors, canonical
 * analysis) and prints the tidy table as CSV. It separates the analysis from the command line's own
 * cost, and stands in for the command in {@code scripts/selection-vs-r.sh} (variable
 * {@code FALLLINE_SELECTION}) where the {@code samples} jar has no {@code selection} command.
 */
public final class InProcessSelection {

    private InProcessSelection() {
    }

    public static void main(String[] args) {
        String data = null;
        String fitness = null;
        String traits = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = value(args, ++i);
                case "--fitness" -> fitness = value(args, ++i);
                case "--traits" -> traits = value(args, ++i);
                case "--format" -> {
                    if (!"csv".equals(value(args, ++i))) {
                        usage("only --format csv is supported");
                    }
                }
                case "--quiet" -> {
                    // Nothing to silence: this program reports no progress.
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (data == null || fitness == null || traits == null) {
            usage("--data, --fitness and --traits are required");
        }
        SelectionOptions options = SelectionOptions.builder().fitness(fitness).traits(traits.split(",")).build();
        SelectionReport report = new SelectionAnalysis().analyze(PhenotypeCsv.open(Path.of(data)), options);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        out.println(String.join(",", Estimate.COLUMNS));
        for (Estimate e : report.tidy()) {
            out.println(String.join(",", List.of(e.group(), e.analysis(), e.term(), number(e.estimate()),
                    number(e.stdError()), number(e.statistic()), number(e.pValue()), number(e.confLow()),
                    number(e.confHigh()), number(e.bootSe()), number(e.permPValue()), number(e.bootConfLow()),
                    number(e.bootConfHigh()), number(e.glmPValue()))));
        }
        out.flush();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.10g", x);
    }

    private static String number(OptionalDouble x) {
        return x.isPresent() ? number(x.getAsDouble()) : "";
    }

    private static void usage(String why) {
        System.err.println("InProcessSelection: " + why);
        System.err.println("usage: java -cp benchmarks.jar org.fallline.benchmarks.InProcessSelection"
                + " --data FILE --fitness W --traits t1,...,tk [--format csv] [--quiet]");
        System.exit(2);
    }
}
