package org.fallline.physics.heat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fallline.physics.PhysicsException;

/**
 * Solves a {@link HeatProblem} by the method of lines, in two calls: {@link #plan} checks everything
 * and decides the method (no work, nothing allocated in proportion to the grid), {@link #solve} runs
 * it. Methods: {@code spectral} (exact in time, {@link SpectralPropagator}), the implicit
 * {@code crank-nicolson}, {@code bdf2} and {@code tr-bdf2} ({@link ImplicitStepper}), the 1-D
 * {@code radau5} (Radau IIA of order 5, {@link RadauStepper}) and
 * {@code explicit:NAME} (a Hipparchus integrator, {@link ExplicitScheme}); {@code auto} takes the
 * exact path where it applies (it is the fastest: one transform per output time) and TR-BDF2
 * otherwise (no step limit, L-stable).
 */
public final class HeatSolver {

    /** Beyond this many predicted steps an adaptive explicit run gets a warning. */
    static final long HUGE_STEPS = 1_000_000;

    private HeatSolver() {
    }

    /** The method names accepted besides explicit:NAME. */
    public static final List<String> METHODS = List.of("auto", "crank-nicolson", "bdf2", "tr-bdf2", "radau5",
            "spectral");

    /**
     * Checks the problem and options and decides the method.
     *
     * @throws PhysicsException (bad input) for an unknown method, a fixed explicit step above the
     *                          stability limit, a grid too large for the memory, or an exact path
     *                          that does not apply
     */
    public static HeatPlan plan(HeatProblem problem, HeatOptions options) {
        String method = options.method().toLowerCase(Locale.ROOT).strip();
        ExplicitScheme scheme = null;
        if (method.startsWith("explicit:")) {
            scheme = ExplicitScheme.byLabel(method.substring("explicit:".length()));
        } else if (!METHODS.contains(method)) {
            throw PhysicsException.badInput("--method " + options.method() + ": unknown method; expected auto, "
                    + "crank-nicolson, bdf2, tr-bdf2, radau5, spectral or explicit:NAME with NAME one of "
                    + String.join(", ", ExplicitScheme.labels()));
        }
        for (int a = 0; a < problem.dimension(); a++) {
            if (problem.boundaries().get(2 * a).kind() == BoundaryCondition.Kind.PERIODIC && problem.n() < 3) {
                throw PhysicsException.badInput("--n must be at least 3 on a periodic axis, got " + problem.n());
            }
        }
        long bytes = memory(problem, options);
        Stiffness stiffness = Stiffness.of(problem, scheme == null ? ExplicitScheme.EULER : scheme);
        List<String> warnings = new ArrayList<>();
        String spectralProblem = SpectralPropagator.notApplicable(problem);
        String reason;
        switch (method) {
            case "auto" -> {
                if (spectralProblem == null && Double.isNaN(options.dt())) {
                    method = "spectral";
                    reason = "auto: exact in time (constant coefficients, zero data on Dirichlet/Neumann/periodic "
                            + "sides, no source), one transform per output time; an explicit method would need "
                            + stiffness.explicitSteps() + " steps";
                } else {
                    method = "tr-bdf2";
                    reason = "auto: implicit TR-BDF2 (L-stable, no step limit; an explicit method would need "
                            + stiffness.explicitSteps() + " steps), because "
                            + (spectralProblem == null ? "--dt asks for time steps" : "the exact path does not apply: "
                            + spectralProblem);
                }
            }
            case "spectral" -> {
                if (spectralProblem != null) {
                    throw PhysicsException.badInput("--method spectral does not apply: " + spectralProblem
                            + "; use --method tr-bdf2, crank-nicolson or bdf2");
                }
                if (!Double.isNaN(options.dt())) {
                    throw PhysicsException.badInput("--dt does not apply to --method spectral (it is exact in time)");
                }
                reason = "forced: exact in time by sine/cosine/Fourier transforms";
            }
            case "crank-nicolson", "bdf2", "tr-bdf2" -> reason = "forced: implicit " + method
                    + (Double.isNaN(options.dt()) ? ", adaptive steps" : ", fixed step " + options.dt());
            case "radau5" -> {
                if (problem.dimension() != 1) {
                    throw PhysicsException.badInput("--method radau5 is for 1-D problems (its stages are a real and a "
                            + "complex tridiagonal solve); in " + problem.dimension()
                            + "-D use --method tr-bdf2, crank-nicolson or bdf2");
                }
                reason = "forced: implicit Radau IIA of order 5"
                        + (Double.isNaN(options.dt()) ? ", adaptive steps" : ", fixed step " + options.dt());
            }
            default -> reason = explicitPlan(problem, options, scheme, stiffness, warnings);
        }
        return new HeatPlan(problem, options, method, reason, stiffness, warnings, bytes);
    }

