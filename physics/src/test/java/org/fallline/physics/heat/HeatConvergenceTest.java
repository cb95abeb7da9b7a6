package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every boundary kind × every method × dimensions 1, 2, 3 against exact Fourier-mode solutions (with
 * D ≠ 1, λ &gt; 0 and time-dependent side data): the error falls by 4 when h halves (second order in
 * space, because without --tol every method keeps its time error below the spatial error). Then each
 * integrator's own order in time, at fixed steps, against the exact-in-time semi-discrete solution.
 */
class HeatConvergenceTest {

    private static final double T = 0.05;

    @Test
    void everyBoundaryKindEveryMethodEveryDimensionIsSecondOrderInSpace() {
        List<String> failures = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            for (FourierModes.Side side : FourierModes.Side.values()) {
                FourierModes modes = new FourierModes(d, 2.0, 0.7, 0.5, side);
                for (String method : modes.methods(d == 1)) {
                    // h halves: (n + 1) doubles, or n on a periodic axis
                    int base = d == 1 ? 16 : 12;
                    boolean periodic = side == FourierModes.Side.PERIODIC;
                    int coarse = periodic ? base : base - 1;
                    int fine = periodic ? 2 * base : 2 * base - 1;
                    double e1 = error(modes, coarse, method);
                    double e2 = error(modes, fine, method);
                    double order = Math.log(e1 / e2) / Math.log(2);
                    String what = d + "-D " + side + " " + method + ": errors " + e1 + ", " + e2 + ", order " + order;
                    if (!(order > 1.8 && order < 2.4) || !(e2 < 0.02)) {
                        failures.add(what);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static double error(FourierModes modes, int n, String method) {
        HeatProblem p = modes.problem(n, T);
        HeatOptions o = HeatOptions.DEFAULT.withMethod(method).withExact(modes.exact()).withSamples(2);
        return HeatSolver.solve(HeatSolver.plan(p, o), HeatObserver.none()).maxError();
    }

    @Test
    void eachIntegratorHasItsOwnOrderInTime() {
        // u0 with a fast mode so that the time error is well above rounding; dt below every explicit limit
        for (int d = 1; d <= 3; d++) {
            int dim = d;
            HeatProblem p = HeatProblem.builder().dimension(d).n(15).tEnd(0.1).decay(0.3).initial(SpaceTimeFunction.ofSpace(x -> {
                double v = 1;
                double w = 1;
                for (int a = 0; a < dim; a++) {
                    v *= Math.sin(Math.PI * x[a]);
                    w *= Math.sin(3 * Math.PI * x[a]);
                }
                return v + 0.5 * w;
            })).build();
            double[] reference = HeatSolver.solve(HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("spectral")
                    .withSamples(2)), HeatObserver.none()).finalState();
            double limit = HeatSolver.plan(p, HeatOptions.DEFAULT).stiffness().explicitStepLimit(); // Euler: 2/λmax
            check(p, reference, "crank-nicolson", 2, 0.004, d);
            check(p, reference, "bdf2", 2, 0.004, d);
            check(p, reference, "tr-bdf2", 2, 0.004, d);
            if (d == 1) {
                check(p, reference, "radau5", 5, 0.01, d);
            }
            check(p, reference, "explicit:euler", 1, 0.8 * limit, d);
            check(p, reference, "explicit:midpoint", 2, 0.8 * limit, d);
            check(p, reference, "explicit:rk4", 4, limit, d);
        }
    }

    private static void check(HeatProblem p, double[] reference, String method, int order, double dt, int d) {
        double e1 = timeError(p, reference, method, dt);
        double e2 = timeError(p, reference, method, dt / 2);
        double measured = Math.log(e1 / e2) / Math.log(2);
        assertEquals(order, measured, 0.25, d + "-D " + method + ": time errors " + e1 + ", " + e2);
    }

    private static double timeError(HeatProblem p, double[] reference, String method, double dt) {
        double[] u = HeatSolver.solve(HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod(method).withDt(dt)
                .withSamples(2)), HeatObserver.none()).finalState();
        double e = 0;
        for (int i = 0; i < u.length; i++) {
            e = Math.max(e, Math.abs(u[i] - reference[i]));
        }
        return e;
    }
}
