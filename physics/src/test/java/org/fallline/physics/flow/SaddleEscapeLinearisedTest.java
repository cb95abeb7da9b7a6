package org.fallline.physics.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.field.Expression;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.junit.jupiter.api.Test;

/** The linearised exit times of {@link SaddleEscape} and the saddle it finds near a start, against closed forms. */
class SaddleEscapeLinearisedTest {

    private static final ScalarField FLAT = Expression.parse("0.5*(y^2 - 0.25*x^2)");

    /**
     * Without friction the heavy ball x″ = μx from rest at δ is δ cosh(√μ t): it leaves the ball of radius R at
     * arccosh(R/δ)/√μ; the gradient flow δe^{μt} at ln(R/δ)/μ. The field is linear, so the runs agree too.
     */
    @Test
    void withoutFrictionTheHeavyBallLeavesAtTheArcCosh() {
        double delta = 1e-3;
        SaddleEscape e = SaddleEscape.near(FLAT, new double[] {delta, 0}, 1, 0,
                FlowOptions.defaults().withEndTime(100).withTolerance(1e-12));
        assertArrayEquals(new double[] {0, 0}, e.saddle().point(), 1e-12);
        assertEquals(delta, e.unstableOffset(), 1e-15);
        double arcosh = Math.log(1 / delta + Math.sqrt(1 / (delta * delta) - 1));
        assertEquals(arcosh / 0.5, e.linearisedHeavyBallTime(), 1e-10);
        assertEquals(Math.log(1 / delta) / 0.25, e.linearisedGradientFlowTime(), 1e-12);
        assertEquals(e.linearisedHeavyBallTime(), e.heavyBallTime(), 1e-8);
        assertEquals(e.linearisedGradientFlowTime(), e.gradientFlowTime(), 1e-8);
        assertTrue(e.heavyBallTime() < e.gradientFlowTime());
    }

    @Test
    void aStartWithNoSaddleWithinTheRadiusIsBadInput() {
        ScalarField bowl = Expression.parse("x^2 + y^2");
        PhysicsException ex = assertThrows(PhysicsException.class, () -> SaddleEscape.near(bowl,
                new double[] {0.1, 0}, 1, 1, FlowOptions.defaults()));
        assertEquals(PhysicsException.Kind.BAD_INPUT, ex.kind());
        assertTrue(ex.getMessage().startsWith("no saddle of V lies within 1.0"), ex.getMessage());
    }
}
