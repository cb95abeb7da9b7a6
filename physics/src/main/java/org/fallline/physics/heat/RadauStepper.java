package org.fallline.physics.heat;

import org.fallline.core.linear.Tridiagonal;
import org.fallline.physics.PhysicsException;

/**
 * Adaptive time stepping of the 1-D semi-discrete heat equation u' = −K u + F(t) by the three-stage
 * Radau IIA method of order 5 ({@link RadauIIA}). The problem is linear, so the stage equations are
 * solved exactly, without Newton iterations: per step one real tridiagonal solve with γ/h + K, one
 * complex one with (α − iβ)/h + K ({@link ComplexTridiagonal}), and a second real solve for the error
 * estimate, all with factorisations kept while the step is unchanged. Step control as in Hairer and
 * Wanner's RADAU5 (<i>Solving ODEs II</i>, §IV.8): h_new = h·min(8, max(0.2, 0.9·ε^{−1/4})) with ε the
 * estimate over its tolerance, the Gustafsson predictive correction after accepted steps, the step
 * kept (and its factorisations) when h_new/h is in [1, 1.2], and the estimate sharpened by one more
 * solve, (γ/h + K)⁻¹(f(t, u + err) + Σ dᵢzᵢ/h), on the first step and after a rejection. Without
 * --tol the tolerance of a step is that of {@link ImplicitStepper}: the time error per unit time stays
 * below half the spatial truncation error.
 */
final class RadauStepper {

    private static final int MAX_STEPS = 10_000_000;

    private final HeatOperator op;
    private final AxisOperator axis;
    private final RadauIIA radau = new RadauIIA();
    private final double tol;
    private final double fixedDt;
    private final TruncationEstimate truncation;
    private final int n;
    private final double[] ku;
    private final double[] forcing;
    private final double[] w1;
    private final double[] w2;
    private final double[] w3;
    private final double[] z1;
    private final double[] z2;
    private final double[] z3;
    private final double[] error;
    private final double[] rowSums = new double[3];
    private double factoredH = Double.NaN;
    private Tridiagonal real;
    private ComplexTridiagonal complex;
    private int steps;
    private int rejected;
    private long solves;

    /**
     * @param tol     the local error tolerance (scaled by 1 + |u|), or NaN for the spatial-error rule
     * @param fixedDt a fixed step (no error control), or NaN for adaptive steps
     */
    RadauStepper(HeatOperator op, double tol, double fixedDt) {
        if (op.axes.length != 1) {
            throw new IllegalArgumentException("radau5 is implemented for 1-D problems");
        }
        this.op = op;
        this.axis = op.axes[0];
        this.tol = tol;
        this.fixedDt = fixedDt;
        this.truncation = new TruncationEstimate(op);
        this.n = op.points;
        ku = new double[n];
        forcing = new double[n];
        w1 = new double[n];
        w2 = new double[n];
        w3 = new double[n];
        z1 = new double[n];
        z2 = new double[n];
        z3 = new double[n];
        error = new double[n];
        for (int i = 0; i < 3; i++) {
            rowSums[i] = radau.tInverse[i][0] + radau.tInverse[i][1] + radau.tInverse[i][2];
        }
    }

    int steps() {
        return steps;
    }

    int rejected() {
        return rejected;
    }

    /** The tridiagonal solves made, counting a complex solve as one. */
    long solves() {
        return solves;
    }

