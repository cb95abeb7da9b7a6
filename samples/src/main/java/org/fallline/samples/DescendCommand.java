package org.fallline.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.descent.DescentAlgorithm;
import org.fallline.core.descent.DescentDefaults;
import org.fallline.core.descent.DescentMethod;
import org.fallline.core.descent.DescentResult;
import org.fallline.core.descent.QuadraticAnalysis;
import org.fallline.core.field.ScalarField;
import org.fallline.core.descent.StopReason;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.core.descent.Trajectory;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.AtomicFiles;
import org.fallline.samples.internal.Csv;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.FormatOption;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.OptionTypes;
import org.fallline.samples.internal.QuietOption;
import org.fallline.samples.internal.StartOption;
import org.fallline.samples.internal.TextTable;
import org.jfree.chart.JFreeChart;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fallline descend}: one run of a descent method on a potential from a starting point, with the
 * parameters the quadratic analysis recommends unless they are given, and the analysis's predicted
 * contraction beside the measured one when the potential is quadratic.
 */
@Command(name = "descend", sortOptions = false,
        description = {"Run a descent method on a potential from a starting point.",
                "When --step / --momentum are omitted the method uses the best values the analysis gives "
                        + "(for a quadratic: 2/(mu+L) for gd, Polyak's and Nesterov's tunings for the momentum "
                        + "methods; otherwise from the Hessian at the start) and says which it used.",
                "Exit status 3 (output still written) when the run stops without converging.",
                "Example: fallline descend --potential '0.5*(50.5*x^2 + 2*49.5*x*y + 50.5*y^2) - x - 2*y' "
                        + "--from 0,0 --method gd"})
