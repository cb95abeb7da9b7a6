package org.fallline.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.fallline.core.ProgressListener;
import org.fallline.physics.heat.HeatObserver;
import org.fallline.physics.heat.HeatOptions;
import org.fallline.physics.heat.HeatPlan;
import org.fallline.physics.heat.HeatProblem;
import org.fallline.physics.heat.HeatSolution;
import org.fallline.physics.heat.HeatSolver;
import org.fallline.physics.io.InitialCsv;
import org.fallline.samples.internal.BadInputException;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.FormatOption;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.OptionTypes;
import org.fallline.samples.internal.QuietOption;
import org.fallline.samples.internal.StagedDirectory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fallline heat}: the heat equation with decay u_t = DΔu − λu + f on [0, L]^d by the method of
 * lines, with the stiffness of the grid, the invariants at each output time and, with {@code --out},
 * tidy CSV, figures and VTK files.
 */
@Command(name = "heat", sortOptions = false,
        description = {"Solve the heat equation u_t = D*Lap(u) - lambda*u + f(x,t) on [0,L]^dim by finite "
                + "differences (method of lines), with Dirichlet, Neumann, Robin or periodic sides.",
                "Reports the stiffness of the grid (lambdaMin, lambdaMax of -D*Lap_h + lambda, the explicit step "
                        + "limit), the discrete energy, total heat and max|u| at each output time.",
                "Exit status 3 when the run blows up or an invariant that must hold is violated.",
                "Example: fallline heat --n 200 --initial 'sin(pi*x) + 0.5*sin(3*pi*x)' --exact "
                        + "'exp(-pi^2*t)*sin(pi*x) + 0.5*exp(-9*pi^2*t)*sin(3*pi*x)'"})
final class HeatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dim", paramLabel = "1|2|3", defaultValue = "1", description = "Space dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--n", paramLabel = "N", defaultValue = "100",
            description = "Interior points per side, h = L/(N+1); periodic axes have N points, h = L/N (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--length", paramLabel = "L", defaultValue = "1", converter = OptionTypes.PositiveConverter.class,
            description = "Side of the domain [0,L]^dim (default: ${DEFAULT-VALUE}).")
    double length;

    @Option(names = "--t-end", paramLabel = "T", defaultValue = "0.1", description = "Final time (default: ${DEFAULT-VALUE}).")
    double tEnd;

    @Option(names = "--diffusivity", paramLabel = "D", defaultValue = "1", description = "D > 0 (default: ${DEFAULT-VALUE}).")
    double diffusivity;

    @Option(names = "--decay", paramLabel = "LAMBDA", defaultValue = "0",
            description = "Weight decay lambda >= 0 (default: ${DEFAULT-VALUE}).")
    double decay;

    @Option(names = "--source", paramLabel = "EXPR", description = "Source f(x,y,z,t) (default: none).")
    String source;

    @Option(names = "--initial", paramLabel = "EXPR|FILE.csv",
            description = "Initial condition: an expression in x,y,z, or a CSV with columns x[,y,z],u in grid order "
                    + "(default: sin(pi*x/L)*sin(pi*y/L)*...).")
    String initial;

    @Option(names = "--bc", paramLabel = "SPEC",
            description = "Boundary conditions: KIND[:EXPR] for every side, or left=KIND[:EXPR],right=... "
                    + "(x: left/right, y: bottom/top, z: front/back). KIND is dirichlet (u = EXPR), neumann "
                    + "(du/dn = EXPR, n outward), robin:A,B (A*u + B*du/dn = EXPR) or periodic; EXPR in x,y,z,t, "
                    + "default 0 (default: dirichlet).")
    List<String> bc = new ArrayList<>();

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto, crank-nicolson, bdf2, tr-bdf2, radau5 (1-D), spectral or explicit:NAME (euler, "
                    + "midpoint, rk4, "
                    + "gill, three-eighths, luther, dp54, dp853, higham-hall54, gbs, adams-bashforth, adams-moulton) "
                    + "(default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--dt", paramLabel = "DT", converter = OptionTypes.PositiveConverter.class,
            description = "Fixed time step (implicit and fixed-step explicit methods).")
    Double dt;

    @Option(names = "--tol", paramLabel = "TOL", converter = OptionTypes.PositiveConverter.class,
            description = "Local error tolerance; without it the time error is kept below the spatial truncation error.")
    Double tol;

    @Option(names = "--exact", paramLabel = "EXPR", description = "Exact solution u(x,y,z,t): report maxError at T.")
    String exact;

    @Option(names = "--samples", paramLabel = "K", defaultValue = "5",
            description = "Output times, equally spaced from 0 to T (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write solution.csv, energy.csv, figures (PNG) and, in 2-D and 3-D, VTK files with a .pvd collection.")
    Path out;

    @Mixin
    FormatOption format;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws IOException {
        HeatProblem problem = problem();
        HeatOptions options = HeatOptions.DEFAULT.withMethod(method).withSamples(samples)
                .withDt(dt == null ? Double.NaN : dt).withTol(tol == null ? Double.NaN : tol);
        if (exact != null) {
            options = options.withExact(HeatSpecs.function(exact, dimension, "--exact"));
        }
        HeatPlan plan = HeatSolver.plan(problem, options);
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet.isSet()) {
            plan.warnings().forEach(w -> err.println("warning: " + w));
            err.flush();
        }
        if (out != null) {
            try (StagedDirectory dir = StagedDirectory.open(out, "--out")) {
                HeatSolution s = run(plan);
                List<String> files = HeatOutputs.write(s, dir);
                dir.commit();
                print(plan, s, files);
            }
        } else {
            print(plan, run(plan), List.of());
        }
        return ExitStatus.OK;
    }

    private HeatSolution run(HeatPlan plan) {
        ProgressListener progress = quiet.progress(spec.commandLine().getErr(), "heat");
        double tEndPlanned = plan.problem().tEnd();
        HeatObserver observer = (t, u) -> progress.progress(Math.round(1000 * t / tEndPlanned), 1000);
        return HeatSolver.solve(plan, observer);
    }

    private HeatProblem problem() throws IOException {
        if (dimension < 1 || dimension > 3) {
            throw new BadInputException("--dim must be 1, 2 or 3, got " + dimension);
        }
        HeatProblem.Builder b = HeatProblem.builder().dimension(dimension).n(n).length(length).tEnd(tEnd)
                .diffusivity(diffusivity).decay(decay);
        if (source != null) {
            b.source(HeatSpecs.function(source, dimension, "--source"));
        }
        HeatSpecs.boundaries(bc, dimension, b);
        String init = initial == null ? HeatSpecs.defaultInitial(dimension, length) : initial;
        if (init.strip().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            Path file = Path.of(init.strip());
            // the grid (and so the expected size) is known once the sides are
            double[] values;
            try (Reader r = Files.newBufferedReader(file)) {
                values = InitialCsv.read(r, file.toString(), b.grid());
            }
            b.initialValues(values);
        } else {
            b.initial(HeatSpecs.function(init, dimension, "--initial"));
        }
        return b.build();
    }

    private void print(HeatPlan plan, HeatSolution s, List<String> files) {
        PrintWriter o = spec.commandLine().getOut();
        if (format.json()) {
            Json.print(HeatRendering.json(plan, s, files), o);
        } else {
            HeatRendering.table(plan, s, files, o);
        }
        o.flush();
    }
}
