package org.fallline.physics.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.fallline.core.ProgressListener;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.FirstOrderConverter;
import org.hipparchus.ode.LocalizedODEFormats;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.sampling.StepNormalizer;
import org.hipparchus.ode.sampling.StepNormalizerBounds;
import org.hipparchus.ode.sampling.StepNormalizerMode;

/**
 * Integrates the gradient flow dx/dt = −∇V ({@link GradientFlow}) or, with a friction b, the heavy-ball
 * flow x″ + bx′ + ∇V = 0 from rest ({@link HeavyBallFlow}) with a Hipparchus integrator, and reports
 * where and why it stopped ({@link FlowStop}).
 *
 * <p>Stops are Hipparchus event detectors, located to 10⁻¹²·max(1, T) in time: converged (|∇V| — and,
 * for the heavy ball, |v| — below the gradient tolerance); value reached (V = target, crossed from
 * above); escaped (|x − x₀| = R, by default R = 10⁶·max(1, |x₀|), or |∇V| = 10⁸·max(1, |∇V(x₀)|)). A
 * finite-time blow-up, where the solution reaches infinity at a time t*, is thus reported as an escape
 * at a time just before t* (at speed S, t* − t ≈ 1/S for V = eˣcos y − x − 1), or, should the adaptive
 * step collapse first or a fixed step overshoot into overflow (∇V infinite at a trial stage), at the last step
 * the integrator accepted — never as an integrator exception. A NaN gradient (V undefined there) is numerical
 * trouble, reported as a {@link PhysicsException}. The
 * {@link LyapunovMonitor} checks every step and stops a run on which V (or E) rises.
 *
 * <p>Dense output: the state at t = kT/(K − 1), k = 0 … K − 1 ({@link StepNormalizer}), up to the stop,
 * which is always the last sample. Memory is O(K·n) whatever the number of steps.
 */
public final class FlowSolver {

    /** The speed bound, relative to max(1, |∇V(x₀)|). */
    static final double SPEED_FACTOR = 1e8;
    /** The default escape radius, relative to max(1, |x₀|). */
    static final double RADIUS_FACTOR = 1e6;
    private static final long PROGRESS_UNITS = 1000;

    private final FlowOptions options;

    public FlowSolver(FlowOptions options) {
        this.options = options;
    }

    public FlowOptions options() {
        return options;
    }

    /** {@link #solve(ScalarField, double[], ProgressListener)} without progress reports. */
    public FlowResult solve(ScalarField field, double[] x0) {
        return solve(field, x0, ProgressListener.NONE);
    }

