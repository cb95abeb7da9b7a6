package org.fallline.core.descent;

import org.fallline.core.testing.Benchmarks;
import org.fallline.core.CoreException;
import org.fallline.core.testing.TestFields;
import org.fallline.core.field.QuadraticField;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuadraticAnalysisTest {

    /**
     * B1 facts from /work/shared/reference/physics/README.md §4: eigenvalues 1 and 100, x* = (−0.485, 0.515),
     * V* = −0.2725, η* = 2/(μ+L) = 0.0198019801980198, contraction 99/101 = 0.98019801980198,
     * heavy ball α = 4/(√L+√μ)² = 0.0330578512396694, β = (9/11)² = 0.669421487603306, rate 9/11.
     * The eigensolver's absolute error is about ε·L = 2e-14, so quantities in which μ = 1 enters carry a
     * relative error about κε: they are compared to 1e-13, those dominated by L to 1e-15.
     */
    @Test
    void b1ClosedForms() {
        QuadraticAnalysis q = QuadraticAnalysis.of(Benchmarks.b1()).orElseThrow();
        assertArrayEquals(new double[] {1, 100}, q.eigenvalues(), 1e-13);
        assertTrue(q.positiveDefinite());
        assertEquals(100, q.conditionNumber().getAsDouble(), 1e-11);
        assertArrayEquals(new double[] {-0.485, 0.515}, q.minimizer().orElseThrow(), 1e-14);
        assertEquals(-0.2725, q.minimumValue().getAsDouble(), 1e-15);
        assertEquals(0.02, q.maxStableStep().getAsDouble(), 1e-16);
        assertEquals(0.0198019801980198, q.optimalStep().getAsDouble(), 1e-15);
        assertEquals(0.98019801980198, q.optimalContraction().getAsDouble(), 1e-13);
        assertEquals(0.0330578512396694, q.heavyBallStep().getAsDouble(), 1e-15);
        assertEquals(0.669421487603306, q.heavyBallMomentum().getAsDouble(), 1e-13);
        assertEquals(9.0 / 11, q.acceleratedRate().getAsDouble(), 1e-13);
        assertEquals(0.01, q.nesterovStep().getAsDouble(), 1e-17);
        assertEquals(9.0 / 11, q.nesterovMomentum().getAsDouble(), 1e-13);
        assertEquals(2, q.distinctEigenvalues());
    }

    /**
     * Predicted rates: heavy ball at the optimum has the double root √β = 9/11 (the reference notes that a
     * numerical spectral radius is off by 1.6e-8 there because of the Jordan block; the closed form is exact).
     */
    @Test
    void predictedRates() {
        QuadraticAnalysis q = QuadraticAnalysis.of(Benchmarks.b1()).orElseThrow();
        assertEquals(9.0 / 11, q.predictedRate(new HeavyBall(q.heavyBallStep().getAsDouble(),
                q.heavyBallMomentum().getAsDouble())).getAsDouble(), 1e-13);
        assertEquals(0.99, q.predictedRate(new GradientDescent(0.01)).getAsDouble(), 1e-13);
        assertEquals(1.01, q.predictedRate(new GradientDescent(0.0201)).getAsDouble(), 1e-14);
        assertEquals(99.0 / 101, q.predictedRate(new SteepestDescent()).getAsDouble(), 1e-13);
        assertEquals(9.0 / 11, q.predictedRate(new ConjugateGradient()).getAsDouble(), 1e-13);
        assertEquals(0.0, q.predictedRate(new NewtonMethod()).getAsDouble());
        assertTrue(q.predictedRate(new ArmijoDescent(1)).isEmpty());
        // Nesterov with α = 1/L, β = (√κ−1)/(√κ+1): the slowest mode λ = μ has z² − (1+β)(1−1/κ)z + β(1−1/κ),
        // complex roots of modulus √(β(1 − 1/κ)).
        assertEquals(Math.sqrt(9.0 / 11 * 0.99), q.predictedRate(new Nesterov(0.01, 9.0 / 11)).getAsDouble(), 1e-13);
    }

    /** The B2 spectrum is 1 + 99(i−1)/49, i = 1..50: fifty distinct eigenvalues, κ = 100. */
    @Test
    void b2Spectrum() {
        QuadraticAnalysis q = QuadraticAnalysis.of(Benchmarks.b2()).orElseThrow();
        double[] eig = q.eigenvalues();
        for (int i = 0; i < 50; i++) {
            assertEquals(1 + 99.0 * i / 49, eig[i], 1e-12);
        }
        assertEquals(50, q.distinctEigenvalues());
    }

    @Test
    void indefiniteOrNonQuadraticFieldsHaveNoRates() {
        assertTrue(QuadraticAnalysis.of(new TestFields.Saddle()).isEmpty());
        QuadraticAnalysis q = QuadraticAnalysis.of(new QuadraticField(new double[][] {{2, 0}, {0, -1}}, new double[2], 0))
                .orElseThrow();
        assertFalse(q.positiveDefinite());
        assertTrue(q.conditionNumber().isEmpty());
        assertTrue(q.optimalStep().isEmpty());
        assertTrue(q.minimizer().isEmpty());
        assertTrue(q.minimumValue().isEmpty());
        assertTrue(q.predictedRate(new SteepestDescent()).isEmpty());
        // GD still has a spectral radius: max(|1 − 0.1·2|, |1 + 0.1|) = 1.1 > 1, the saddle repels.
        assertEquals(1.1, q.predictedRate(new GradientDescent(0.1)).getAsDouble(), 1e-15);
    }

    @Test
    void measuredRateNeedsATail() {
        Trajectory t = new Trajectory(new double[][] {{1}, {0.5}, {0.25}, {0.125}}, new double[4], new double[4]);
        assertEquals(0.5, QuadraticAnalysis.measuredRate(t, new double[] {0}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> QuadraticAnalysis.measuredRate(t, new double[] {0}, 2, 2));
        Trajectory exact = new Trajectory(new double[][] {{0}, {0}, {0}}, new double[3], new double[3]);
        assertThrows(CoreException.class, () -> QuadraticAnalysis.measuredRate(exact, new double[] {0}));
    }
}
