package org.fallline.samples.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.descent.StopReason;
import org.fallline.physics.flow.FlowStop;
import org.junit.jupiter.api.Test;

class FlowExampleTest {

    @Test
    void descentTracksTheFlowBelowTheLimitAndDivergesAbove() {
        FlowExample.Result r = FlowExample.run();
        assertTrue(r.stable().stable());
        assertFalse(r.unstable().stable());
        assertEquals(0.02, r.stable().stabilityLimit(), 1e-15);
        // below the limit descent and flow both reach x*: the error at the end is tiny
        assertTrue(r.stable().rows().get(200).error() < 1e-3, "error " + r.stable().rows().get(200).error());
        assertEquals(StopReason.DIVERGED, r.unstable().descentStop());
        // the flow at the same times is at x* = (−0.485, 0.515) to e^{−t}
        double[] flowEnd = r.unstable().rows().get(r.unstable().rows().size() - 1).flow();
        assertEquals(-0.485, flowEnd[0], 0.2);
    }

    @Test
    void momentumIsSlowerOnTheSteepSaddleAndFasterOnTheFlatOne() {
        FlowExample.Result r = FlowExample.run();
        for (var e : java.util.List.of(r.steep(), r.flat())) {
            assertEquals(FlowStop.ESCAPED, e.gradientFlow().stop());
            assertEquals(FlowStop.ESCAPED, e.heavyBall().stop());
        }
        assertTrue(r.steep().gradientFlowTime() < r.steep().heavyBallTime());
        assertTrue(r.flat().heavyBallTime() < r.flat().gradientFlowTime());
        assertEquals((Math.sqrt(5) - 1) / 2, r.steep().heavyBallRate(), 1e-8);
    }
}