    /**
     * The flow of V from x₀ (from rest for the heavy ball).
     *
     * @param progress told the fraction of [0, T] covered, in thousandths
     * @throws PhysicsException bad input: x₀ of the wrong length or not finite, V not finite at x₀, a fixed
     *                          step above the stability limit of a quadratic; numerical: V undefined on
     *                          the way, or an integrator failure other than a collapsing step
     */
    public FlowResult solve(ScalarField field, double[] x0, ProgressListener progress) {
        int n = field.dimension();
        if (x0.length != n) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "the start has " + x0.length
                    + " coordinates; the field has " + n + " variables " + field.variables());
        }
        double[] g0 = new double[n];
        double v0 = field.gradient(x0, g0);
        if (!Double.isFinite(v0) || !finite(g0) || !finite(x0)) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "V or grad V is not finite at the start "
                    + field.variables() + " = " + Arrays.toString(x0));
        }
        boolean heavy = options.heavyBall();
        double[] y0 = Arrays.copyOf(x0, heavy ? 2 * n : n);
        State start = new State(field, heavy, 0, y0);
        Integrator method = options.integrator();
        OptionalDouble step = method.fixedStep()
                ? OptionalDouble.of(FixedStep.choose(method, field, x0, options)) : OptionalDouble.empty();
        if (options.gradientTolerance().isPresent()
                && Math.max(start.gradientNorm, start.speed()) < options.gradientTolerance().getAsDouble()) {
            return result(field, step, FlowStop.CONVERGED, "|grad V| is below gtol at the start", start, start,
                    0, List.of(start.sample()), Optional.empty());
        }
        if (options.untilValue().isPresent() && v0 <= options.untilValue().getAsDouble()) {
            return result(field, step, FlowStop.VALUE_REACHED, "V is at or below the target at the start", start,
                    start, 0, List.of(start.sample()), Optional.empty());
        }

        double end = options.endTime();
        ODEIntegrator integrator = method.create(step.orElse(0), options.tolerance(), end);
        double threshold = 1e-12 * Math.max(1, end);
        double maxCheck = end / 100;
        double radius = options.escapeRadius().orElse(RADIUS_FACTOR * Math.max(1, LyapunovMonitor.norm(x0)));
        double[] centre = options.escapeCentre().orElse(x0);
        if (centre.length != n) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "the escape centre has " + centre.length
                    + " coordinates; the field has " + n);
        }
        double speedLimit = SPEED_FACTOR * Math.max(1, start.gradientNorm);
        StopDetector escape = new StopDetector(s -> {
            State st = new State(field, heavy, s);
            return Math.min(1 - distance(st.x, centre) / radius, 1 - st.gradientNorm / speedLimit);
        }, maxCheck, threshold);
        integrator.addEventDetector(escape);
        StopDetector converged = null;
        if (options.gradientTolerance().isPresent()) {
            double gtol = options.gradientTolerance().getAsDouble();
            converged = new StopDetector(s -> {
                State st = new State(field, heavy, s);
                return Math.max(st.gradientNorm, st.speed()) - gtol;
            }, maxCheck, threshold);
            integrator.addEventDetector(converged);
        }
        StopDetector reached = null;
        if (options.untilValue().isPresent()) {
            double target = options.untilValue().getAsDouble();
            reached = new StopDetector(s -> field.value(Arrays.copyOf(s.getCompleteState(), n)) - target,
                    maxCheck, threshold);
            integrator.addEventDetector(reached);
        }
        OrdinaryDifferentialEquation ode = heavy
                ? new FirstOrderConverter(new HeavyBallFlow(field, options.friction().getAsDouble()))
                : new GradientFlow(field);
        LyapunovMonitor monitor = new LyapunovMonitor(s -> new State(field, heavy, s).energy(), ode,
                options.tolerance());
        if (options.lyapunovMonitor()) {
            integrator.addStepEndHandler(monitor);
        }
        List<FlowSample> samples = new ArrayList<>();
        double spacing = end / (options.samples() - 1);
        integrator.addStepHandler(new StepNormalizer(spacing, (s, last) -> {
            // the normaliser may hand the same grid time twice (k·h rounded two ways at a step end): keep one
            if (!samples.isEmpty() && s.getTime() - samples.get(samples.size() - 1).time() < 1e-6 * spacing) {
                samples.remove(samples.size() - 1);
            }
            samples.add(new State(field, heavy, s).sample());
        }, StepNormalizerMode.MULTIPLES, StepNormalizerBounds.BOTH));
        ODEStateAndDerivative[] lastAccepted = {null};
        integrator.addStepHandler(interpolator -> {
            lastAccepted[0] = interpolator.getCurrentState();
            progress.progress(Math.min(PROGRESS_UNITS,
                    (long) (PROGRESS_UNITS * interpolator.getCurrentState().getTime() / end)), PROGRESS_UNITS);
        });

        State last;
        FlowStop stop;
        String reason;
        try {
            last = new State(field, heavy, integrator.integrate(ode, new ODEState(0, y0), end));
            if (monitor.violation().isPresent()) {
                LyapunovViolation v = monitor.violation().get();
                stop = FlowStop.LYAPUNOV_VIOLATION;
                reason = (heavy ? "the energy E" : "V") + " increased from " + v.before() + " to " + v.after()
                        + " on the step ending at t = " + v.time() + " (allowed rise " + v.allowed()
                        + "): the integration is unstable; take a smaller step or an adaptive integrator";
            } else if (escape.fired()) {
                stop = FlowStop.ESCAPED;
                reason = distance(last.x, centre) >= radius * (1 - 1e-9)
                        ? "left the ball |x - " + (options.escapeCentre().isPresent() ? "c" : "x0") + "| <= " + radius + " at t = " + last.time
                        : "the speed |grad V| reached " + speedLimit + " at t = " + last.time
                        + ": the solution blows up in finite time";
            } else if (converged != null && converged.fired()) {
                stop = FlowStop.CONVERGED;
                reason = "|grad V| fell below " + options.gradientTolerance().getAsDouble() + " at t = " + last.time;
            } else if (reached != null && reached.fired()) {
                stop = FlowStop.VALUE_REACHED;
                reason = "V reached " + options.untilValue().getAsDouble() + " at t = " + last.time;
            } else {
                stop = FlowStop.END_TIME;
                reason = "reached t-end = " + end;
            }
        } catch (GradientFlow.NonFiniteGradient e) {
            // a trial stage beyond the last accepted step overflowed: the computed solution runs off to infinity
            if (!e.overflow() || lastAccepted[0] == null) {
                throw e;
            }
            last = new State(field, heavy, lastAccepted[0]);
            stop = FlowStop.ESCAPED;
            reason = "grad V overflows at a trial point of the step after t = " + last.time
                    + ": the solution blows up in finite time";
        } catch (MathRuntimeException e) {
            if (e.getSpecifier() != LocalizedODEFormats.MINIMAL_STEPSIZE_REACHED_DURING_INTEGRATION) {
                double t = lastAccepted[0] == null ? 0 : lastAccepted[0].getTime();
                throw new PhysicsException(PhysicsException.Kind.NUMERICAL, "the " + method.label()
                        + " integration failed after t = " + t + ": " + e.getMessage(), e);
            }
            last = lastAccepted[0] == null ? start : new State(field, heavy, lastAccepted[0]);
            stop = FlowStop.ESCAPED;
            reason = "the adaptive step fell below its minimum after t = " + last.time
                    + ": the solution blows up in finite time";
        }
        if (samples.isEmpty() || samples.get(samples.size() - 1).time() < last.time) {
            samples.add(last.sample());
        }
        return result(field, step, stop, reason, start, last, integrator.getEvaluations(), samples,
                monitor.violation());
    }

    private FlowResult result(ScalarField field, OptionalDouble step, FlowStop stop, String reason, State start,
                              State last, int evaluations, List<FlowSample> samples,
                              Optional<LyapunovViolation> violation) {
        return new FlowResult(field.variables(), options.integrator(), step, options.friction(), stop, reason,
                last.time, last.x, last.velocity, last.value, last.gradientNorm, start.energy(), last.energy(),
                evaluations, samples, violation);
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** The state of a run at one time, with V and ∇V evaluated there. */
    private static final class State {
        final double time;
        final double[] x;
        final double[] velocity;
        final double value;
        final double gradientNorm;
        final boolean heavy;

        State(ScalarField field, boolean heavy, ODEStateAndDerivative s) {
            this(field, heavy, s.getTime(), s.getCompleteState());
        }

        State(ScalarField field, boolean heavy, double time, double[] y) {
            int n = field.dimension();
            this.time = time;
            this.heavy = heavy;
            this.x = Arrays.copyOf(y, n);
            double[] g = new double[n];
            this.value = field.gradient(x, g);
            this.gradientNorm = LyapunovMonitor.norm(g);
            if (heavy) {
                this.velocity = Arrays.copyOfRange(y, n, 2 * n);
            } else {
                for (int i = 0; i < n; i++) {
                    g[i] = -g[i];
                }
                this.velocity = g;
            }
        }

        double speed() {
            return heavy ? LyapunovMonitor.norm(velocity) : 0;
        }

        double energy() {
            double v = heavy ? LyapunovMonitor.norm(velocity) : 0;
            return 0.5 * v * v + value;
        }

        FlowSample sample() {
            return new FlowSample(time, x, velocity, value, gradientNorm, energy());
        }
    }
}