    /** Integrates from u0 at t = 0 through the recorder's output times. */
    void run(double[] u0, Recorder rec) {
        double[] times = rec.times();
        double tEnd = times[times.length - 1];
        double[] u = u0.clone();
        double[] trial = new double[n];
        double t = 0;
        int next = 0;
        while (next < times.length && times[next] <= 0) {
            rec.sample(next++, u);
        }
        rec.step(0, u);
        boolean fixed = !Double.isNaN(fixedDt);
        double dt = fixed ? fixedDt : initialStep(u, tEnd);
        boolean sharpen = true; // first step: sharpen the estimate of a stiff start
        double hAccepted = 0;
        double ratioAccepted = 0;
        while (next < times.length) {
            if (steps + rejected > MAX_STEPS) {
                throw PhysicsException.numerical("radau5 took more than " + MAX_STEPS + " steps by t = " + (float) t
                        + " (step " + dt + "): the error tolerance cannot be met");
            }
            double target = times[next];
            boolean lands = target - t <= (fixed ? 1 + 1e-9 : 1.1) * dt;
            double h = lands ? target - t : dt;
            stages(t, u, h, trial);
            if (fixed) {
                accept(trial, u);
                t = lands ? target : t + h;
                steps++;
                rec.step(t, u);
                next = samples(rec, times, next, t, lands, u);
                continue;
            }
            double allowed = estimateTolerance(t, u, h);
            estimate(t, u, h, false);
            double ratio = ratio(allowed, trial);
            if (sharpen && ratio > 1) {
                estimate(t, u, h, true);
                ratio = ratio(allowed, trial);
            }
            if (!Double.isFinite(ratio)) {
                throw PhysicsException.numerical("radau5: the solution is not finite at t = " + (float) (t + h));
            }
            double grow = growth(ratio);
            if (ratio > 1) {
                rejected++;
                sharpen = true;
                dt = h * Math.min(grow, 1);
                if (dt < 1e-14 * Math.max(1, tEnd)) {
                    throw PhysicsException.numerical("radau5: the time step fell below " + dt + " at t = " + (float) t
                            + "; the error tolerance cannot be met" + (Double.isNaN(tol)
                            ? " (the default tolerance follows the grid's truncation error, which assumes initial data"
                            + " that meet the boundary conditions; give --tol, e.g. 1e-6, or --dt)" : ""));
                }
                continue;
            }
            if (hAccepted > 0 && ratio > 0) {
                // Gustafsson's predictive controller (Hairer and Wanner, §IV.8, (8.25))
                double predicted = h / hAccepted * Math.pow(ratio * ratio / ratioAccepted, -0.25) * 0.9;
                grow = Math.min(grow, Math.min(8, Math.max(0.2, predicted)));
            }
            hAccepted = h;
            ratioAccepted = Math.max(1e-2, ratio);
            sharpen = false;
            steps++;
            accept(trial, u);
            t = lands ? target : t + h;
            rec.step(t, u);
            next = samples(rec, times, next, t, lands, u);
            if (grow >= 1 && grow <= 1.2) {
                grow = 1; // keep the step, and the factorisations of its stage matrices
            }
            dt = lands && h < dt ? dt : h * grow;
        }
    }

    private static int samples(Recorder rec, double[] times, int next, double t, boolean lands, double[] u) {
        int k = next;
        if (lands) {
            rec.sample(k++, u);
            while (k < times.length && times[k] <= t) {
                rec.sample(k++, u);
            }
        }
        return k;
    }

    private void accept(double[] trial, double[] u) {
        System.arraycopy(trial, 0, u, 0, n);
    }

    private static double growth(double ratio) {
        return ratio == 0 ? 8 : Math.min(8, Math.max(0.2, 0.9 * Math.pow(ratio, -0.25)));
    }

    /**
     * What the estimate may be, relative to 1 + |u_i|. The estimate is of the embedded third-order
     * solution, O(h⁴), while the solution kept is of order 5, O(h⁶) locally; RADAU5 therefore holds
     * the estimate to 0.1·ρ^{2/3} for a wanted relative local error ρ (Hairer and Wanner, the code
     * accompanying §IV.8), and so does this class, ρ being --tol or the default rule's absolute error
     * over 1 + max|u|.
     */
    private double estimateTolerance(double t, double[] u, double h) {
        double wanted = Double.isNaN(tol)
                ? ImplicitStepper.defaultLocalTolerance(op, truncation, t, u, h) / (1 + HeatOperator.maxAbs(u)) : tol;
        return 0.1 * Math.pow(wanted, 2.0 / 3);
    }

