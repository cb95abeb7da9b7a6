package org.fallline.samples;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.field.Box;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.equilibrium.EquilibriumSearch;
import org.fallline.core.equilibrium.MultistartStoppingRule;
import org.fallline.core.field.ScalarField;
import org.fallline.samples.internal.ConsoleProgress;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.Format;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.OptionTypes;
import org.fallline.samples.internal.TextTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code fallline equilibria}: the critical points ∇V = 0 of a potential in a box, each classified by
 * the eigenvalues of the Hessian (minimum, maximum, saddle with its Morse index, or degenerate).
 */
@Command(name = "equilibria", sortOptions = false,
        description = {"Find the equilibria (critical points, grad V = 0) of a potential in a box and classify them "
                + "by the eigenvalues of the Hessian.",
                "Example: fallline equilibria --potential 'exp(x)*cos(y) - x - 1' --box -2:2,-1:13"})
final class EquilibriaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOptions potential;

    @Option(names = "--box", required = true, paramLabel = "LO:HI[,LO:HI...]",
            converter = OptionTypes.IntervalsConverter.class,
            description = "The box searched, one interval per variable, e.g. -2:2,-1:13.")
    OptionTypes.Intervals box;

    @Option(names = "--starts", paramLabel = "N", converter = OptionTypes.CountConverter.class,
            description = "Exactly N Newton starts, with no stopping rule (default: rounds of 64 until the rule stops).")
    Integer starts;

    @Option(names = "--stopping-rule", paramLabel = "good-turing|boender-rinnooy-kan",
            converter = StoppingRuleConverter.class, defaultValue = "good-turing",
            description = "When to stop drawing starts: good-turing (the fraction of starts whose point no other start"
                    + " reached is <= 0.001) or boender-rinnooy-kan (fewer than 0.5 points expected unseen);"
                    + " either also needs a last round of 64 that found nothing new (default: ${DEFAULT-VALUE}).")
    MultistartStoppingRule stoppingRule;

    @Option(names = "--max-starts", paramLabel = "N", converter = OptionTypes.CountConverter.class,
            defaultValue = "100000", description = "The most starts drawn when the rule does not stop sooner"
            + " (default: ${DEFAULT-VALUE}).")
    int maxStarts;

    @Option(names = "--format", paramLabel = "table|json", converter = Format.TableOrJson.class,
            defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        ScalarField field = potential.field();
        Box region = potential.box(box, field, "--box");
        EquilibriumFinder.Builder options = EquilibriumFinder.builder().stoppingRule(stoppingRule).maxStarts(maxStarts);
        if (starts != null) {
            options.starts(starts);
        }
        EquilibriumSearch search = options.build().search(field, region,
                ConsoleProgress.create(spec.commandLine().getErr(), "equilibria", quiet));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            Json.print(json(field.variables(), search), out);
        } else {
            table(field, region, search, out);
        }
        return ExitStatus.OK;
    }

    static ObjectNode json(List<String> variables, EquilibriumSearch search) {
        ObjectNode root = Json.object();
        Json.put(root, "variables", variables);
        root.put("method", search.method().label());
        root.put("complete", search.complete());
        ArrayNode list = root.putArray("equilibria");
        for (Equilibrium e : search.equilibria()) {
            ObjectNode node = list.addObject();
            Json.put(node, "point", e.point());
            Json.put(node, "value", e.value());
            node.put("type", e.type().label());
            node.put("index", e.index());
            Json.put(node, "eigenvalues", e.eigenvalues());
            node.set("eigenvectors", Json.array(columns(e.eigenvectors())));
        }
        search.multistart().ifPresent(m -> {
            ObjectNode stop = root.putObject("stopping");
            stop.put("rule", m.rule());
            Json.put(stop, "threshold", m.threshold());
            Json.put(stop, "estimate", m.estimate());
            stop.put("satisfied", m.satisfied());
            stop.put("starts", m.starts());
            stop.put("rounds", m.rounds());
        });
        return root;
    }

    /** One line on how the search went. */
    static String describe(EquilibriumSearch search) {
        EquilibriumSearch.Multistart m = search.multistart().orElseThrow();
        String how = "multistart, " + m.starts() + " starts in " + m.rounds() + (m.rounds() == 1 ? " round" : " rounds");
        if (m.rule().equals("fixed")) {
            return how + " (--starts)";
        }
        String estimate = m.rule().equals("good-turing")
                ? "the Good-Turing rule: fraction of starts reaching a point no other start reached "
                : "the Boender-Rinnooy Kan rule: expected number of points not yet found ";
        String comparison = Numbers.table(m.estimate()) + (m.satisfied() ? " <= " : " > ") + Numbers.table(m.threshold());
        return how + (m.satisfied() ? ", stopped by " : ", stopped by --max-starts before ") + estimate + comparison;
    }

    // eigenvectors as a list of vectors (column j of the matrix is the j-th eigenvector)
    private static double[][] columns(double[][] m) {
        int n = m.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private void table(ScalarField field, Box region, EquilibriumSearch search, PrintWriter out) {
        List<Equilibrium> equilibria = search.equilibria();
        List<String> names = field.variables();
        out.println("potential   V(" + String.join(", ", names) + ") = " + potential.potential.strip());
        StringBuilder b = new StringBuilder();
        double[] lo = region.lower();
        double[] hi = region.upper();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(" in [").append(Numbers.table(lo[i]))
                    .append(", ").append(Numbers.table(hi[i])).append(']');
        }
        out.println("box         " + b);
        out.println("method      " + describe(search));
        out.println("complete    " + (search.complete() ? "yes, proved" : "not proved (--certified proves it)"));
        out.println("found       " + equilibria.size() + (equilibria.size() == 1 ? " equilibrium" : " equilibria"));
        if (equilibria.isEmpty()) {
            out.flush();
            return;
        }
        out.println();
        String[] header = new String[names.size() + 4];
        header[0] = "type";
        header[1] = "index";
        for (int i = 0; i < names.size(); i++) {
            header[2 + i] = names.get(i);
        }
        header[names.size() + 2] = "V";
        header[names.size() + 3] = "eigenvalues";
        TextTable t = new TextTable(header);
        for (Equilibrium e : equilibria) {
            String[] row = new String[header.length];
            row[0] = e.type().label();
            row[1] = Integer.toString(e.index());
            double[] x = e.point();
            for (int i = 0; i < x.length; i++) {
                row[2 + i] = Numbers.table(clean(x[i], hi[i] - lo[i]));
            }
            row[x.length + 2] = Numbers.table(e.value());
            row[x.length + 3] = Numbers.table(e.eigenvalues());
            t.row(row);
        }
        t.print(out, "  ");
        out.flush();
    }

    // a coordinate within round-off of zero (relative to the box) prints as 0, not 3.2e-17
    private static double clean(double x, double width) {
        return Math.abs(x) < 1e-12 * width ? 0 : x;
    }

    /** Reads {@code good-turing|boender-rinnooy-kan}. */
    static final class StoppingRuleConverter implements ITypeConverter<MultistartStoppingRule> {
        @Override
        public MultistartStoppingRule convert(String value) {
            return switch (value.strip()) {
                case "good-turing" -> MultistartStoppingRule.goodTuring(EquilibriumFinder.DEFAULT_UNSEEN_MASS);
                case "boender-rinnooy-kan" -> MultistartStoppingRule.boenderRinnooyKan(0.5);
                default -> throw new TypeConversionException("expected good-turing|boender-rinnooy-kan, got '"
                        + value + "'");
            };
        }
    }
}
