package org.fallline.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.fallline.physics.flow.FlowOptions;
import org.fallline.physics.flow.FlowResult;
import org.fallline.physics.flow.FlowSample;
import org.fallline.physics.flow.FlowSolver;
import org.fallline.physics.flow.FlowStop;
import org.fallline.physics.flow.FlowVersusDescent;
import org.fallline.physics.flow.Integrator;
import org.fallline.physics.flow.QuadraticFlow;
import org.fallline.physics.flow.SaddleEscape;
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
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code fallline flow}: the gradient flow dx/dt = −∇V, or with {@code --friction B} the heavy-ball flow
 * x″ + Bx′ + ∇V = 0 from rest, integrated by a Hipparchus integrator, stopping at t-end, on convergence,
 * at a value of V, or when the solution escapes (finite-time blow-up).
 */
@Command(name = "flow", sortOptions = false,
        description = {"Integrate the gradient flow dx/dt = -grad V (or, with --friction B, the heavy-ball flow "
                + "x'' + B x' + grad V = 0 from rest) with a Hipparchus integrator.",
                "Exit status 3 (result still printed) when the solution escapes (finite-time blow-up) or V "
                        + "(the energy E with --friction) increases along the computed flow.",
                "Example: fallline flow --potential 'exp(x)*cos(y) - x - 1' --from 0.5,0.5 --t-end 1"})
final class FlowCommand implements Callable<Integer> {

    /** Rows of the dense output shown in the table. */
    private static final int TABLE_ROWS = 11;

    /** The most descent steps --versus-descent takes (its rows are kept in memory and printed). */
    private static final int MAX_DESCENT_STEPS = 1_000_000;

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOptions potential;

    @Mixin
    StartOption from;

    @Option(names = "--t-end", paramLabel = "T", converter = OptionTypes.PositiveConverter.class,
            defaultValue = "10", description = "Integrate over [0, T] (default: ${DEFAULT-VALUE}).")
    double endTime;

    @Option(names = "--friction", paramLabel = "B", converter = NonNegativeConverter.class,
            description = "Friction b >= 0 of the heavy-ball flow x'' + b x' + grad V = 0, started at rest "
                    + "(default: the gradient flow).")
    Double friction;

    @Option(names = "--integrator", paramLabel = "NAME", defaultValue = "dp853",
            description = "euler, midpoint, rk4, gill, three-eighths, luther (fixed step); dp54, dp853, "
                    + "higham-hall54, gbs, adams-bashforth, adams-moulton (adaptive). Default: ${DEFAULT-VALUE}.")
    String integrator;

    @Option(names = "--tol", paramLabel = "T", converter = OptionTypes.PositiveConverter.class,
            defaultValue = "1e-10", description = "Absolute and relative tolerance of adaptive integrators "
                    + "(default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--step", paramLabel = "H", converter = OptionTypes.PositiveConverter.class,
            description = "Step of a fixed-step integrator (default: min(T/1000, r/(2 rho)), r the method's "
                    + "real-axis stability radius, rho the spectral radius of the Hessian at the start).")
    Double step;

    @Option(names = "--gtol", paramLabel = "G", converter = OptionTypes.PositiveConverter.class,
            description = "Stop as converged when |grad V| (and |v| with --friction) falls below G.")
    Double gradientTolerance;

    @Option(names = "--until-value", paramLabel = "V", converter = FiniteConverter.class,
            description = "Stop when V reaches this value.")
    Double untilValue;

    @Option(names = "--samples", paramLabel = "K", converter = OptionTypes.CountConverter.class,
            defaultValue = "101", description = "Dense-output points on [0, T], ends included, >= 2 "
                    + "(default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--escape-radius", paramLabel = "R", converter = OptionTypes.PositiveConverter.class,
            description = "Report an escape when |x - x0| exceeds R (default: 1e6 max(1, |x0|)).")
    Double escapeRadius;