    private static String explicitPlan(HeatProblem problem, HeatOptions options, ExplicitScheme scheme,
            Stiffness stiffness, List<String> warnings) {
        double limit = stiffness.explicitStepLimit();
        String limitText = "dt <= r/lambdaMax = " + scheme.stabilityRadius() + "/" + (float) stiffness.lambdaMax()
                + " = " + (float) limit;
        if (!scheme.fixedStep()) {
            if (!Double.isNaN(options.dt())) {
                throw PhysicsException.badInput("--dt does not apply to the adaptive explicit:" + scheme.label()
                        + " (use --tol, or a fixed-step integrator such as explicit:rk4)");
            }
            if (stiffness.explicitSteps() > HUGE_STEPS) {
                warnings.add("explicit:" + scheme.label() + " will need about " + stiffness.explicitSteps()
                        + " steps to reach t = " + problem.tEnd() + " (stability limit " + limitText
                        + "); an implicit method (--method tr-bdf2) needs a few hundred");
            }
            return "forced: explicit:" + scheme.label() + " (adaptive; stability limit " + limitText + ")";
        }
        if (!Double.isNaN(options.dt()) && options.checkStability() && options.dt() > limit * (1 + 1e-12)) {
            throw PhysicsException.badInput("--dt " + options.dt() + " is above the stability limit of explicit:"
                    + scheme.label() + ": " + limitText + " (r = " + scheme.stabilityRadius()
                    + ", its real-axis stability radius); use --method crank-nicolson, bdf2 or tr-bdf2 (implicit, "
                    + "no step limit) or a smaller --dt");
        }
        if (stiffness.explicitSteps() > HUGE_STEPS) {
            warnings.add("explicit:" + scheme.label() + " will need about " + stiffness.explicitSteps()
                    + " steps (stability limit " + limitText + "); an implicit method (--method tr-bdf2) needs far fewer");
        }
        return "forced: explicit:" + scheme.label() + " (fixed step; stability limit " + limitText + ")";
    }

    // the arrays a run holds: the samples plus about a dozen work vectors
    private static long memory(HeatProblem problem, HeatOptions options) {
        long points = problem.grid().count();
        long bytes = points * 8L * (options.samples() + 14L);
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (points > Integer.MAX_VALUE / 2 || bytes > available) {
            throw PhysicsException.badInput("--n " + problem.n() + " in " + problem.dimension() + "-D gives "
                    + points + " unknowns, which need about " + mib(bytes) + " MiB with --samples "
                    + options.samples() + "; only " + mib(available) + " MiB are available (raise -Xmx or lower --n)");
        }
        return bytes;
    }

    private static long mib(long bytes) {
        return (bytes + (1L << 20) - 1) >> 20;
    }

