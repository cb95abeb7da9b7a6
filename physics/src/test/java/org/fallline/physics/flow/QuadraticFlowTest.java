package org.fallline.physics.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fallline.core.field.Expression;
import org.fallline.core.field.QuadraticField;
import org.fallline.physics.PhysicsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The gradient flow of a quadratic against its exact solution x* + e^{−At}(x₀ − x*): every integrator,
 * the orders of convergence of the fixed-step ones, the stability radii and the converged event.
 */
class QuadraticFlowTest {

    // reference B1: eigenvalues 1 (along (1,−1)/√2) and 100 (along (1,1)/√2), x* = (−0.485, 0.515)
    private static final QuadraticField B1 = new QuadraticField(List.of("x", "y"),
            new double[][] {{50.5, 49.5}, {49.5, 50.5}}, new double[] {1, 2}, 0);

    private static double[] exactB1(double t) {
        double[] x0 = {0, 0};
        double[] xs = {-0.485, 0.515};
        double e0 = x0[0] - xs[0];
        double e1 = x0[1] - xs[1];
        double fast = (e0 + e1) / 2 * Math.exp(-100 * t);
        double slow = (e0 - e1) / 2 * Math.exp(-t);
        return new double[] {xs[0] + fast + slow, xs[1] + fast - slow};
    }

    // A = [[2, 1], [1, 2]]: eigenvalues 3 along (1,1) and 1 along (1,−1); from (1, 0)
    private static final QuadraticField SMALL = new QuadraticField(List.of("x", "y"),
            new double[][] {{2, 1}, {1, 2}}, new double[] {0, 0}, 0);

    private static double[] exactSmall(double t) {
        double a = 0.5 * Math.exp(-3 * t);
        double b = 0.5 * Math.exp(-t);
        return new double[] {a + b, a - b};
    }

