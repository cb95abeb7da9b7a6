package org.fallline.physics.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.field.Box;
import org.fallline.core.field.Expression;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.junit.jupiter.api.Test;

/** Saddle escape by the gradient flow and the heavy ball against the closed forms of the linear flows. */
class SaddleEscapeTest {

    private static final double MU = 0.25;
    private static final double B = 0.5;
    private static final double DELTA = 1e-3;
    private static final double R = 1;
    private static final ScalarField FLAT = Expression.parse("0.5*(y^2 - 0.25*x^2)");

    // the first t with f(t) = R, by a scan and bisection
    private static double firstExit(DoubleUnaryOperator radius) {
        double lo = 0;
        double hi = 0.01;
        while (radius.applyAsDouble(hi) < R) {
            lo = hi;
            hi += 0.01;
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (radius.applyAsDouble(mid) < R) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Test
    void exitTimesMatchTheLinearClosedForms() {
        Equilibrium saddle = Equilibrium.classify(FLAT, new double[] {0, 0}, 1e-8);
        double tol = 1e-12;
        SaddleEscape e = SaddleEscape.of(FLAT, saddle, new double[] {DELTA, DELTA}, R, B,
                FlowOptions.defaults().withEndTime(100).withTolerance(tol));
        // gradient flow: x = δe^{μt}, y = δe^{−t}
        double tg = firstExit(t -> Math.hypot(DELTA * Math.exp(MU * t), DELTA * Math.exp(-t)));
        // heavy ball from rest: x = δ(r₂e^{r₁t} − r₁e^{r₂t})/(r₂ − r₁), r₁,₂ = (−b ± √(b² + 4μ))/2;
        // y'' + by' + y = 0: y = δe^{−bt/2}(cos ωt + (b/2ω) sin ωt), ω = √(1 − b²/4)
        double s = Math.sqrt(B * B + 4 * MU);
        double r1 = 0.5 * (-B + s);
        double r2 = 0.5 * (-B - s);
        double w = Math.sqrt(1 - B * B / 4);
        double th = firstExit(t -> Math.hypot(DELTA * (r2 * Math.exp(r1 * t) - r1 * Math.exp(r2 * t)) / (r2 - r1),
                DELTA * Math.exp(-B * t / 2) * (Math.cos(w * t) + B / (2 * w) * Math.sin(w * t))));
        assertEquals(FlowStop.ESCAPED, e.gradientFlow().stop());
        assertEquals(FlowStop.ESCAPED, e.heavyBall().stop());
        // threshold 1e-12·T = 1e-10, plus the time error tol·(1 + |x|)/|x′| ≈ tol/(μR)
        assertEquals(tg, e.gradientFlowTime(), 1e-9);
        assertEquals(th, e.heavyBallTime(), 1e-9);
        assertEquals(MU, e.gradientFlowRate(), 1e-12);
        assertEquals(r1, e.heavyBallRate(), 1e-12);
        // a flat saddle (μ < 1 − b): momentum leaves first
        assertTrue(e.heavyBallTime() < e.gradientFlowTime());
    }

    @Test
    void onTheSteepSaddleOfTheSeedFieldMomentumIsSlower() {
        ScalarField f = Expression.parse("exp(x)*cos(y) - x - 1");
        Equilibrium saddle = new EquilibriumFinder().find(f, Box.of(f, new double[] {-1, -1}, new double[] {1, 1}))
                .get(0);
        SaddleEscape e = SaddleEscape.of(f, saddle, new double[] {1e-3, 1e-3}, 0.5, 1, FlowOptions.defaults());
        // μ = 1: the heavy ball grows at ρ = (√5 − 1)/2 < 1
        assertEquals(1, e.gradientFlowRate(), 1e-8);
        assertEquals((Math.sqrt(5) - 1) / 2, e.heavyBallRate(), 1e-8);
        assertTrue(e.gradientFlowTime() < e.heavyBallTime());
    }

    @Test
    void aMinimumIsNotASaddle() {
        ScalarField f = Expression.parse("x^2 + y^2");
        Equilibrium min = Equilibrium.classify(f, new double[] {0, 0}, 1e-8);
        assertThrows(PhysicsException.class, () -> SaddleEscape.of(f, min, new double[] {0.1, 0}, 1, 1,
                FlowOptions.defaults()));
    }
}
