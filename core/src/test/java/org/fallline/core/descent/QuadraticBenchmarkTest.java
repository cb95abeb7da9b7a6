package org.fallline.core.descent;

import org.fallline.core.testing.Benchmarks;
import org.fallline.core.field.QuadraticField;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Iterations to ‖x_k − x*‖ ≤ 1e-8 from x₀ = 0 on the κ = 100 benchmarks, as tabulated in
 * /work/shared/reference/physics/README.md §4 ("Iterations to ‖x − x*‖ ≤ 1e-8 / to V − V* ≤ 1e-8 (x0 = 0)"):
 *
 * <pre>
 * method                               B1     B2
 * GD η = 1/L                         1799   2341
 * GD η = 2/(μ+L)                      904   1176
 * GD η = 1.9/L                        943   1227
 * GD η = 2.01/L                  diverges diverges
 * steepest descent, exact line search 338   1160
 * heavy ball (α, β optimal)           106    134
 * Nesterov, momentum 9/11, step 1/L   201    255
 * conjugate gradient                    2     40
 * </pre>
 *
 * The count is the first trajectory index within 1e-8 of x*. Runs stop at ‖∇V‖ ≤ 1e-10, which (μ = 1)
 * guarantees that the crossing lies inside the trajectory.
 */
class QuadraticBenchmarkTest {

    private static final StoppingCriteria STOP = new StoppingCriteria(1e-10, 100_000);

    private static int iterationsToMinimizer(QuadraticField f, DescentMethod m) {
        DescentResult r = m.minimize(f, new double[f.dimension()], STOP);
        assertEquals(StopReason.CONVERGED, r.stopReason(), m.name() + " " + m.parameters());
        return r.trajectory().firstWithin(f.minimizer(), 1e-8);
    }

    // B1: μ = 1, L = 100.
    @Test
    void gradientDescentOnB1() {
        QuadraticField f = Benchmarks.b1();
        assertEquals(1799, iterationsToMinimizer(f, new GradientDescent(1.0 / 100)));
        assertEquals(904, iterationsToMinimizer(f, new GradientDescent(2.0 / 101)));
        assertEquals(943, iterationsToMinimizer(f, new GradientDescent(1.9 / 100)));
    }

    @Test
    void gradientDescentBeyondTwoOverLDivergesOnB1() {
        DescentResult r = new GradientDescent(2.01 / 100).minimize(Benchmarks.b1(), new double[2], STOP);
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertTrue(Double.isFinite(r.finalValue()) && Double.isFinite(r.finalGradientNorm()));
        assertTrue(r.finalValue() > 0, "V rose above V(x0) = 0 before the run was stopped");
    }

    @Test
    void acceleratedAndExactMethodsOnB1() {
        QuadraticField f = Benchmarks.b1();
        assertEquals(338, iterationsToMinimizer(f, new SteepestDescent()));
        // α = 4/(√L+√μ)² = 4/121, β = (9/11)² = 81/121.
        assertEquals(106, iterationsToMinimizer(f, new HeavyBall(4.0 / 121, 81.0 / 121)));
        assertEquals(201, iterationsToMinimizer(f, new Nesterov(1.0 / 100, 9.0 / 11)));
        assertEquals(2, iterationsToMinimizer(f, new ConjugateGradient()));
    }

    @Test
    void benchmarkB2() {
        QuadraticField f = Benchmarks.b2();
        QuadraticAnalysis q = QuadraticAnalysis.of(f).orElseThrow();
        assertEquals(1, q.smallestEigenvalue(), 1e-12);
        assertEquals(100, q.largestEigenvalue(), 1e-12);
        assertEquals(1176, iterationsToMinimizer(f, new GradientDescent(q.optimalStep().getAsDouble())));
        assertEquals(1160, iterationsToMinimizer(f, new SteepestDescent()));
        assertEquals(134, iterationsToMinimizer(f, new HeavyBall(q.heavyBallStep().getAsDouble(),
                q.heavyBallMomentum().getAsDouble())));
        assertEquals(255, iterationsToMinimizer(f, new Nesterov(1.0 / 100, 9.0 / 11)));
        assertEquals(40, iterationsToMinimizer(f, new ConjugateGradient()));
    }

    @Test
    void gradientDescentVariantsOnB2() {
        QuadraticField f = Benchmarks.b2();
        assertEquals(2341, iterationsToMinimizer(f, new GradientDescent(1.0 / 100)));
        assertEquals(1227, iterationsToMinimizer(f, new GradientDescent(1.9 / 100)));
        assertEquals(StopReason.DIVERGED, new GradientDescent(2.01 / 100).minimize(f, new double[50], STOP).stopReason());
    }

    @Test
    void newtonReachesTheMinimizerOfAQuadraticInOneStep() {
        for (QuadraticField f : new QuadraticField[] {Benchmarks.b1(), Benchmarks.b2()}) {
            DescentResult r = new NewtonMethod().minimize(f, new double[f.dimension()], new StoppingCriteria(1e-9, 10));
            assertEquals(StopReason.CONVERGED, r.stopReason());
            assertEquals(1, r.iterations());
            assertEquals(0, r.trajectory().firstWithin(f.minimizer(), 1e-8) < 0 ? -1 : 0, "reached x*");
            assertEquals(1, r.trajectory().firstWithin(f.minimizer(), 1e-10));
        }
    }

    /** Measured tail rate of GD against max|1 − ηλ|: (κ−1)/(κ+1) = 99/101 at η*, and 0.99 at η = 1/L. */
    @Test
    void measuredRateOfGradientDescentMatchesTheory() {
        QuadraticField f = Benchmarks.b1();
        QuadraticAnalysis q = QuadraticAnalysis.of(f).orElseThrow();
        GradientDescent optimal = new GradientDescent(q.optimalStep().getAsDouble());
        DescentResult r = optimal.minimize(f, new double[2], STOP);
        assertEquals(99.0 / 101, q.predictedRate(optimal).getAsDouble(), 1e-15);
        assertEquals(99.0 / 101, QuadraticAnalysis.measuredRate(r.trajectory(), f.minimizer()), 1e-6);
        GradientDescent slow = new GradientDescent(0.01);
        DescentResult s = slow.minimize(f, new double[2], STOP);
        assertEquals(0.99, q.predictedRate(slow).getAsDouble(), 1e-15);
        assertEquals(0.99, QuadraticAnalysis.measuredRate(s.trajectory(), f.minimizer()), 1e-6);
    }

    /** Heavy ball and Nesterov: measured tail rates against the spectral radius of their iteration. */
    @Test
    void measuredRateOfMomentumMethodsMatchesSpectralRadius() {
        QuadraticField f = Benchmarks.b1();
        QuadraticAnalysis q = QuadraticAnalysis.of(f).orElseThrow();
        // Off-optimal parameters so that the iteration matrix is diagonalisable and the tail is geometric.
        HeavyBall hb = new HeavyBall(0.02, 0.5);
        Nesterov nesterov = new Nesterov(0.005, 0.5);
        for (DescentMethod m : new DescentMethod[] {hb, nesterov}) {
            DescentResult r = m.minimize(f, new double[2], STOP);
            double predicted = q.predictedRate(m).getAsDouble();
            assertEquals(predicted, QuadraticAnalysis.measuredRate(r.trajectory(), f.minimizer()), 1e-3 * predicted,
                    m.name());
        }
    }
}
