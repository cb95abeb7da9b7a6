package org.fallline.physics.heat;

import org.fallline.physics.PhysicsException;

/**
 * Adaptive implicit time stepping of u' = −K u + F(t) by one of three second-order methods, each a
 * sequence of stage solves (I + cK) x = b ({@link AdiSolver}):
 * <ul>
 * <li>Crank–Nicolson (the trapezoidal rule, A-stable; LTE −(1/12)Δt³u''');</li>
 * <li>BDF2 with variable steps (ω = Δt_n/Δt_{n−1}: u_{n+1} − (1+ω)²/(1+2ω) u_n + ω²/(1+2ω) u_{n−1}
 *     = (1+ω)/(1+2ω) Δt u'_{n+1}; L-stable; LTE −(2/9)Δt³u'''), started by one TR-BDF2 step;</li>
 * <li>TR-BDF2 (a trapezoidal stage to t_n + γΔt, γ = 2 − √2, then BDF2 on the three points; both
 *     stages with the matrix I + (γ/2)ΔtK; L-stable; LTE −(3γ² − 4γ + 2)/(12(2 − γ))·Δt³u''',
 *     Bank et al., IEEE Trans. CAD 4, 1985; Hosea and Shampine, Appl. Numer. Math. 20, 1996).</li>
 * </ul>
 * The local error is estimated by comparing the step with the quadratic extrapolation of the last
 * three accepted states (a Milne device: the predictor's error is Δt(Δt+Δt₁)(Δt+Δt₁+Δt₂)u'''/6, so
 * LTE ≈ C Δt³/(P + CΔt³)·|u − u_pred|); the first two steps are estimated by step doubling. The
 * step is accepted when the estimate is within the step's tolerance and resized by
 * 0.9·(tol/err)^{1/3} within [0.2, 2]. Without a user tolerance the tolerance of a step is half of
 * Δt times the spatial truncation error {@link TruncationEstimate}, so that the time error stays
 * below the error of the grid.
 */
final class ImplicitStepper {

    /** The implicit methods. */
    enum Scheme {
        CRANK_NICOLSON("crank-nicolson", 1.0 / 12),
        BDF2("bdf2", 2.0 / 9),
        TR_BDF2("tr-bdf2", (3 * G * G - 4 * G + 2) / (12 * (2 - G)));

        final String label;
        final double errorConstant;

        Scheme(String label, double errorConstant) {
            this.label = label;
            this.errorConstant = errorConstant;
        }
    }

    private static final double G = 2 - Math.sqrt(2);
    private static final int MAX_STEPS = 10_000_000;

    private final HeatOperator op;
    private final Scheme scheme;
    private final double tol;
    private final AdiSolver solver;
    private final TruncationEstimate truncation;
    private final int n;
    private final double[] f0;
    private final double[] f1;
    private final double[] rhs;
    private final double[] stage;
    private final double[] work;
    private int steps;
    private int rejected;

    private final double fixedDt;
    private final boolean forced; // F ≠ 0; otherwise the forcing arrays stay 0

    /**
     * @param tol     the local error tolerance (scaled by 1 + |u|), or NaN for the spatial-error rule
     * @param fixedDt a fixed step (no error control; the last step before an output time is shortened),
     *                or NaN for adaptive steps
     */
    ImplicitStepper(HeatOperator op, Scheme scheme, double tol, double fixedDt) {
        this.op = op;
        this.scheme = scheme;
        this.tol = tol;
        this.fixedDt = fixedDt;
        this.forced = op.forced();
        this.solver = new AdiSolver(op);
        this.truncation = new TruncationEstimate(op);
        this.n = op.points;
        f0 = new double[n];
        f1 = new double[n];
        rhs = new double[n];
        stage = new double[n];
        work = new double[n];
    }

    int steps() {
        return steps;
    }

    int rejected() {
        return rejected;
    }

    int solves() {
        return solver.sweeps();
    }

