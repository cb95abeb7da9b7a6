package org.fallline.core.descent;

import org.fallline.core.testing.Benchmarks;
import org.fallline.core.CoreException;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.core.field.Expression;
import org.fallline.core.field.QuadraticField;
import org.fallline.core.field.ScalarField;

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
        for (DescentAlgorithm algorithm : DescentAlgorithm.values()) {
            String name = algorithm.label();
            DescentResult r = DescentDefaults.create(algorithm, f, f.minimizer(), java.util.OptionalDouble.empty(),
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
     * STALLED: V = 10⁸ + x² + x⁴ (not quadratic, so decreases are differences of computed values of V) asked for
     * ‖∇V‖ ≤ 1e-12: near x = 0 the true decrease of an Armijo step falls below the last place of V* = 10⁸ and the
     * search runs out of visible decrease. The trial t = 1/2 lowers V by at least (V − V*)/2 while x² ≤ 1, and a
     * decrease above about two units in the last place is seen, so a stall implies V − V* ≤ 4 ulp(V*).
     */
    @Test
    void armijoStallsAtTheRoundingFloorOfV() {
        ScalarField f = Expression.parse("1e8 + x^2 + x^4");
        DescentResult r = new ArmijoDescent(1).minimize(f, new double[] {0.5}, new StoppingCriteria(1e-12, 100_000));
        assertEquals(StopReason.STALLED, r.stopReason());
        assertTrue(r.finalValue() - 1e8 <= 4 * Math.ulp(1e8), () -> "V − V* = " + (r.finalValue() - 1e8));
    }

    /**
     * On a quadratic field the line-search decrease is the exact model difference t∇Vᵀd + ½t²dᵀAd, so B1 typed
     * as an expression (V* = −0.2725, whose computed values cancel near the minimum) is solved to ‖∇V‖ ≤ 1e-12 by
     * gd-armijo and steepest descent instead of stalling at V's rounding level (|∇V| ≈ 5e-7), and each reaches
     * x* = (−0.485, 0.515) within ‖∇V‖/λmin ≤ 1e-12 (λmin = 1).
     */
    @Test
    void quadraticDecreaseIsExact() {
        ScalarField f = Expression.parse("0.5*(50.5*x^2 + 2*49.5*x*y + 50.5*y^2) - x - 2*y");
        for (DescentMethod m : java.util.List.of(new ArmijoDescent(1), new SteepestDescent())) {
            DescentResult r = m.minimize(f, new double[2], new StoppingCriteria(1e-12, 100_000));
            assertEquals(StopReason.CONVERGED, r.stopReason(), m.name());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-0.485, 0.515}, r.finalPoint(), 1e-12,
                    m.name());
        }
    }
}
