package org.fallline.core.descent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.fallline.core.field.QuadraticField;
import org.junit.jupiter.api.Test;

/** Step observers see every iterate; the recorder keeps what it is asked to, the run nothing but the ends. */
class StepObserverTest {

    /** V = ½(x² + 4y²): gradient descent with step η contracts x by 1 − η and y by 1 − 4η per step. */
    private static final QuadraticField V = new QuadraticField(new double[][] {{1, 0}, {0, 4}}, new double[2], 0.0);

    /** Everything an observer is shown, copied. */
    private static final class Log implements StepObserver {
        final List<Integer> steps = new ArrayList<>();
        final List<double[]> points = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        final List<Double> norms = new ArrayList<>();

        @Override
        public void step(int k, double[] x, double value, double gradientNorm) {
            steps.add(k);
            points.add(x.clone());
            values.add(value);
            norms.add(gradientNorm);
        }
    }

    @Test
    void gradientDescentOnAQuadraticShowsEveryIterate() {
        // x_k = 0.8^k, y_k = 0.2^k with η = 0.2; ‖∇V‖ = ‖(x_k, 4y_k)‖ ≤ 1e-8 first at k = ⌈ln 1e-8 / ln 0.8⌉ = 83
        Log log = new Log();
        DescentResult r = new GradientDescent(0.2).minimize(V, new double[] {1, 1}, new StoppingCriteria(1e-8, 1000),
                log);
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertEquals(83, r.iterations());
        assertEquals(84, log.steps.size());
        for (int k = 0; k <= 83; k++) {
            assertEquals(k, log.steps.get(k));
            double x = Math.pow(0.8, k);
            double y = Math.pow(0.2, k);
            assertArrayEquals(new double[] {x, y}, log.points.get(k), 1e-14 * x);
            assertEquals(0.5 * (x * x + 4 * y * y), log.values.get(k), 1e-14 * x * x);
            assertEquals(Math.hypot(x, 4 * y), log.norms.get(k), 1e-14 * x);
        }
        // the run kept only the ends
        Trajectory ends = r.trajectory();
        assertEquals(2, ends.size());
        assertFalse(ends.complete());
        assertEquals(0, ends.step(0));
        assertEquals(83, ends.step(1));
        assertArrayEquals(log.points.get(83), r.finalPoint(), 0.0);
        assertEquals(log.values.get(83), r.finalValue(), 0.0);
        assertEquals(log.norms.get(83), r.finalGradientNorm(), 0.0);
    }

    @Test
    void everyMethodShowsTheObserverTheTrajectoryItRecords() {
        double[] x0 = {1.5, -0.75};
        StoppingCriteria stop = new StoppingCriteria(1e-9, 500);
        for (DescentAlgorithm algorithm : DescentAlgorithm.values()) {
            DescentMethod method = DescentDefaults.create(algorithm, V, x0, OptionalDouble.empty(),
                    OptionalDouble.empty());
            DescentResult complete = method.minimize(V, x0, stop);
            Log log = new Log();
            DescentResult watched = method.minimize(V, x0, stop, log);
            Trajectory t = complete.trajectory();
            assertTrue(t.complete(), algorithm.label());
            assertEquals(complete.iterations(), watched.iterations(), algorithm.label());
            assertEquals(complete.stopReason(), watched.stopReason(), algorithm.label());
            assertEquals(t.size(), log.steps.size(), algorithm.label());
            for (int k = 0; k < t.size(); k++) {
                assertEquals(k, log.steps.get(k), algorithm.label());
                assertArrayEquals(t.point(k), log.points.get(k), 0.0, algorithm.label() + " step " + k);
                assertEquals(t.value(k), log.values.get(k), 0.0, algorithm.label());
                assertEquals(t.gradientNorm(k), log.norms.get(k), 0.0, algorithm.label());
            }
            assertArrayEquals(complete.finalPoint(), watched.finalPoint(), 0.0, algorithm.label());
        }
    }

    @Test
    void recorderKeepsEveryMthIterateAndTheLast() {
        double[] x0 = {1, 1};
        StoppingCriteria stop = new StoppingCriteria(1e-8, 1000);
        Trajectory all = new GradientDescent(0.2).minimize(V, x0, stop).trajectory();
        TrajectoryRecorder every10 = TrajectoryRecorder.every(10);
        new GradientDescent(0.2).minimize(V, x0, stop, every10);
        Trajectory some = every10.trajectory();
        assertEquals(10, some.size());
        for (int j = 0; j < 9; j++) {
            assertEquals(10 * j, some.step(j));
            assertArrayEquals(all.point(10 * j), some.point(j), 0.0);
            assertEquals(all.value(10 * j), some.value(j), 0.0);
        }
        assertEquals(83, some.step(9));
        assertEquals(83, some.iterations());
        assertArrayEquals(all.point(83), some.lastPoint(), 0.0);
        TrajectoryRecorder everyStep = TrajectoryRecorder.everyStep();
        new GradientDescent(0.2).minimize(V, x0, stop, everyStep);
        assertEquals(all, everyStep.trajectory());
        assertThrows(IllegalArgumentException.class, () -> TrajectoryRecorder.every(0));
        // a rate needs every iterate
        assertThrows(IllegalArgumentException.class, () -> QuadraticAnalysis.measuredRate(some, new double[2]));
    }

    @Test
    void divergedRunShowsOnlyFiniteIterates() {
        // η = 0.6 > 2/L = 0.5: y grows by |1 − 2.4| = 1.4 per step until |V| passes 10¹²(1 + V₀)
        Log log = new Log();
        DescentResult r = new GradientDescent(0.6).minimize(V, new double[] {1, 1}, StoppingCriteria.DEFAULT, log);
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertEquals(r.iterations() + 1, log.steps.size());
        for (double[] x : log.points) {
            assertTrue(Double.isFinite(x[0]) && Double.isFinite(x[1]));
        }
        assertArrayEquals(log.points.get(log.points.size() - 1), r.finalPoint(), 0.0);
    }
}