    /** Integrates from u0 at t = 0 through the recorder's output times. */
    void run(double[] u0, Recorder rec) {
        double[] times = rec.times();
        double tEnd = times[times.length - 1];
        double[] u = u0.clone();
        double[] prev = null;   // u_{n−1}
        double[] prev2 = null;  // u_{n−2}
        double dtPrev = 0;
        double dtPrev2 = 0;
        double t = 0;
        int next = 0;
        while (next < times.length && times[next] <= 0) {
            rec.sample(next++, u);
        }
        rec.step(0, u);
        boolean fixed = !Double.isNaN(fixedDt);
        double dt = fixed ? fixedDt : initialStep(u, tEnd);
        double[] trial = new double[n];
        double[] half = new double[n];
        while (next < times.length) {
            if (steps + rejected > MAX_STEPS) {
                throw PhysicsException.numerical(scheme.label + " took more than " + MAX_STEPS + " steps by t = "
                        + (float) t + " (step " + dt + "): the error tolerance cannot be met");
            }
            double target = times[next];
            boolean lands = target - t <= (fixed ? 1 + 1e-9 : 1.1) * dt;
            double h = lands ? target - t : dt;
            double allowed = fixed ? 0 : stepTolerance(t, u, h);
            double ratio;
            if (fixed) {
                step(t, u, h, prev, dtPrev, trial, Double.isNaN(tol) ? 1e-14 : tol);
                ratio = 0;
            } else if (prev2 == null) {
                // step doubling: one step of h against two of h/2
                step(t, u, h, prev, dtPrev, trial, allowed);
                step(t, u, h / 2, prev, dtPrev, half, allowed);
                double[] mid = half.clone();
                step(t + h / 2, mid, h / 2, u, h / 2, half, allowed);
                ratio = 0;
                for (int i = 0; i < n; i++) {
                    double e = Math.abs(half[i] - trial[i]) / 3;
                    ratio = Math.max(ratio, e / scale(allowed, half[i]));
                }
                System.arraycopy(half, 0, trial, 0, n);
            } else {
                step(t, u, h, prev, dtPrev, trial, allowed);
                double p = h * (h + dtPrev) * (h + dtPrev + dtPrev2) / 6;
                double c = scheme.errorConstant * h * h * h;
                double w = c / (p + c);
                ratio = 0;
                double t0 = t - dtPrev - dtPrev2;
                double t1 = t - dtPrev;
                double tn = t + h;
                // quadratic through (t0, prev2), (t1, prev), (t, u), evaluated at t + h
                double l0 = (tn - t1) * (tn - t) / ((t0 - t1) * (t0 - t));
                double l1 = (tn - t0) * (tn - t) / ((t1 - t0) * (t1 - t));
                double l2 = (tn - t0) * (tn - t1) / ((t - t0) * (t - t1));
                for (int i = 0; i < n; i++) {
                    double pred = l0 * prev2[i] + l1 * prev[i] + l2 * u[i];
                    double e = w * Math.abs(trial[i] - pred);
                    ratio = Math.max(ratio, e / scale(allowed, trial[i]));
                }
            }
            if (!Double.isFinite(ratio)) {
                throw PhysicsException.numerical(scheme.label + ": the solution is not finite at t = " + (float) (t + h));
            }
            double grow = ratio == 0 ? 2 : Math.min(2, Math.max(0.2, 0.9 * Math.cbrt(1 / ratio)));
            if (ratio <= 1 && grow > 1 && grow < 1.2) {
                grow = 1; // keep the step, and the factorisation of its stage matrix
            }
            if (ratio > 1) {
                rejected++;
                dt = h * grow;
                if (dt < 1e-14 * Math.max(1, tEnd)) {
                    throw PhysicsException.numerical(scheme.label + ": the time step fell below " + dt + " at t = "
                            + (float) t + "; the error tolerance cannot be met" + (Double.isNaN(tol)
                            ? " (the default tolerance follows the grid's truncation error, which assumes initial data"
                            + " that meet the boundary conditions; give --tol, e.g. 1e-6, or --dt)" : ""));
                }
                continue;
            }
            steps++;
            double[] recycled = prev2 == null ? new double[n] : prev2;
            prev2 = prev;
            prev = u;
            u = trial;
            trial = recycled;
            dtPrev2 = dtPrev;
            dtPrev = h;
            t = lands ? target : t + h;
            rec.step(t, u);
            if (lands) {
                rec.sample(next++, u);
                while (next < times.length && times[next] <= t) {
                    rec.sample(next++, u);
                }
            }
            dt = fixed || lands && h < dt ? dt : h * grow;
        }
    }