    // max |err_i| / ((1 + |u_i|)·allowed)
    private double ratio(double allowed, double[] trial) {
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.abs(error[i]) / (1 + Math.abs(trial[i])));
        }
        return largest / allowed;
    }

    private double initialStep(double[] u, double tEnd) {
        op.derivative(0, u, ku, forcing);
        double rate = HeatOperator.maxAbs(ku) / Math.max(1e-300, HeatOperator.maxAbs(u));
        double dt = 0.01 / Math.max(rate, 1 / tEnd);
        return Math.min(dt, tEnd / 10);
    }

    private void factor(double h) {
        if (h == factoredH) {
            return;
        }
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = radau.gamma / h + axis.diag[i] + op.decay;
        }
        real = axis.periodic ? Tridiagonal.factorCyclic(axis.sub, diag, axis.sup)
                : Tridiagonal.factor(axis.sub, diag, axis.sup);
        complex = new ComplexTridiagonal(axis, op.decay, radau.alpha / h, -radau.beta / h);
        factoredH = h;
    }

    /**
     * The stages z_i = U_i − u of a step of length h from (t, u), and u + z₃ (Radau IIA is stiffly
     * accurate) into out. With G_j = −Ku + F(t + c_j h), W = (T⁻¹ ⊗ I)G is solved for by the real and
     * the complex system, and Z = (T ⊗ I)W.
     */
    private void stages(double t, double[] u, double h, double[] out) {
        factor(h);
        op.applyK(u, ku);
        double[][] ti = radau.tInverse;
        for (int i = 0; i < n; i++) {
            double g = -ku[i];
            w1[i] = rowSums[0] * g;
            w2[i] = rowSums[1] * g;
            w3[i] = rowSums[2] * g;
        }
        if (op.forced()) {
            for (int j = 0; j < 3; j++) {
                op.forcing(t + RadauIIA.C[j] * h, forcing);
                double a = ti[0][j];
                double b = ti[1][j];
                double c = ti[2][j];
                for (int i = 0; i < n; i++) {
                    double f = forcing[i];
                    w1[i] += a * f;
                    w2[i] += b * f;
                    w3[i] += c * f;
                }
            }
        }
        real.solve(w1, w1);
        complex.solve(w2, w3);
        solves += 2;
        double[][] tm = radau.t;
        for (int i = 0; i < n; i++) {
            double a = w1[i];
            double b = w2[i];
            double c = w3[i];
            z1[i] = tm[0][0] * a + tm[0][1] * b + tm[0][2] * c;
            z2[i] = tm[1][0] * a + tm[1][1] * b + tm[1][2] * c;
            z3[i] = tm[2][0] * a + tm[2][1] * b + tm[2][2] * c;
            out[i] = u[i] + z3[i];
        }
    }

    /**
     * error = (γ/h + K)⁻¹(f(t, u) + Σ dᵢzᵢ/h), or with {@code again} the sharpened
     * (γ/h + K)⁻¹(f(t, u + error) + Σ dᵢzᵢ/h). Uses ku = Ku from {@link #stages}.
     */
    private void estimate(double t, double[] u, double h, boolean again) {
        double d1 = RadauIIA.D[0] / h;
        double d2 = RadauIIA.D[1] / h;
        double d3 = RadauIIA.D[2] / h;
        if (again) {
            op.applyK(error, w2); // w2 is free after the stages
        }
        if (op.forced()) {
            op.forcing(t, forcing);
        }
        boolean forced = op.forced();
        for (int i = 0; i < n; i++) {
            double f = -ku[i] + (forced ? forcing[i] : 0) - (again ? w2[i] : 0);
            error[i] = f + d1 * z1[i] + d2 * z2[i] + d3 * z3[i];
        }
        real.solve(error, error);
        solves++;
    }
}
