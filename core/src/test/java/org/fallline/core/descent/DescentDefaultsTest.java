package org.fallline.core.descent;

import org.fallline.core.testing.Benchmarks;
import org.fallline.core.CoreException;
import org.fallline.core.testing.TestFields;
import org.fallline.core.field.QuadraticField;
import org.fallline.core.field.ScalarField;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DescentDefaultsTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    /**
     * On B1 the defaults are the optimal parameters of /work/shared/reference/physics/README.md §4. The
     * eigenvalues come from an eigensolver with absolute error about ε·L, so quantities that depend on
     * μ = 1 carry a relative error about κε ≈ 2e-14: hence 1e-13 where μ enters.
     */
    @Test
    void quadraticDefaultsAreOptimal() {
        QuadraticField f = Benchmarks.b1();
        double[] x0 = new double[2];
        assertEquals(0.0198019801980198, DescentDefaults.create(DescentAlgorithm.GRADIENT_DESCENT, f, x0, NONE, NONE).parameters().get("step"), 1e-15);
        Map<String, Double> hb = DescentDefaults.create(DescentAlgorithm.HEAVY_BALL, f, x0, NONE, NONE).parameters();
        assertEquals(List.of("step", "momentum"), List.copyOf(hb.keySet()));
        assertEquals(0.0330578512396694, hb.get("step"), 1e-15);
        assertEquals(0.669421487603306, hb.get("momentum"), 1e-13);
        Map<String, Double> nesterov = DescentDefaults.create(DescentAlgorithm.NESTEROV, f, x0, NONE, NONE).parameters();
        assertEquals(0.01, nesterov.get("step"), 1e-17);
        assertEquals(9.0 / 11, nesterov.get("momentum"), 1e-13);
        assertEquals(1.0, DescentDefaults.create(DescentAlgorithm.ARMIJO, f, x0, NONE, NONE).parameters().get("step"));
        assertTrue(DescentDefaults.create(DescentAlgorithm.CONJUGATE_GRADIENT, f, x0, NONE, NONE).parameters().isEmpty());
        for (DescentAlgorithm algorithm : DescentAlgorithm.values()) {
            String name = algorithm.label();
            assertEquals(name, DescentDefaults.create(algorithm, f, x0, NONE, NONE).name());
        }
        // The created heavy ball reproduces the reference count (106 iterations to ‖x − x*‖ ≤ 1e-8).
        DescentResult r = DescentDefaults.create(DescentAlgorithm.HEAVY_BALL, f, x0, NONE, NONE).minimize(f, x0, new StoppingCriteria(1e-10, 1000));
        assertEquals(106, r.trajectory().firstWithin(f.minimizer(), 1e-8));
    }

    @Test
    void givenParametersAreUsed() {
        DescentMethod m = DescentDefaults.create(DescentAlgorithm.HEAVY_BALL, Benchmarks.b1(), new double[2], OptionalDouble.of(0.01),
                OptionalDouble.of(0.5));
        assertEquals(Map.of("step", 0.01, "momentum", 0.5), m.parameters());
        DescentMethod only = DescentDefaults.create(DescentAlgorithm.NESTEROV, Benchmarks.b1(), new double[2], NONE, OptionalDouble.of(0.3));
        assertEquals(0.01, only.parameters().get("step"), 1e-17);
        assertEquals(0.3, only.parameters().get("momentum"));
    }

    /** Non-quadratic: L = max|λ| of the Hessian at x₀. For x⁴ + y² at (1, 0) the Hessian is diag(12, 2). */
    @Test
    void nonQuadraticDefaultsComeFromTheHessianAtTheStart() {
        ScalarField f = new TestFields.Quartic();
        assertEquals(1.0 / 12, DescentDefaults.create(DescentAlgorithm.GRADIENT_DESCENT, f, new double[] {1, 0}, NONE, NONE).parameters().get("step"), 1e-16);
        Map<String, Double> nesterov = DescentDefaults.create(DescentAlgorithm.NESTEROV, f, new double[] {1, 0}, NONE, NONE).parameters();
        double rate = (Math.sqrt(12) - Math.sqrt(2)) / (Math.sqrt(12) + Math.sqrt(2));
        assertEquals(rate, nesterov.get("momentum"), 1e-15);
        Map<String, Double> hb = DescentDefaults.create(DescentAlgorithm.HEAVY_BALL, f, new double[] {1, 0}, NONE, NONE).parameters();
        assertEquals(rate * rate, hb.get("momentum"), 1e-15);
        // At the saddle of eˣ cos y − x − 1 the Hessian has eigenvalues ±1: step 1, momentum 0.9.
        Map<String, Double> saddle = DescentDefaults.create(DescentAlgorithm.HEAVY_BALL, new TestFields.Saddle(), new double[] {0, 0}, NONE, NONE)
                .parameters();
        assertEquals(1.0, saddle.get("step"), 1e-15);
        assertEquals(0.9, saddle.get("momentum"));
        // A zero Hessian (V ≡ 0) gives step 1.
        assertEquals(1.0, DescentDefaults.create(DescentAlgorithm.GRADIENT_DESCENT, new TestFields.Paraboloid(0), new double[] {0, 0}, NONE, NONE)
                .parameters().get("step"));
    }

    @Test
    void errorsNameTheProblem() {
        assertTrue(DescentAlgorithm.byLabel("adam").isEmpty());
        assertEquals(List.of("gd", "gd-armijo", "steepest", "newton", "heavy-ball", "nesterov", "cg"), DescentAlgorithm.labels());
        CoreException noStep = assertThrows(CoreException.class,
                () -> DescentDefaults.create(DescentAlgorithm.NEWTON, Benchmarks.b1(), new double[2], OptionalDouble.of(1), NONE));
        assertTrue(noStep.getMessage().contains("takes no step"));
        assertThrows(CoreException.class, () -> DescentDefaults.create(DescentAlgorithm.GRADIENT_DESCENT, Benchmarks.b1(), new double[2], NONE, OptionalDouble.of(0.5)));
        assertThrows(CoreException.class, () -> DescentDefaults.create(DescentAlgorithm.GRADIENT_DESCENT, Benchmarks.b1(), new double[3], NONE, NONE));
        CoreException step = assertThrows(CoreException.class, () -> new GradientDescent(0));
        assertTrue(step.getMessage().startsWith("step"), step.getMessage());
        assertThrows(CoreException.class, () -> new GradientDescent(Double.NaN));
        assertThrows(CoreException.class, () -> new ArmijoDescent(Double.POSITIVE_INFINITY));
        CoreException momentum = assertThrows(CoreException.class, () -> new HeavyBall(0.1, 1.0));
        assertTrue(momentum.getMessage().startsWith("momentum"), momentum.getMessage());
        assertThrows(CoreException.class, () -> new Nesterov(0.1, -0.1));
        assertThrows(CoreException.class, () -> new StoppingCriteria(-1, 10));
        assertThrows(CoreException.class, () -> new StoppingCriteria(1e-8, -1));
        assertThrows(CoreException.class, () -> new GradientDescent(0.1).minimize(Benchmarks.b1(), new double[] {Double.NaN, 0},
                StoppingCriteria.DEFAULT));
    }
}
