package org.fallline.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescentResultTest {

    @Test
    void iterationZeroIsTheStartAndTheEndIsConsistent() {
        QuadraticField f = Benchmarks.b1();
        double[] x0 = {1, -1};
        DescentResult r = new GradientDescent(0.01).minimize(f, x0, new StoppingCriteria(1e-6, 50));
        Trajectory t = r.trajectory();
        assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
        assertEquals(50, r.iterations());
        assertEquals(51, t.size());
        assertArrayEquals(x0, t.point(0));
        assertEquals(f.value(x0), t.value(0));
        assertEquals(f.value(r.finalPoint()), r.finalValue());
        assertEquals(Math.hypot(f.gradient(r.finalPoint())[0], f.gradient(r.finalPoint())[1]), r.finalGradientNorm(), 1e-15);
        assertEquals("gd", r.method());
        assertEquals(List.of("step"), List.copyOf(r.parameters().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> r.parameters().put("x", 1.0));
    }

    @Test
    void startAtTheMinimizerConvergesWithoutASteps() {
        QuadraticField f = Benchmarks.b1();
        for (String name : DescentDefaults.NAMES) {
            DescentResult r = DescentDefaults.create(name, f, f.minimizer(), java.util.OptionalDouble.empty(),
                    java.util.OptionalDouble.empty()).minimize(f, f.minimizer(), StoppingCriteria.DEFAULT);
            assertEquals(StopReason.CONVERGED, r.stopReason(), name);
            assertEquals(0, r.iterations());
        }
    }

    /** Non-finite iterates are never recorded: a run that overflows ends on its last finite point. */
    @Test
    void divergenceKeepsTheLastFiniteIterate() {
        for (double step : new double[] {0.05, 1.0, 1e6}) {
            DescentResult r = new GradientDescent(step).minimize(Benchmarks.b1(), new double[2], new StoppingCriteria(0, 100_000));
            assertEquals(StopReason.DIVERGED, r.stopReason());
            for (double v : r.trajectory().values()) {
                assertTrue(Double.isFinite(v));
            }
            assertTrue(r.iterations() < 100_000);
        }
    }

    @Test
    void labels() {
        assertEquals("converged", StopReason.CONVERGED.label());
        assertEquals("max-iterations", StopReason.MAX_ITERATIONS.label());
        assertEquals("diverged", StopReason.DIVERGED.label());
        assertEquals("stalled", StopReason.STALLED.label());
        assertEquals("minimum", EquilibriumType.MINIMUM.label());
        assertEquals("maximum", EquilibriumType.MAXIMUM.label());
        assertEquals("saddle", EquilibriumType.SADDLE.label());
    }

    @Test
    void mismatchedTrajectoryIsRefused() {
        assertThrows(CoreException.class, () -> new Trajectory(new double[][] {{0}}, new double[2], new double[1]));
        Trajectory t = new Trajectory(new double[][] {{0}}, new double[1], new double[1]);
        assertThrows(CoreException.class, () -> new DescentResult("gd", java.util.Map.of(), t, 3, StopReason.CONVERGED));
    }

    /**
     * STALLED: asked for ‖∇V‖ ≤ 1e-14, the Armijo search on B1 (V* = −0.2725) runs out of visible decrease.
     * Bound: the trial t = 1/128 ≤ 1/L lowers V by at least tμ(V − V*) = (V − V*)/128 (Nesterov 2018,
     * §2.1.5), and a true decrease above about two units in the last place of V is seen in floating point;
     * so a stall implies V − V* ≤ 256 ulp(V*).
     */
    @Test
    void armijoStallsAtTheRoundingFloorOfV() {
        QuadraticField f = Benchmarks.b1();
        DescentResult r = new ArmijoDescent(1).minimize(f, new double[2], new StoppingCriteria(1e-14, 100_000));
        assertEquals(StopReason.STALLED, r.stopReason());
        assertTrue(r.finalValue() + 0.2725 <= 256 * Math.ulp(0.2725), () -> "V − V* = " + (r.finalValue() + 0.2725));
    }
}
