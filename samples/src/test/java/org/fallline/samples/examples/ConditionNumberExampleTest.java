package org.fallline.samples.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.descent.DescentAlgorithm;
import org.fallline.core.descent.DescentDefaults;
import org.fallline.core.descent.QuadraticAnalysis;
import org.fallline.core.descent.StopReason;
import org.junit.jupiter.api.Test;

/** Facts of the B1 quadratic from /work/shared/reference/physics/README.md §4. */
class ConditionNumberExampleTest {

    private final ConditionNumberExample.Result result = ConditionNumberExample.run();

    @Test
    void closedFormTheoryOfTheKappa100Quadratic() {
        QuadraticAnalysis q = result.analysis();
        assertArrayEquals(new double[] {1, 100}, q.eigenvalues(), 1e-12);
        assertEquals(100, q.conditionNumber().getAsDouble(), 1e-10);
        assertEquals(0.02, q.maxStableStep().getAsDouble(), 1e-15);
        assertEquals(2.0 / 101, q.optimalStep().getAsDouble(), 1e-15);
        assertEquals(99.0 / 101, q.optimalContraction().getAsDouble(), 1e-15);
        assertEquals(9.0 / 11, q.acceleratedRate().getAsDouble(), 1e-15);
        assertArrayEquals(new double[] {-0.485, 0.515}, q.minimizer().orElseThrow(), 1e-12);
        assertEquals(-0.2725, q.minimumValue().getAsDouble(), 1e-12);
    }

    @Test
    void everyMethodRanWithItsDefaults() {
        assertEquals(DescentAlgorithm.values().length, result.runs().size());
        assertEquals(2.0 / 101, result.run("gd").parameters().get("step"), 1e-15);
        assertEquals(81.0 / 121, result.run("heavy-ball").parameters().get("momentum"), 1e-12);
        for (String fixedStep : new String[] {"gd", "heavy-ball", "nesterov", "newton", "cg"}) {
            assertEquals(StopReason.CONVERGED, result.run(fixedStep).stopReason(), fixedStep);
        }
    }

    @Test
    void conjugateGradientsTakeAtMostTwoStepsAndMomentumBeatsGradientDescent() {
        // two distinct eigenvalues: CG terminates in 2 steps; momentum needs about √κ times fewer steps than gd
        assertTrue(result.run("cg").iterations() <= 2);
        assertEquals(1, result.run("newton").iterations());
        assertTrue(result.run("heavy-ball").iterations() < result.run("gd").iterations());
        assertTrue(result.run("nesterov").iterations() < result.run("gd").iterations());
    }

    @Test
    void gradientDescentContractsByExactly99Over101() {
        // at η* = 2/(μ+L) both eigencomponents contract by |1 − η*λ| = 99/101 each step, so the measured
        // rate equals the predicted one up to rounding
        ConditionNumberExample.Run gd = result.run("gd");
        assertEquals(99.0 / 101, gd.predictedRate().getAsDouble(), 1e-15);
        assertEquals(99.0 / 101, gd.measuredRate().getAsDouble(), 1e-9);
    }
}