    @Option(names = "--versus-descent", paramLabel = "ETA", converter = OptionTypes.PositiveConverter.class,
            description = "Quadratic V only: gradient descent with step ETA beside the exact flow "
                    + "x* + exp(-At)(x0 - x*) at t = k ETA <= T, with the error and the stability limit 2/lambda_max "
                    + "(exit 3 above it: descent diverges, the flow does not).")
    Double versusDescent;

    @Option(names = "--saddle-escape", paramLabel = "R", converter = OptionTypes.PositiveConverter.class,
            description = "From --from near a saddle (the nearest within R): the times the gradient flow and the "
                    + "heavy ball (--friction B) take to leave the ball of radius R around it, beside the "
                    + "linearised times ln(R/eps)/mu and its heavy-ball counterpart.")
    Double saddleEscape;

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
        Integrator method = integrator();
        if (step != null && !method.fixedStep()) {
            throw new ParameterException(spec.commandLine(), "--step: " + method.label()
                    + " is adaptive and chooses its own steps; drop --step (set --tol) or pick a fixed-step "
                    + "integrator (euler, midpoint, rk4, gill, three-eighths, luther)");
        }
        if (samples < 2) {
            throw new ParameterException(spec.commandLine(), "--samples: expected at least 2 (the start and the "
                    + "end), got " + samples);
        }
        if (versusDescent != null || saddleEscape != null) {
            return compare(method);
        }
        trajectory.check();
        plot.check();
        ScalarField field = potential.field();
        double[] x0 = potential.point(from.get(), field, "--from");
        FlowOptions options = FlowOptions.defaults().withIntegrator(method).withEndTime(endTime)
                .withTolerance(tolerance).withSamples(samples);
        if (step != null) {
            options = options.withStep(step);
        }
        if (gradientTolerance != null) {
            options = options.withGradientTolerance(gradientTolerance);
        }
        if (untilValue != null) {
            options = options.withUntilValue(untilValue);
        }
        if (friction != null) {
            options = options.withFriction(friction);
        }
        if (escapeRadius != null) {
            options = options.withEscapeRadius(escapeRadius);
        }
        PrintWriter err = spec.commandLine().getErr();
        FlowResult result = new FlowSolver(options).solve(field, x0, quiet.progress(err, "flow"));

        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Json.print(json(result), out);
        } else {
            table(result, out);
        }
        out.flush();
        if (trajectory.wanted()) {
            writeTrajectory(result, trajectory.file());
        }
        if (plot.wanted()) {
            Figures.write(plot(field, result), plot.file());
        }
        if (result.stop().failure()) {
            err.println("error: " + (result.stop().label().equals("escaped") ? "the flow escaped: "
                    : "Lyapunov violation: ") + result.reason());
            err.flush();
            return ExitStatus.INCOMPLETE;
        }
        return ExitStatus.OK;
    }

    /** --versus-descent or --saddle-escape: two runs side by side instead of one flow. */
    private int compare(Integrator method) {
        String mode = versusDescent != null ? "--versus-descent" : "--saddle-escape";
        refuse(mode, "--versus-descent", "--saddle-escape", "--gtol", "--until-value", "--escape-radius",
                "--trajectory", "--plot");
        if (versusDescent != null) {
            refuse(mode, "--friction", "--integrator", "--tol", "--step", "--samples");
        } else if (friction == null) {
            throw new ParameterException(spec.commandLine(), "--saddle-escape: give --friction B, the friction of "
                    + "the heavy-ball flow the gradient flow is compared with");
        }
        ScalarField field = potential.field();
        double[] x0 = potential.point(from.get(), field, "--from");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return versusDescent != null ? versusDescent(field, x0, out, err) : saddleEscape(field, x0, method, out, err);
    }

    private int versusDescent(ScalarField field, double[] x0, PrintWriter out, PrintWriter err) {
        if (!field.hasConstantHessian()) {
            // without a constant Hessian there is no closed-form flow, and a computed one would add the
            // integrator's error to the error of descent that the comparison is meant to show
            throw new ParameterException(spec.commandLine(), "--versus-descent: needs a quadratic V (constant "
                    + "Hessian), for which the flow x* + exp(-At)(x0 - x*) is exact; V = " + potential.potential.strip()
                    + " is not one (compare 'fallline descend --method gd --step ETA' with 'fallline flow' instead)");
        }
        double ratio = endTime / versusDescent;
        if (ratio < 1) {
            throw new ParameterException(spec.commandLine(), "--versus-descent: the step " + Numbers.table(versusDescent)
                    + " is longer than --t-end " + Numbers.table(endTime) + "; expected ETA <= T");
        }
        if (ratio > MAX_DESCENT_STEPS) {
            throw new ParameterException(spec.commandLine(), "--versus-descent: T/ETA = " + Numbers.table(ratio)
                    + " steps, at most " + MAX_DESCENT_STEPS + "; take a larger ETA or a smaller --t-end");
        }
        int steps = (int) Math.floor(ratio * (1 + 1e-12));
        FlowVersusDescent c = FlowVersusDescent.compare(field, x0, versusDescent, steps);
        double[] eigenvalues = QuadraticFlow.of(field).eigenvalues();
        if (format.json()) {
            Json.print(FlowComparisonRendering.json(field.variables(), eigenvalues, c), out);
        } else {
            FlowComparisonRendering.table(potential.potential.strip(), field.variables(), eigenvalues, c, out);
        }
        out.flush();
        if (!c.stable()) {
            err.println("error: " + FlowComparisonRendering.stability(c, eigenvalues));
            err.flush();
            return ExitStatus.INCOMPLETE;
        }
        return ExitStatus.OK;
    }

    private int saddleEscape(ScalarField field, double[] x0, Integrator method, PrintWriter out, PrintWriter err) {
        FlowOptions options = FlowOptions.defaults().withIntegrator(method).withEndTime(endTime)
                .withTolerance(tolerance).withSamples(samples);
        if (step != null) {
            options = options.withStep(step);
        }
        SaddleEscape e;
        try {
            e = SaddleEscape.near(field, x0, saddleEscape, friction, options);
        } catch (PhysicsException ex) {
            if (ex.kind() == PhysicsException.Kind.NUMERICAL) {
                throw ex;
            }
            throw new ParameterException(spec.commandLine(), "--saddle-escape: " + ex.getMessage());
        }
        if (format.json()) {
            Json.print(FlowComparisonRendering.json(field.variables(), e), out);
        } else {
            FlowComparisonRendering.table(potential.potential.strip(), field.variables(), e, tolerance, out);
        }
        out.flush();
        for (FlowResult r : List.of(e.gradientFlow(), e.heavyBall())) {
            if (r.stop() != FlowStop.ESCAPED) {
                String which = r.heavyBall() ? "heavy ball" : "gradient flow";
                double linearised = r.heavyBall() ? e.linearisedHeavyBallTime() : e.linearisedGradientFlowTime();
                String advice = Double.isInfinite(linearised)
                        ? " (the start lies on the saddle's stable manifold, with no offset along its unstable "
                                + "direction); start off it"
                        : " (the linearised " + which + " leaves at t = " + Numbers.table(linearised)
                                + "); give a larger --t-end";
                err.println("error: the " + which + " did not leave the ball of radius " + Numbers.table(saddleEscape)
                        + (r.stop() == FlowStop.END_TIME ? " by t = " + Numbers.table(r.time()) + advice
                        : ": " + r.stop().label() + " at t = " + Numbers.table(r.time()) + ": " + r.reason()));
                err.flush();
                return ExitStatus.INCOMPLETE;
            }
        }
        return ExitStatus.OK;
    }

    // an option that the comparison does not use is refused rather than silently ignored
    private void refuse(String mode, String... options) {
        for (String option : options) {
            if (!option.equals(mode) && spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), option + ": not used with " + mode + "; drop it");
            }
        }
    }

    private Integrator integrator() {
        try {
            return Integrator.byName(integrator);
        } catch (PhysicsException e) {
            throw new ParameterException(spec.commandLine(), "--integrator: " + e.getMessage());
        }
    }

    static ObjectNode json(FlowResult r) {
        ObjectNode root = Json.object();
        Json.put(root, "variables", r.variables());
        root.put("stop", r.stop().label());
        Json.put(root, "t", r.time());
        Json.put(root, "point", r.point());
        Json.put(root, "value", r.value());
        Json.put(root, "gradientNorm", r.gradientNorm());
        root.put("evaluations", r.evaluations());
        if (r.heavyBall()) {
            ObjectNode energy = root.putObject("energy");
            Json.put(energy, "initial", r.initialEnergy());
            Json.put(energy, "final", r.finalEnergy());
            Json.put(root, "friction", r.friction().getAsDouble());
            Json.put(root, "velocity", r.velocity());
        }
        root.put("integrator", r.integrator().label());
        r.step().ifPresent(h -> Json.put(root, "step", h));
        root.put("reason", r.reason());
        r.violation().ifPresent(v -> {
            ObjectNode node = root.putObject("lyapunov");
            Json.put(node, "time", v.time());
            Json.put(node, "before", v.before());
            Json.put(node, "after", v.after());
            Json.put(node, "allowed", v.allowed());
        });
        return root;
    }

    private void table(FlowResult r, PrintWriter out) {
        List<String> names = r.variables();
        out.println("potential       V(" + String.join(", ", names) + ") = " + potential.potential.strip());
        out.println("flow            " + (r.heavyBall()
                ? "heavy ball x'' + " + Numbers.table(r.friction().getAsDouble()) + " x' + grad V = 0, from rest"
                : "gradient flow dx/dt = -grad V"));
        out.println("integrator      " + r.integrator().label() + (r.step().isPresent()
                ? " (fixed step " + Numbers.table(r.step().getAsDouble()) + ")"
                : " (adaptive, tol " + Numbers.table(tolerance) + ")"));
        out.println("stop            " + r.stop().label() + " at t = " + Numbers.table(r.time()) + ": " + r.reason());
        out.println("point           " + coordinates(names, r.point()));
        out.println("value           " + Numbers.table(r.value()));
        out.println("|grad V|        " + Numbers.table(r.gradientNorm()));
        if (r.heavyBall()) {
            out.println("energy E        " + Numbers.table(r.initialEnergy()) + " -> " + Numbers.table(r.finalEnergy())
                    + "   (E = |v|^2/2 + V, falls at the rate b|v|^2)");
        }
        out.println("evaluations     " + r.evaluations());
        out.println();
        List<String> header = new ArrayList<>(List.of("t"));
        header.addAll(names);
        header.add("V");
        header.add("|grad V|");
        if (r.heavyBall()) {
            header.add("E");
        }
        TextTable t = new TextTable(header.toArray(String[]::new));
        List<FlowSample> s = r.samples();
        int every = Math.max(1, (s.size() - 1 + TABLE_ROWS - 2) / (TABLE_ROWS - 1));
        for (int k = 0; k < s.size(); k += every) {
            t.row(row(s.get(k), r.heavyBall()));
        }
        if ((s.size() - 1) % every != 0) {
            t.row(row(s.get(s.size() - 1), r.heavyBall()));
        }
        t.print(out, "  ");
    }

    private static String[] row(FlowSample s, boolean heavy) {
        List<String> cells = new ArrayList<>();
        cells.add(Numbers.table(s.time()));
        for (double x : s.point()) {
            cells.add(Numbers.table(x));
        }
        cells.add(Numbers.table(s.value()));
        cells.add(Numbers.table(s.gradientNorm()));
        if (heavy) {
            cells.add(Numbers.table(s.energy()));
        }
        return cells.toArray(String[]::new);
    }

    static String coordinates(List<String> names, double[] x) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            parts.add(names.get(i) + " = " + Numbers.table(x[i]));
        }
        return String.join(", ", parts);
    }

    static void writeTrajectory(FlowResult r, Path file) throws IOException {
        List<String> header = new ArrayList<>(List.of("t"));
        header.addAll(r.variables());
        header.add("value");
        header.add("gradient_norm");
        if (r.heavyBall()) {
            header.add("energy");
        }
        List<String[]> rows = new ArrayList<>(r.samples().size());
        for (FlowSample s : r.samples()) {
            List<String> cells = new ArrayList<>();
            cells.add(Numbers.csv(s.time()));
            for (double x : s.point()) {
                cells.add(Numbers.csv(x));
            }
            cells.add(Numbers.csv(s.value()));
            cells.add(Numbers.csv(s.gradientNorm()));
            if (r.heavyBall()) {
                cells.add(Numbers.csv(s.energy()));
            }
            rows.add(cells.toArray(String[]::new));
        }
        AtomicFiles.writeText(file, w -> Csv.write(w, header, rows));
    }

    private JFreeChart plot(ScalarField field, FlowResult r) {
        List<FlowSample> s = r.samples();
        int k = s.size();
        String title = (r.heavyBall() ? "heavy-ball flow" : "gradient flow") + " on V = "
                + abbreviate(potential.potential.strip()) + " (" + r.stop().label() + " at t = "
                + Numbers.table(r.time()) + ")";
        List<String> names = r.variables();
        double[] t = new double[k];
        for (int i = 0; i < k; i++) {
            t[i] = s.get(i).time();
        }
        if (names.size() == 2) {
            double[] px = new double[k];
            double[] py = new double[k];
            for (int i = 0; i < k; i++) {
                px[i] = s.get(i).point()[0];
                py[i] = s.get(i).point()[1];
            }
            double[] xr = Figures.paddedRange(px);
            double[] yr = Figures.paddedRange(py);
            Figures.Grid grid = Figures.Grid.sample((a, b) -> field.value(new double[] {a, b}),
                    xr[0], xr[1], yr[0], yr[1], 160, 160);
            return Figures.colourMap(title, names.get(0), names.get(1), "V", grid, true, List.of(
                    new Figures.Series("x(t)", px, py, Figures.Style.LINE),
                    new Figures.Series("start", new double[] {px[0]}, new double[] {py[0]}, Figures.Style.POINTS),
                    new Figures.Series("end", new double[] {px[k - 1]}, new double[] {py[k - 1]},
                            Figures.Style.POINTS)));
        }
        double[] v = new double[k];
        double[] e = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = s.get(i).value();
            e[i] = s.get(i).energy();
        }
        List<Figures.Series> series = new ArrayList<>(List.of(new Figures.Series("V", t, v, Figures.Style.LINE)));
        if (r.heavyBall()) {
            series.add(new Figures.Series("E", t, e, Figures.Style.LINE));
        }
        return Figures.lines(title, "t", r.heavyBall() ? "V, E" : "V", false, series);
    }

    private static String abbreviate(String s) {
        return s.length() <= 50 ? s : s.substring(0, 47) + "...";
    }

    /** A finite number. */
    static final class FiniteConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Numbers.parseFinite(value, "value");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected a finite number, got '" + value.strip() + "'");
            }
        }
    }

    /** A finite number ≥ 0. */
    static final class NonNegativeConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v;
            try {
                v = Numbers.parseFinite(value, "value");
            } catch (IllegalArgumentException e) {
                v = Double.NaN;
            }
            if (!(v >= 0)) {
                throw new TypeConversionException("expected a finite number >= 0, got '" + value.strip() + "'");
            }
            return v;
        }
    }
}
