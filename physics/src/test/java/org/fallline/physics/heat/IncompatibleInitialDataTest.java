package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Initial data that do not meet the Dirichlet sides (u₀ = 1 against u = 0 at x = 0 and x = 1): with the
 * default accuracy rule every adaptive implicit method must finish (before the truncation estimate read the
 * sides, the step fell to 1e-15 and the run stopped), and the fifth-order Radau IIA method keeps its time
 * error below the grid's own error. (The second-order methods finish with a time error a few times the
 * grid's error at t = 0.1: the estimate follows the boundary layer's large grid error while it lasts, and the
 * smooth modes keep the time error committed then. That is measured in the issue note, not asserted.) — the reference for the time error is the exact-in-time solution of the same
 * semi-discrete problem (the spectral path), the grid's error is that solution against the Fourier series
 * of the PDE, u(x, t) = Σ_{k odd} 4/(kπ) sin(kπx) e^{−k²π²t}.
 */
class IncompatibleInitialDataTest {

    private static final double T = 0.1;

    @Test
    void everyAdaptiveMethodFinishesWithItsTimeErrorBelowTheSpatialError() {
        HeatProblem p = HeatProblem.builder().n(100).tEnd(T).initial(SpaceTimeFunction.constant(1)).build();
        double[] exactInTime = solve(p, "spectral").finalState();
        HeatGrid grid = solve(p, "spectral").grid();
        double spatial = 0;
        double[] x = new double[1];
        for (int i = 0; i < exactInTime.length; i++) {
            grid.coordinates(i, x);
            spatial = Math.max(spatial, Math.abs(exactInTime[i] - series(x[0])));
        }
        assertTrue(spatial > 1e-8, "the grid's error must be measurable: " + spatial);
        for (String m : new String[] {"crank-nicolson", "bdf2", "tr-bdf2", "radau5"}) {
            double[] u = solve(p, m).finalState();
            double timeError = 0;
            for (int i = 0; i < u.length; i++) {
                timeError = Math.max(timeError, Math.abs(u[i] - exactInTime[i]));
            }
            assertTrue(Double.isFinite(timeError), m + " did not finish");
            if (m.equals("radau5")) {
                assertTrue(timeError <= spatial, m + ": time error " + timeError + " above the spatial error " + spatial);
            }
        }
    }

    @Test
    void twoDimensionsFinishToo() {
        HeatProblem p = HeatProblem.builder().dimension(2).n(40).tEnd(T).initial(SpaceTimeFunction.constant(1)).build();
        double[] exactInTime = solve(p, "spectral").finalState();
        for (String m : new String[] {"crank-nicolson", "tr-bdf2"}) {
            double[] u = solve(p, m).finalState();
            double timeError = 0;
            for (int i = 0; i < u.length; i++) {
                timeError = Math.max(timeError, Math.abs(u[i] - exactInTime[i]));
            }
            assertTrue(Double.isFinite(timeError), m + " did not finish");
        }
    }

    private static HeatSolution solve(HeatProblem p, String method) {
        return HeatSolver.solve(HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod(method)), HeatObserver.none());
    }

    private static double series(double x) {
        double sum = 0;
        for (int k = 1; k < 400; k += 2) {
            sum += 4 / (k * Math.PI) * Math.sin(k * Math.PI * x) * Math.exp(-k * k * Math.PI * Math.PI * T);
        }
        return sum;
    }
}
