package org.fallline.physics.flow;

import java.util.Optional;
import java.util.OptionalDouble;

import org.fallline.physics.PhysicsException;

/**
 * How a flow is integrated and when it stops. Build with {@link #defaults()} and the {@code withX} copies.
 *
 * @param integrator        the Hipparchus method (default dp853)
 * @param endTime           integrate over [0, T] (default 10)
 * @param tolerance         absolute and relative tolerance of adaptive methods, and the tolerance the
 *                          Lyapunov monitor allows for integration error (default 1e-10)
 * @param step              the step of a fixed-step method (default: see {@link FlowSolver})
 * @param gradientTolerance stop as converged when |∇V| (and, with friction, |v|) falls below it
 * @param untilValue        stop when V reaches this value
 * @param samples           number of dense-output points on [0, T], ends included (default 101)
 * @param friction          b of the heavy-ball flow x″ + bx′ + ∇V = 0; empty for the gradient flow
 * @param escapeRadius      the run escapes when |x − c| exceeds it (default 1e6·max(1, |x₀|))
 * @param escapeCentre      c, the centre of the escape ball (default x₀)
 * @param lyapunovMonitor   check that V (or E) never increases along the computed flow (default on)
 */
public record FlowOptions(Integrator integrator, double endTime, double tolerance, OptionalDouble step,
                          OptionalDouble gradientTolerance, OptionalDouble untilValue, int samples,
                          OptionalDouble friction, OptionalDouble escapeRadius, Optional<double[]> escapeCentre,
                          boolean lyapunovMonitor) {

    /**
     * @throws PhysicsException (bad input) for a non-positive or non-finite end time, tolerance, step,
     *                          gradient tolerance or escape radius, a non-finite target value, fewer than 2
     *                          samples or a negative friction
     */
    public FlowOptions {
        if (integrator == null) {
            throw bad("an integrator is needed");
        }
        positive("t-end", endTime);
        positive("tol", tolerance);
        if (!(tolerance < 1)) {
            throw bad("tol must be below 1, got " + tolerance);
        }
        step.ifPresent(h -> positive("step", h));
        gradientTolerance.ifPresent(g -> positive("gtol", g));
        escapeRadius.ifPresent(r -> positive("escape radius", r));
        untilValue.ifPresent(v -> {
            if (!Double.isFinite(v)) {
                throw bad("until-value must be finite, got " + v);
            }
        });
        friction.ifPresent(b -> {
            if (!(b >= 0) || !Double.isFinite(b)) {
                throw bad("friction must be finite and >= 0, got " + b);
            }
        });
        escapeCentre = escapeCentre.map(double[]::clone);
        if (samples < 2) {
            throw bad("samples must be at least 2 (the start and the end), got " + samples);
        }
    }

    /** dp853, T = 10, tolerance 1e-10, 101 samples, gradient flow, no stopping value, monitor on. */
    public static FlowOptions defaults() {
        return new FlowOptions(Integrator.DP853, 10, 1e-10, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 101, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), true);
    }

    public FlowOptions withIntegrator(Integrator value) {
        return new FlowOptions(value, endTime, tolerance, step, gradientTolerance, untilValue, samples, friction,
                escapeRadius, escapeCentre, lyapunovMonitor);
    }

    public FlowOptions withEndTime(double value) {
        return new FlowOptions(integrator, value, tolerance, step, gradientTolerance, untilValue, samples, friction,
                escapeRadius, escapeCentre, lyapunovMonitor);
    }

    public FlowOptions withTolerance(double value) {
        return new FlowOptions(integrator, endTime, value, step, gradientTolerance, untilValue, samples, friction,
                escapeRadius, escapeCentre, lyapunovMonitor);
    }

    public FlowOptions withStep(double value) {
        return new FlowOptions(integrator, endTime, tolerance, OptionalDouble.of(value), gradientTolerance,
                untilValue, samples, friction, escapeRadius, escapeCentre, lyapunovMonitor);
    }

    public FlowOptions withGradientTolerance(double value) {
        return new FlowOptions(integrator, endTime, tolerance, step, OptionalDouble.of(value), untilValue, samples,
                friction, escapeRadius, escapeCentre, lyapunovMonitor);
    }

    public FlowOptions withUntilValue(double value) {
        return new FlowOptions(integrator, endTime, tolerance, step, gradientTolerance, OptionalDouble.of(value),
                samples, friction, escapeRadius, escapeCentre, lyapunovMonitor);
    }

    public FlowOptions withSamples(int value) {
        return new FlowOptions(integrator, endTime, tolerance, step, gradientTolerance, untilValue, value, friction,
                escapeRadius, escapeCentre, lyapunovMonitor);
    }

    /** The heavy-ball flow with friction b. */
    public FlowOptions withFriction(double value) {
        return new FlowOptions(integrator, endTime, tolerance, step, gradientTolerance, untilValue, samples,
                OptionalDouble.of(value), escapeRadius, escapeCentre, lyapunovMonitor);
    }

    /** The gradient flow (no friction). */
    public FlowOptions withoutFriction() {
        return new FlowOptions(integrator, endTime, tolerance, step, gradientTolerance, untilValue, samples,
                OptionalDouble.empty(), escapeRadius, escapeCentre, lyapunovMonitor);
    }

    public FlowOptions withEscapeRadius(double value) {
        return new FlowOptions(integrator, endTime, tolerance, step, gradientTolerance, untilValue, samples, friction,
                OptionalDouble.of(value), escapeCentre, lyapunovMonitor);
    }

    /** Escape when |x − centre| &gt; radius (a copy of the centre is kept). */
    public FlowOptions withEscapeBall(double[] centre, double radius) {
        return new FlowOptions(integrator, endTime, tolerance, step, gradientTolerance, untilValue, samples, friction,
                OptionalDouble.of(radius), Optional.of(centre.clone()), lyapunovMonitor);
    }

    public FlowOptions withLyapunovMonitor(boolean value) {
        return new FlowOptions(integrator, endTime, tolerance, step, gradientTolerance, untilValue, samples, friction,
                escapeRadius, escapeCentre, value);
    }

    /** True for the heavy-ball flow. */
    public boolean heavyBall() {
        return friction.isPresent();
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw bad(name + " must be finite and > 0, got " + v);
        }
    }

    private static PhysicsException bad(String message) {
        return new PhysicsException(PhysicsException.Kind.BAD_INPUT, message);
    }
}