    private double scale(double allowed, double u) {
        return Double.isNaN(tol) ? allowed : tol * (1 + Math.abs(u));
    }

    // the absolute local error allowed in a step of length h without --tol
    private double stepTolerance(double t, double[] u, double h) {
        if (!Double.isNaN(tol)) {
            return tol;
        }
        return defaultLocalTolerance(op, truncation, t, u, h);
    }

    /**
     * The default accuracy rule of every time stepper: the absolute local error allowed in a step of
     * length h from u at time t, h·max(τ/2, 10⁻¹²(1 + max|u|)/T) with τ the spatial truncation error.
     */
    static double defaultLocalTolerance(HeatOperator op, TruncationEstimate truncation, double t, double[] u,
            double h) {
        double tau = truncation.estimate(t, u);
        double floor = 1e-12 * (1 + HeatOperator.maxAbs(u)) / op.problem.tEnd();
        return h * Math.max(0.5 * tau, floor);
    }

    private double initialStep(double[] u, double tEnd) {
        op.derivative(0, u, f0, work);
        double rate = HeatOperator.maxAbs(f0) / Math.max(1e-300, HeatOperator.maxAbs(u));
        double dt = 0.01 / Math.max(rate, 1 / tEnd);
        return Math.min(dt, tEnd / 10);
    }

    /** One step of length h from (t, u) into out; prev is u_{n−1} (null at the start), dtPrev its step. */
    private void step(double t, double[] u, double h, double[] prev, double dtPrev, double[] out, double allowed) {
        double solveTol = 0.25 * allowed;
        switch (scheme) {
            case CRANK_NICOLSON -> trapezoid(t, u, h, out, solveTol);
            case TR_BDF2 -> trBdf2(t, u, h, out, solveTol);
            case BDF2 -> {
                if (prev == null) {
                    trBdf2(t, u, h, out, solveTol);
                    return;
                }
                double w = h / dtPrev;
                double a1 = (1 + w) * (1 + w) / (1 + 2 * w);
                double a2 = w * w / (1 + 2 * w);
                double beta = (1 + w) / (1 + 2 * w);
                forcingInto(t + h, f1);
                for (int i = 0; i < n; i++) {
                    rhs[i] = a1 * u[i] - a2 * prev[i] + beta * h * f1[i];
                    out[i] = u[i];
                }
                solver.solve(beta * h, rhs, out, solveTol);
            }
        }
    }

    // trapezoidal rule from (t, u) over h
    private void trapezoid(double t, double[] u, double h, double[] out, double solveTol) {
        op.derivative(t, u, f0, work);
        forcingInto(t + h, f1);
        for (int i = 0; i < n; i++) {
            rhs[i] = u[i] + 0.5 * h * (f0[i] + f1[i]);
            out[i] = u[i];
        }
        solver.solve(0.5 * h, rhs, out, solveTol);
    }

    private void trBdf2(double t, double[] u, double h, double[] out, double solveTol) {
        trapezoid(t, u, G * h, stage, solveTol);
        double d = G / 2;
        double a = 1 / (G * (2 - G));
        double b = (1 - G) * (1 - G) / (G * (2 - G));
        forcingInto(t + h, f1);
        for (int i = 0; i < n; i++) {
            rhs[i] = a * stage[i] - b * u[i] + d * h * f1[i];
            out[i] = stage[i];
        }
        solver.solve(d * h, rhs, out, solveTol);
    }

    private void forcingInto(double t, double[] f) {
        if (forced) {
            op.forcing(t, f);
        }
    }
}
