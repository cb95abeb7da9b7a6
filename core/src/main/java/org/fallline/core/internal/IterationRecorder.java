package org.fallline.core.internal;

import java.util.Arrays;
import java.util.Map;
import org.fallline.core.CoreException;
import org.fallline.core.descent.DescentResult;
import org.fallline.core.field.ScalarField;
import org.fallline.core.descent.StopReason;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.core.descent.Trajectory;

/**
 * Records the iterates of a descent run and decides when it stops: convergence (‖∇V‖ ≤ tolerance), the
 * iteration budget, or divergence (a non-finite iterate, which is not recorded; |V| &gt; 10¹²(1 + |V₀|);
 * ‖x‖ &gt; 10¹²(1 + ‖x₀‖); and for fixed-step methods V above V₀ and rising for 50 consecutive steps).
 */
public final class IterationRecorder {

    /** Growth factor beyond which an iterate counts as escaped to infinity. */
    private static final double ESCAPE = 1e12;
    /** Consecutive increases of V (above V₀) that mark a fixed-step method as unstable. */
    private static final int RISING_STEPS = 50;

    private final StoppingCriteria stop;
    private final boolean fixedStep;
    private final double valueBound;
    private final double pointBound;
    private final double v0;
    private double[][] points;
    private double[] values;
    private double[] norms;
    private int size;
    private int rising;

    /**
     * Evaluates and records the start.
     *
     * @param g0 filled with ∇V(x₀)
     * @throws CoreException if x₀ has the wrong dimension or V, ∇V are not finite there
     */
    public IterationRecorder(ScalarField f, double[] x0, double[] g0, StoppingCriteria stop, boolean fixedStep) {
        checkStart(f, x0);
        this.stop = stop;
        this.fixedStep = fixedStep;
        double v = f.gradient(x0, g0);
        if (!Double.isFinite(v) || !Vectors.finite(g0)) {
            throw new CoreException("V or its gradient is not finite at the starting point " + Arrays.toString(x0));
        }
        this.v0 = v;
        this.valueBound = ESCAPE * (1 + Math.abs(v));
        this.pointBound = ESCAPE * (1 + Vectors.norm(x0));
        int capacity = Math.min(stop.maxIterations(), 1024) + 1;
        points = new double[capacity][];
        values = new double[capacity];
        norms = new double[capacity];
        add(x0, v, Vectors.norm(g0));
    }

    /** Checks that x₀ has the field's dimension and finite coordinates. */
    public static void checkStart(ScalarField f, double[] x0) {
        if (x0.length != f.dimension()) {
            throw new CoreException("starting point has " + x0.length + " coordinates, expected " + f.dimension()
                    + " " + f.variables());
        }
        if (!Vectors.finite(x0)) {
            throw new CoreException("starting point is not finite: " + Arrays.toString(x0));
        }
    }

    /** The stop reason at the start (converged already, or a zero budget), or null to go on. */
    public StopReason startStatus() {
        if (norms[0] <= stop.tolerance()) {
            return StopReason.CONVERGED;
        }
        return stop.maxIterations() == 0 ? StopReason.MAX_ITERATIONS : null;
    }

    /** V(x₀). */
    public double startValue() {
        return v0;
    }

    /** Number of steps recorded so far. */
    public int iterations() {
        return size - 1;
    }

    /**
     * Records x_{k+1} with V and ∇V there (unless it is not finite) and returns the stop reason, or null to
     * go on. The arrays are copied.
     */
    public StopReason accept(double[] x, double v, double[] g) {
        if (!Double.isFinite(v) || !Vectors.finite(x) || !Vectors.finite(g)) {
            return StopReason.DIVERGED;
        }
        double previous = values[size - 1];
        double gradientNorm = Vectors.norm(g);
        add(x.clone(), v, gradientNorm);
        if (gradientNorm <= stop.tolerance()) {
            return StopReason.CONVERGED;
        }
        if (Math.abs(v) > valueBound || Vectors.norm(x) > pointBound) {
            return StopReason.DIVERGED;
        }
        rising = v > previous ? rising + 1 : 0;
        if (fixedStep && rising >= RISING_STEPS && v > v0) {
            return StopReason.DIVERGED;
        }
        return iterations() >= stop.maxIterations() ? StopReason.MAX_ITERATIONS : null;
    }

    /** The result with the iterates recorded so far. */
    public DescentResult result(String method, Map<String, Double> parameters, StopReason reason) {
        Trajectory t = new Trajectory(Arrays.copyOf(points, size), Arrays.copyOf(values, size),
                Arrays.copyOf(norms, size));
        return new DescentResult(method, parameters, t, size - 1, reason);
    }

    private void add(double[] x, double v, double gradientNorm) {
        if (size == points.length) {
            int capacity = (int) Math.min((long) stop.maxIterations() + 1, 2L * size);
            points = Arrays.copyOf(points, capacity);
            values = Arrays.copyOf(values, capacity);
            norms = Arrays.copyOf(norms, capacity);
        }
        points[size] = x;
        values[size] = v;
        norms[size] = gradientNorm;
        size++;
    }
}