final class DescendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOptions potential;

    @Mixin
    StartOption from;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "gd, gd-armijo, steepest, newton, heavy-ball, nesterov or cg.")
    String method;

    @Option(names = "--step", paramLabel = "S", converter = OptionTypes.PositiveConverter.class,
            description = "Step size (gd, heavy-ball, nesterov; initial trial step for gd-armijo), > 0.")
    Double step;

    @Option(names = "--momentum", paramLabel = "M", converter = OptionTypes.MomentumConverter.class,
            description = "Momentum coefficient in [0, 1) (heavy-ball, nesterov).")
    Double momentum;

    @Option(names = "--tol", paramLabel = "T", converter = OptionTypes.PositiveConverter.class,
            defaultValue = "1e-8", description = "Stop when |grad V| <= T (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-iterations", paramLabel = "K", converter = OptionTypes.CountConverter.class,
            defaultValue = "10000", description = "Iteration budget (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Mixin
    TrajectoryOption trajectory;

    @Mixin
    PlotOption plot;

    @Mixin
    FormatOption format;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws IOException {
        DescentAlgorithm algorithm = DescentAlgorithm.byLabel(method).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--method: unknown method '" + method + "'; expected one of "
                + String.join(", ", DescentAlgorithm.labels())));
        if (step != null && !algorithm.takesStep()) {
            throw new ParameterException(spec.commandLine(), "--step: method '" + method
                    + "' takes no step (it chooses its own by line search); drop --step");
        }
        if (momentum != null && !algorithm.takesMomentum()) {
            throw new ParameterException(spec.commandLine(), "--momentum: method '" + method
                    + "' takes no momentum (only heavy-ball and nesterov do); drop --momentum");
        }
        trajectory.check();
        plot.check();
        ScalarField field = potential.field();
        double[] x0 = potential.point(from.get(), field, "--from");
        Optional<QuadraticAnalysis> quadratic = QuadraticAnalysis.of(field);
        DescentMethod descent = DescentDefaults.create(algorithm, field, x0, optional(step), optional(momentum));
        List<String> chosen = chosenByAnalysis(descent);
        DescentResult result = descent.minimize(field, x0, new StoppingCriteria(tolerance, maxIterations));

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String source = source(quadratic);
        if (!chosen.isEmpty() && !quiet.isSet()) {
            err.println("note: " + method + " uses " + describe(descent.parameters(), chosen) + ", chosen by "
                    + source + "; give " + (chosen.size() == 1 ? "--" + chosen.get(0) : "--step / --momentum")
                    + " to override");
        }
        if (format.json()) {
            Json.print(json(field, descent, result, chosen, source, quadratic), out);
        } else {
            table(field, descent, result, chosen, source, quadratic, out);
        }
        out.flush();
        if (trajectory.wanted()) {
            writeTrajectory(field.variables(), result.trajectory(), trajectory.file());
        }
        if (plot.wanted()) {
            Figures.write(plot(field, result), plot.file());
        }
        if (!result.converged()) {
            err.println("error: " + method + " did not converge: " + result.stopReason().label() + " after "
                    + iterations(result.iterations()) + ", |grad V| = " + Numbers.table(result.finalGradientNorm())
                    + hint(result, descent, quadratic));
            err.flush();
            return ExitStatus.INCOMPLETE;
        }
        return ExitStatus.OK;
    }

    private static String iterations(int k) {
        return k + (k == 1 ? " iteration" : " iterations");
    }

    private static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    // step and momentum the method uses but the user did not give: the analysis chose them
    private List<String> chosenByAnalysis(DescentMethod descent) {
        List<String> chosen = new ArrayList<>();
        Map<String, Double> p = descent.parameters();
        if (p.containsKey("step") && step == null) {
            chosen.add("step");
        }
        if (p.containsKey("momentum") && momentum == null) {
            chosen.add("momentum");
        }
        return chosen;
    }

    private String source(Optional<QuadraticAnalysis> quadratic) {
        if (DescentAlgorithm.byLabel(method).orElseThrow() == DescentAlgorithm.ARMIJO) {
            return "default (initial trial step 1 for every line search)";
        }
        return quadratic.filter(QuadraticAnalysis::positiveDefinite).isPresent()
                ? "the quadratic analysis" : "the Hessian at the start";
    }

    private static String describe(Map<String, Double> parameters, List<String> names) {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            parts.add(n + " " + Numbers.table(parameters.get(n)));
        }
        return String.join(", ", parts);
    }

    private static String hint(DescentResult result, DescentMethod descent, Optional<QuadraticAnalysis> quadratic) {
        if (result.stopReason() == StopReason.MAX_ITERATIONS) {
            return "; raise --max-iterations or loosen --tol";
        }
        Double s = descent.parameters().get("step");
        if (result.stopReason() == StopReason.DIVERGED && s != null && descent.algorithm() == DescentAlgorithm.GRADIENT_DESCENT
                && quadratic.isPresent() && quadratic.get().maxStableStep().isPresent()
                && s >= quadratic.get().maxStableStep().getAsDouble()) {
            return "; the step " + Numbers.table(s) + " is not below the stable limit 2/L = "
                    + Numbers.table(quadratic.get().maxStableStep().getAsDouble());
        }
        return "";
    }

    private ObjectNode json(ScalarField field, DescentMethod descent, DescentResult result, List<String> chosen,
                            String source, Optional<QuadraticAnalysis> quadratic) {
        ObjectNode root = Json.object();
        Json.put(root, "variables", field.variables());
        root.put("method", result.method());
        root.put("iterations", result.iterations());
        Json.put(root, "point", result.finalPoint());
        Json.put(root, "value", result.finalValue());
        Json.put(root, "gradientNorm", result.finalGradientNorm());
        root.put("stop", result.stopReason().label());
        ObjectNode parameters = root.putObject("parameters");
        result.parameters().forEach((k, v) -> Json.put(parameters, k, v));
        Json.put(parameters, "chosenByAnalysis", chosen);
        if (!chosen.isEmpty()) {
            parameters.put("chosenBy", source);
        }
        quadratic.ifPresent(q -> {
            ObjectNode node = root.putObject("quadratic");
            Json.put(node, "eigenvalues", q.eigenvalues());
            q.conditionNumber().ifPresent(v -> Json.put(node, "conditionNumber", v));
            q.maxStableStep().ifPresent(v -> Json.put(node, "maxStableStep", v));
            q.optimalStep().ifPresent(v -> Json.put(node, "optimalStep", v));
            q.minimizer().ifPresent(x -> Json.put(node, "minimizer", x));
            q.predictedRate(descent).ifPresent(v -> Json.put(node, "predictedRate", v));
            q.measuredRate(result.trajectory()).ifPresent(v -> Json.put(node, "measuredRate", v));
        });
        return root;
    }

    private void table(ScalarField field, DescentMethod descent, DescentResult result, List<String> chosen,
                       String source, Optional<QuadraticAnalysis> quadratic, PrintWriter out) {
        List<String> names = field.variables();
        out.println("potential       V(" + String.join(", ", names) + ") = " + potential.potential.strip());
        out.println("method          " + result.method());
        Map<String, Double> p = result.parameters();
        if (p.isEmpty()) {
            out.println("parameters      none");
        }
        boolean first = true;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            String note = chosen.contains(e.getKey()) ? "   (chosen by " + source + ")"
                    : (e.getKey().equals("step") || e.getKey().equals("momentum")) ? "   (given)" : "";
            out.println((first ? "parameters      " : "                ") + e.getKey() + " = "
                    + Numbers.table(e.getValue()) + note);
            first = false;
        }
        out.println("stop            " + result.stopReason().label() + " after " + iterations(result.iterations()));
        double[] x = result.finalPoint();
        List<String> coords = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            coords.add(names.get(i) + " = " + Numbers.table(x[i]));
        }
        out.println("point           " + String.join(", ", coords));
        out.println("value           " + Numbers.table(result.finalValue()));
        out.println("|grad V|        " + Numbers.table(result.finalGradientNorm()));
        quadratic.ifPresent(q -> {
            out.println();
            out.println("quadratic analysis (constant Hessian)");
            TextTable t = new TextTable("quantity", "value");
            t.row("eigenvalues", Numbers.table(q.eigenvalues()));
            q.conditionNumber().ifPresent(v -> t.row("condition number", Numbers.table(v)));
            q.maxStableStep().ifPresent(v -> t.row("max stable step 2/L", Numbers.table(v)));
            q.optimalStep().ifPresent(v -> t.row("optimal step 2/(mu+L)", Numbers.table(v)));
            q.minimizer().ifPresent(v -> t.row("minimizer", Numbers.table(v)));
            q.predictedRate(descent).ifPresent(v -> t.row("predicted rate", Numbers.table(v)));
            q.measuredRate(result.trajectory()).ifPresent(v -> t.row("measured rate", Numbers.table(v)));
            if (!q.positiveDefinite()) {
                t.row("note", "not positive definite: no minimiser");
            }
            t.print(out, "  ");
        });
    }

    static void writeTrajectory(List<String> names, Trajectory t, Path file) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("iteration");
        header.addAll(names);
        header.add("value");
        header.add("gradient_norm");
        List<String[]> rows = new ArrayList<>(t.size());
        for (int k = 0; k < t.size(); k++) {
            String[] row = new String[names.size() + 3];
            row[0] = Integer.toString(k);
            for (int i = 0; i < names.size(); i++) {
                row[1 + i] = Numbers.csv(t.coordinate(k, i));
            }
            row[names.size() + 1] = Numbers.csv(t.value(k));
            row[names.size() + 2] = Numbers.csv(t.gradientNorm(k));
            rows.add(row);
        }
        AtomicFiles.writeText(file, w -> Csv.write(w, header, rows));
    }

    private JFreeChart plot(ScalarField field, DescentResult result) {
        Trajectory t = result.trajectory();
        List<String> names = field.variables();
        String title = result.method() + " on V = " + abbreviate(potential.potential.strip()) + " ("
                + result.stopReason().label() + ", " + iterations(result.iterations()) + ")";
        int k = t.size();
        if (names.size() == 2) {
            double[] px = new double[k];
            double[] py = new double[k];
            for (int i = 0; i < k; i++) {
                px[i] = t.coordinate(i, 0);
                py[i] = t.coordinate(i, 1);
            }
            double[] xr = Figures.paddedRange(px);
            double[] yr = Figures.paddedRange(py);
            Figures.Grid grid = Figures.Grid.sample((a, b) -> field.value(new double[] {a, b}),
                    xr[0], xr[1], yr[0], yr[1], 160, 160);
            List<Figures.Series> overlays = List.of(
                    new Figures.Series("trajectory", px, py, Figures.Style.LINE_AND_POINTS),
                    new Figures.Series("start", new double[] {px[0]}, new double[] {py[0]}, Figures.Style.POINTS),
                    new Figures.Series("end", new double[] {px[k - 1]}, new double[] {py[k - 1]},
                            Figures.Style.POINTS));
            return Figures.colourMap(title, names.get(0), names.get(1), "V", grid, true, overlays);
        }
        double[] it = new double[k];
        for (int i = 0; i < k; i++) {
            it[i] = i;
        }
        return Figures.panels(title, "iteration", List.of(
                new Figures.Panel("V", false, List.of(new Figures.Series("V", it, t.values(), Figures.Style.LINE))),
                new Figures.Panel("|grad V|", true,
                        List.of(new Figures.Series("|grad V|", it, t.gradientNorms(), Figures.Style.LINE)))));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