    /** Runs the plan, reporting to {@code observer}. */
    public static HeatSolution solve(HeatPlan plan, HeatObserver observer) {
        HeatProblem problem = plan.problem();
        HeatOptions options = plan.options();
        HeatOperator op = new HeatOperator(problem);
        double[] u0 = initialState(problem, op.grid);
        int k = options.samples();
        double[] times = new double[k];
        for (int i = 0; i < k; i++) {
            times[i] = i == k - 1 ? problem.tEnd() : problem.tEnd() * i / (k - 1);
        }
        boolean implicit = !plan.method().equals("spectral") && !plan.method().startsWith("explicit:");
        Recorder rec = new Recorder(op, times, observer, implicit ? 1e-6 : 1e-9);
        long start = System.nanoTime();
        int steps;
        int rejected = 0;
        long work;
        if (plan.method().equals("spectral")) {
            SpectralPropagator sp = SpectralPropagator.of(op, u0);
            double[] u = new double[op.points];
            work = 1;
            for (int i = 0; i < k; i++) {
                if (times[i] == 0) {
                    System.arraycopy(u0, 0, u, 0, u.length); // e^{0·K} u₀: no transform needed
                } else {
                    sp.solution(times[i], u);
                    work++;
                }
                rec.step(times[i], u);
                rec.sample(i, u);
            }
            steps = 0;
        } else if (plan.method().equals("radau5")) {
            RadauStepper stepper = new RadauStepper(op, options.tol(), options.dt());
            stepper.run(u0, rec);
            steps = stepper.steps();
            rejected = stepper.rejected();
            work = stepper.solves();
        } else if (implicit) {
            ImplicitStepper.Scheme scheme = switch (plan.method()) {
                case "crank-nicolson" -> ImplicitStepper.Scheme.CRANK_NICOLSON;
                case "bdf2" -> ImplicitStepper.Scheme.BDF2;
                default -> ImplicitStepper.Scheme.TR_BDF2;
            };
            ImplicitStepper stepper = new ImplicitStepper(op, scheme, options.tol(), options.dt());
            stepper.run(u0, rec);
            steps = stepper.steps();
            rejected = stepper.rejected();
            work = stepper.solves();
        } else {
            ExplicitScheme scheme = ExplicitScheme.byLabel(plan.method().substring("explicit:".length()));
            double dt = Double.isNaN(options.dt()) && scheme.fixedStep() ? defaultExplicitStep(op, scheme, u0, plan)
                    : options.dt();
            double tol = Double.isNaN(options.tol()) ? 1e-8 : options.tol();
            ExplicitRunner runner = new ExplicitRunner(op, scheme, dt, tol);
            runner.run(u0, rec);
            steps = runner.steps();
            work = runner.evaluations();
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        double[][] states = rec.samples();
        double[] energy = new double[k];
        double[] heat = new double[k];
        double[] max = new double[k];
        double[] scratch = new double[op.points];
        for (int i = 0; i < k; i++) {
            energy[i] = op.energy(times[i], states[i], scratch);
            heat[i] = op.totalHeat(states[i]);
            max[i] = HeatOperator.maxAbs(states[i]);
        }
        double maxError = Double.NaN;
        if (options.exact() != null) {
            maxError = 0;
            double[] x = new double[op.grid.dimension()];
            double[] last = states[k - 1];
            for (int i = 0; i < op.points; i++) {
                op.grid.coordinates(i, x);
                maxError = Math.max(maxError, Math.abs(last[i] - options.exact().value(x, problem.tEnd())));
            }
        }
        return new HeatSolution(op.grid, plan.method(), plan.reason(), times, states, energy, heat, max, steps, rejected,
                work, plan.stiffness(), wall, heat[k - 1] - heat[0], maxError);
    }

    /**
     * The fixed explicit step used without --dt: 90% of the stability limit, or less where the
     * method's own error would exceed half the spatial truncation error (forward Euler on fine grids):
     * with μ = ‖Ku₀ − F‖/‖u₀‖ the local error rate is about (μΔt)^p μ‖u‖/(p+1)!.
     */
    private static double defaultExplicitStep(HeatOperator op, ExplicitScheme scheme, double[] u0, HeatPlan plan) {
        double dt = 0.9 * plan.stiffness().explicitStepLimit();
        double[] f = new double[op.points];
        op.derivative(0, u0, f, new double[op.points]);
        double size = HeatOperator.maxAbs(u0);
        double mu = HeatOperator.maxAbs(f) / Math.max(size, 1e-300);
        double tau = new TruncationEstimate(op).estimate(0, u0);
        if (mu > 0 && tau > 0) {
            double factorial = 1;
            for (int i = 2; i <= scheme.order() + 1; i++) {
                factorial *= i;
            }
            double accurate = Math.pow(0.5 * tau * factorial / (mu * size), 1.0 / scheme.order()) / mu;
            dt = Math.min(dt, accurate);
        }
        long steps = (long) Math.ceil(plan.problem().tEnd() / dt);
        return plan.problem().tEnd() / steps;
    }

    // u₀ on the unknowns, checked finite
    private static double[] initialState(HeatProblem problem, HeatGrid grid) {
        double[] given = problem.initialValues();
        if (given != null) {
            return given;
        }
        double[] u = new double[grid.points()];
        double[] x = new double[grid.dimension()];
        for (int i = 0; i < u.length; i++) {
            grid.coordinates(i, x);
            u[i] = problem.initial().value(x, 0);
            if (!Double.isFinite(u[i])) {
                throw PhysicsException.badInput("--initial: the initial condition is " + u[i] + " at "
                        + java.util.Arrays.toString(x) + "; expected a finite value at every grid point");
            }
        }
        return u;
    }
}
