package org.fallline.physics.heat;

import org.fallline.physics.PhysicsException;

/**
 * How to solve a {@link HeatProblem}: the method ({@code auto}, {@code crank-nicolson}, {@code bdf2},
 * {@code tr-bdf2}, {@code radau5} (1-D), {@code spectral} or {@code explicit:NAME} with NAME an {@link ExplicitScheme}),
 * an optional fixed step Δt and local error tolerance (NaN for none: then every method keeps its
 * time error below the spatial truncation error), the number of equally spaced output times
 * (including t = 0 and T), an optional exact solution to measure the error against, and whether a
 * fixed explicit step above the stability limit is refused (it is, unless a demonstration of the
 * instability is wanted). Immutable; change with the {@code withX} copies.
 */
public record HeatOptions(String method, double dt, double tol, int samples, SpaceTimeFunction exact,
        boolean checkStability) {

    /** auto, no fixed step, no tolerance, 5 output times, no exact solution, stability checked. */
    public static final HeatOptions DEFAULT = new HeatOptions("auto", Double.NaN, Double.NaN, 5, null, true);

    public HeatOptions {
        if (method == null || method.isBlank()) {
            throw PhysicsException.badInput("--method: missing method");
        }
        if (!Double.isNaN(dt) && !(dt > 0 && Double.isFinite(dt))) {
            throw PhysicsException.badInput("--dt must be a finite number > 0, got " + dt);
        }
        if (!Double.isNaN(tol) && !(tol > 0 && tol < 1)) {
            throw PhysicsException.badInput("--tol must be a number in (0, 1), got " + tol);
        }
        if (samples < 2) {
            throw PhysicsException.badInput("--samples must be at least 2 (t = 0 and T), got " + samples);
        }
    }

    public HeatOptions withMethod(String m) {
        return new HeatOptions(m, dt, tol, samples, exact, checkStability);
    }

    public HeatOptions withDt(double step) {
        return new HeatOptions(method, step, tol, samples, exact, checkStability);
    }

    public HeatOptions withTol(double t) {
        return new HeatOptions(method, dt, t, samples, exact, checkStability);
    }

    public HeatOptions withSamples(int k) {
        return new HeatOptions(method, dt, tol, k, exact, checkStability);
    }

    public HeatOptions withExact(SpaceTimeFunction u) {
        return new HeatOptions(method, dt, tol, samples, u, checkStability);
    }

    /** With {@code false} a fixed explicit step above the stability limit runs (and blows up). */
    public HeatOptions withStabilityCheck(boolean check) {
        return new HeatOptions(method, dt, tol, samples, exact, check);
    }
}