    private static double error(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void everyIntegratorFollowsTheExactFlow(Integrator method) {
        FlowOptions o = FlowOptions.defaults().withIntegrator(method).withEndTime(1);
        FlowResult r = new FlowSolver(o).solve(B1, new double[] {0, 0});
        assertEquals(FlowStop.END_TIME, r.stop(), r.reason());
        assertEquals(1.0, r.time(), 1e-12);
        double err = error(r.point(), exactB1(1));
        if (method.fixedStep()) {
            // default step h = min(T/1000, r/(2·100)) = 1e-3: error ≤ C·h^p with C of order 1
            double h = r.step().getAsDouble();
            assertEquals(1e-3, h, 1e-15);
            assertTrue(err < Math.max(Math.pow(h, method.order()), 1e-14), method + " error " + err);
        } else {
            assertTrue(err < 1e-8, method + " error " + err);
        }
        assertTrue(r.evaluations() > 0);
    }

    @ParameterizedTest
    @CsvSource({"euler,1", "midpoint,2", "rk4,4", "gill,4", "three-eighths,4", "luther,6"})
    void fixedStepOrdersOfConvergence(String name, int order) {
        Integrator method = Integrator.byName(name);
        double[] err = new double[2];
        double[] steps = {0.05, 0.025};
        for (int k = 0; k < 2; k++) {
            FlowOptions o = FlowOptions.defaults().withIntegrator(method).withEndTime(1).withStep(steps[k]);
            err[k] = error(new FlowSolver(o).solve(SMALL, new double[] {1, 0}).point(), exactSmall(1));
        }
        double measured = Math.log(err[0] / err[1]) / Math.log(2);
        assertEquals(order, measured, 0.15, name + " errors " + err[0] + ", " + err[1]);
    }

    @ParameterizedTest
    @CsvSource({"euler,2.000000", "midpoint,2.000000", "rk4,2.785294", "gill,2.785294", "three-eighths,2.785294",
            "luther,2.856109"})
    void realAxisStabilityRadiiOfTheReference(String name, double radius) {
        StabilityRegion region = StabilityRegion.of(Integrator.byName(name).butcherArray().orElseThrow());
        assertEquals(radius, region.realAxisRadius(), 1e-6);
    }

    @Test
    void aStepAboveTheStabilityLimitIsBadInput() {
        // euler: stable iff h·λmax ≤ 2, λmax = 100
        FlowOptions over = FlowOptions.defaults().withIntegrator(Integrator.EULER).withStep(0.0201);
        PhysicsException e = assertThrows(PhysicsException.class,
                () -> new FlowSolver(over).solve(B1, new double[] {0, 0}));
        assertEquals(PhysicsException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("stability limit h <= 0.02"), e.getMessage());
        FlowOptions under = FlowOptions.defaults().withIntegrator(Integrator.EULER).withStep(0.0199);
        assertEquals(FlowStop.END_TIME, new FlowSolver(under).solve(B1, new double[] {0, 0}).stop());
    }

    @Test
    void heavyBallStepsAreCheckedOnTheComplexModes() {
        // x″ + x = 0 (V = x²/2, b = 0): modes μ = ±i; RK4 is stable on the imaginary axis up to |hμ| = 2√2
        // (|R(iy)|² = 1 − y⁶/72 + y⁸/576 ≤ 1 iff y² ≤ 8), explicit Euler nowhere
        QuadraticField oscillator = new QuadraticField(List.of("x"), new double[][] {{1}}, new double[] {0}, 0);
        FlowOptions rk4 = FlowOptions.defaults().withIntegrator(Integrator.RK4).withFriction(0).withEndTime(1);
        assertEquals(FlowStop.END_TIME, new FlowSolver(rk4.withStep(2.8)).solve(oscillator, new double[] {1}).stop());
        PhysicsException over = assertThrows(PhysicsException.class,
                () -> new FlowSolver(rk4.withStep(2.83)).solve(oscillator, new double[] {1}));
        assertTrue(over.getMessage().contains("stability limit h <= 2.828427"), over.getMessage());
        FlowOptions euler = FlowOptions.defaults().withIntegrator(Integrator.EULER).withFriction(0).withStep(1e-3);
        assertThrows(PhysicsException.class, () -> new FlowSolver(euler).solve(oscillator, new double[] {1}));
    }

    @Test
    void convergedEventLocatedWhereTheExactGradientNormIsTheTolerance() {
        double gtol = 1e-3;
        double tol = 1e-12;
        FlowResult r = new FlowSolver(FlowOptions.defaults().withEndTime(100).withTolerance(tol)
                .withGradientTolerance(gtol)).solve(B1, new double[] {0, 0});
        assertEquals(FlowStop.CONVERGED, r.stop());
        // |∇V(t)| = |A(x − x*)|: for t ≫ 1/100 only the slow mode is left, |∇V| = 1·|e_slow|·e^{−t}, |e_slow| = √2/2
        double slow = Math.sqrt(2) / 2;
        double exact = Math.log(slow / gtol);
        // threshold 1e-12·T = 1e-10, plus the time error from an absolute error tol·(1 + |x|) in x − x*
        double e = gtol;
        double bound = 1e-10 + 2 * tol * (1 + Math.hypot(0.485, 0.515)) / e;
        assertEquals(exact, r.time(), bound);
        assertEquals(gtol, r.gradientNorm(), gtol * bound);
    }

    @Test
    void leavingTheEscapeBallOfALinearField() {
        // V = −x: dx/dt = 1, so |x − x₀| = 5 at t = 5 exactly
        FlowResult r = new FlowSolver(FlowOptions.defaults().withEscapeRadius(5))
                .solve(Expression.parse("-x"), new double[] {0});
        assertEquals(FlowStop.ESCAPED, r.stop());
        assertEquals(5, r.time(), 1e-11);
        assertTrue(r.reason().startsWith("left the ball"), r.reason());
    }

    @Test
    void lyapunovMonitorFiresOnAnUnstableExplicitRun() {
        // V = x⁴ is not quadratic, so the step is not refused; at x = 3, V'' = 108 and h = 0.1 gives
        // hλ = 10.8 > 2: the first Euler step jumps to x = −7.8 and V rises from 81 to 3701.56
        FlowOptions o = FlowOptions.defaults().withIntegrator(Integrator.EULER).withStep(0.1);
        FlowResult r = new FlowSolver(o).solve(Expression.parse("x^4"), new double[] {3});
        assertEquals(FlowStop.LYAPUNOV_VIOLATION, r.stop());
        assertEquals(0.1, r.violation().orElseThrow().time(), 1e-15);
        assertEquals(81, r.violation().get().before(), 1e-12);
        assertEquals(3701.5056, r.violation().get().after(), 1e-9);
        assertTrue(r.reason().contains("t = 0.1"), r.reason());
    }

    @Test
    void energyMonitorFiresOnAnUnstableExplicitHeavyBallRun() {
        // explicit Euler on the undamped oscillation x″ = −∇V multiplies the energy by 1 + h²ω² per step
        FlowOptions o = FlowOptions.defaults().withIntegrator(Integrator.EULER).withStep(0.1).withFriction(0);
        FlowResult r = new FlowSolver(o).solve(Expression.parse("x^4"), new double[] {1});
        assertEquals(FlowStop.LYAPUNOV_VIOLATION, r.stop());
        assertTrue(r.violation().get().increase() > r.violation().get().allowed());
        assertTrue(r.heavyBall());
    }

    @Test
    void stableRunsNeverTripTheMonitor() {
        for (Integrator method : Integrator.values()) {
            FlowResult r = new FlowSolver(FlowOptions.defaults().withIntegrator(method).withEndTime(20))
                    .solve(Expression.parse("exp(x)*cos(y) - x - 1 + 0.5*x^2 + y^2"), new double[] {0.5, 0.5});
            assertTrue(r.violation().isEmpty(), method + ": " + r.reason());
        }
    }
}
