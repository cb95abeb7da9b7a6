package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The closed-form anchors of the physics reference (heat_anchors.txt, computed by heat_bench.py with
 * SciPy): λmax of the 3-point Laplacian, the forward-Euler limit, the semi-discrete solution of
 * u₀ = sin πx + ½ sin 3πx at t = 0.1 and its discrete Dirichlet energy.
 */
class HeatAnchorsTest {

    static final SpaceTimeFunction U0 = SpaceTimeFunction.ofSpace(
            x -> Math.sin(Math.PI * x[0]) + 0.5 * Math.sin(3 * Math.PI * x[0]));

    static HeatProblem problem(int n) {
        return HeatProblem.builder().n(n).initial(U0).build();
    }

    @Test
    void lambdaMaxAndEulerLimitMatchTheReference() {
        Stiffness s100 = HeatSolver.plan(problem(100), HeatOptions.DEFAULT).stiffness();
        assertEquals(40794.1311913212, s100.lambdaMax(), 1e-12 * 40794.13);
        assertEquals(4.90266600021499e-05, s100.explicitStepLimit(), 1e-12 * 4.9e-5);
        Stiffness s10k = HeatSolver.plan(problem(10_000), HeatOptions.DEFAULT).stiffness();
        assertEquals(400079994.130396, s10k.lambdaMax(), 1e-11 * 4e8);
        assertEquals(4.99900027330073e-09, s10k.explicitStepLimit(), 1e-11 * 5e-9);
        // λmin = 4/h² sin²(πh/2) → π²
        assertEquals(4 * 101.0 * 101 * Math.pow(Math.sin(Math.PI / 202), 2), s100.lambdaMin(), 1e-9);
    }

    @Test
    void spectralPathReproducesTheSemiDiscreteSolutionAndEnergy() {
        HeatSolution s = HeatSolver.solve(HeatSolver.plan(problem(100), HeatOptions.DEFAULT.withMethod("spectral")),
                HeatObserver.none());
        double[] u = s.finalState();
        // j = N/2 = 50 (x = 50/101), index 49
        assertEquals(0.372622658626817, u[49], 1e-14);
        assertEquals(8.01482734072006, s.energy()[0], 1e-12);
        assertEquals(0.342776503934016, s.energy()[s.energy().length - 1], 1e-13);
    }

    @Test
    void implicitMethodsReachTheSemiDiscreteSolutionWithinTheSpatialError() {
        // the spatial error alone at N = 100 is 2.92e-5 (reference); the time error must stay below it
        for (String m : new String[] {"crank-nicolson", "bdf2", "tr-bdf2"}) {
            HeatSolution s = HeatSolver.solve(HeatSolver.plan(problem(100), HeatOptions.DEFAULT.withMethod(m)),
                    HeatObserver.none());
            double timeError = Math.abs(s.finalState()[49] - 0.372622658626817);
            assertTrue(timeError < 2.92e-5, m + ": time error " + timeError + " in " + s.steps() + " steps");
            assertEquals(0.342776503934016, s.energy()[s.energy().length - 1], 2e-4, m);
        }
    }

    @Test
    void explicitRk4ReachesTheSemiDiscreteSolution() {
        HeatSolution s = HeatSolver.solve(HeatSolver.plan(problem(50), HeatOptions.DEFAULT.withMethod("explicit:rk4")),
                HeatObserver.none());
        HeatSolution exact = HeatSolver.solve(HeatSolver.plan(problem(50), HeatOptions.DEFAULT.withMethod("spectral")),
                HeatObserver.none());
        double err = 0;
        for (int i = 0; i < 50; i++) {
            err = Math.max(err, Math.abs(s.finalState()[i] - exact.finalState()[i]));
        }
        assertTrue(err < 1e-8, "rk4 error " + err);
    }

    @Test
    void weightDecayScalesTheSolution() {
        HeatProblem p = HeatProblem.builder().n(200).diffusivity(0.5).decay(2).initial(U0).build();
        HeatSolution s = HeatSolver.solve(HeatSolver.plan(p, HeatOptions.DEFAULT.withSamples(2)), HeatObserver.none());
        // x = 0.5 is node 100.5: interpolate between nodes 100 and 101 (h = 1/201 → x_j = j/201); use the
        // exact PDE value 0.495011038591 within the spatial error (~h² π⁴/12·T·D ≈ 2e-6) and interpolation (h²/8·|u''|)
        double[] u = s.finalState();
        double mid = 0.5 * (u[99] + u[100]);
        assertEquals(0.495011038590972, mid, 5e-5);
    }
}
