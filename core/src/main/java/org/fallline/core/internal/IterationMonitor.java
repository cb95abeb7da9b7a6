package org.fallline.core.internal;

import java.util.Arrays;
import org.fallline.core.CoreException;
import org.fallline.core.descent.StopReason;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.core.field.ScalarField;

/**
 * Decides when a descent run stops: convergence (‖∇V‖ ≤ tolerance), the iteration budget, or divergence
 * (a non-finite iterate, which is not accepted; |V| &gt; 10¹²(1 + |V₀|); ‖x‖ &gt; 10¹²(1 + ‖x₀‖); and for
 * fixed-step methods V above V₀ and rising for 50 consecutive steps). It keeps a few numbers, never the
 * iterates: recording them is an observer's business.
 */
public final class IterationMonitor {

    /** Growth factor beyond which an iterate counts as escaped to infinity. */
    private static final double ESCAPE = 1e12;
    /** Consecutive increases of V (above V₀) that mark a fixed-step method as unstable. */
    private static final int RISING_STEPS = 50;

    private final StoppingCriteria stop;
    private final boolean fixedStep;
    private final double valueBound;
    private final double pointBound;
    private final double v0;
    private final double norm0;
    private double previous;
    private double lastNorm;
    private int iterations;
    private int rising;

    /**
     * Evaluates the start.
     *
     * @param g0 filled with ∇V(x₀)
     * @throws CoreException if x₀ has the wrong dimension or V, ∇V are not finite there
     */
    public IterationMonitor(ScalarField f, double[] x0, double[] g0, StoppingCriteria stop, boolean fixedStep) {
        checkStart(f, x0);
        this.stop = stop;
        this.fixedStep = fixedStep;
        double v = f.gradient(x0, g0);
        if (!Double.isFinite(v) || !Vectors.finite(g0)) {
            throw new CoreException("V or its gradient is not finite at the starting point " + Arrays.toString(x0));
        }
        this.v0 = v;
        this.previous = v;
        this.norm0 = Vectors.norm(g0);
        this.lastNorm = norm0;
        this.valueBound = ESCAPE * (1 + Math.abs(v));
        this.pointBound = ESCAPE * (1 + Vectors.norm(x0));
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
        if (norm0 <= stop.tolerance()) {
            return StopReason.CONVERGED;
        }
        return stop.maxIterations() == 0 ? StopReason.MAX_ITERATIONS : null;
    }

    /** V(x₀). */
    public double startValue() {
        return v0;
    }

    /** ‖∇V(x₀)‖. */
    public double startGradientNorm() {
        return norm0;
    }

    /** Number of iterates accepted so far (steps taken). */
    public int iterations() {
        return iterations;
    }

    /** ‖∇V‖ at the last iterate accepted. */
    public double lastGradientNorm() {
        return lastNorm;
    }

    /**
     * Takes x_{k+1} with V and ∇V there and returns the stop reason, or null to go on. A non-finite iterate
     * is not accepted ({@link #iterations()} does not change) and stops the run as diverged.
     */
    public StopReason accept(double[] x, double v, double[] g) {
        if (!Double.isFinite(v) || !Vectors.finite(x) || !Vectors.finite(g)) {
            return StopReason.DIVERGED;
        }
        iterations++;
        double gradientNorm = Vectors.norm(g);
        lastNorm = gradientNorm;
        double before = previous;
        previous = v;
        if (gradientNorm <= stop.tolerance()) {
            return StopReason.CONVERGED;
        }
        if (Math.abs(v) > valueBound || Vectors.norm(x) > pointBound) {
            return StopReason.DIVERGED;
        }
        rising = v > before ? rising + 1 : 0;
        if (fixedStep && rising >= RISING_STEPS && v > v0) {
            return StopReason.DIVERGED;
        }
        return iterations >= stop.maxIterations() ? StopReason.MAX_ITERATIONS : null;
    }
}
