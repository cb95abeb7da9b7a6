package org.fallline.core.internal;

import org.fallline.core.descent.DescentMethod;
import org.fallline.core.descent.DescentResult;
import org.fallline.core.field.ScalarField;
import org.fallline.core.descent.StopReason;
import org.fallline.core.descent.StoppingCriteria;

/**
 * One run of a descent method: the current iterate x_k with V(x_k) and ∇V(x_k), its {@link IterationRecorder},
 * and the stop reason once there is one. The methods keep only their update rule: they loop while
 * {@link #going()}, compute x_{k+1} and hand it to {@link #moveTo(double[])}, which evaluates, records and
 * checks the stopping criteria and divergence.
 *
 * <p>{@link #x()} and {@link #gradient()} are the live arrays: read them, do not modify them. A new iterate
 * is always a new array, so an earlier x_k stays valid (the momentum methods keep x_{k−1}).
 */
public final class DescentRun {

    private final ScalarField f;
    /** ∇²V when it is constant (V quadratic), for exact decrease tests; computed on first use. */
    private double[][] constantHessian;
    private boolean constantHessianKnown;
    private final IterationRecorder rec;
    private double[] x;
    private double v;
    private double[] g;
    private StopReason reason;

    /**
     * Evaluates and records the start.
     *
     * @param fixedStep whether the method takes steps without a line search (see {@link IterationRecorder})
     * @throws org.fallline.core.CoreException if x₀ has the wrong dimension or V, ∇V are not finite there
     */
    public DescentRun(ScalarField f, double[] x0, StoppingCriteria stop, boolean fixedStep) {
        this.f = f;
        this.g = new double[f.dimension()];
        this.rec = new IterationRecorder(f, x0, g, stop, fixedStep);
        this.reason = rec.startStatus();
        this.x = x0.clone();
        this.v = rec.startValue();
    }

    /** ∇²V when the field says it is constant (V quadratic), otherwise null. */
    public double[][] constantHessian() {
        // fixed-step methods never ask, so they pay for no Hessian
        if (!constantHessianKnown) {
            constantHessian = f.hasConstantHessian() ? SymmetricEigen.symmetrise(f.hessian(x)) : null;
            constantHessianKnown = true;
        }
        return constantHessian;
    }

    /** Whether the run goes on (no stop reason yet). */
    public boolean going() {
        return reason == null;
    }

    /** x_k (live array). */
    public double[] x() {
        return x;
    }

    /** V(x_k). */
    public double value() {
        return v;
    }

    /** ∇V(x_k) (live array). */
    public double[] gradient() {
        return g;
    }

    /** Number of steps recorded so far. */
    public int iterations() {
        return rec.iterations();
    }

    /** Ends the run with the given reason, without a further step. */
    public void stop(StopReason why) {
        reason = why;
    }

    /** Takes the step to y: evaluates V and ∇V there, records y and sets the stop reason if it is reached. */
    public void moveTo(double[] y) {
        x = y;
        v = f.gradient(x, g);
        reason = rec.accept(x, v, g);
    }

    /** Takes the step to y where V(y) = vy and ∇V(y) = gy are already known; gy becomes the live gradient. */
    public void moveTo(double[] y, double vy, double[] gy) {
        x = y;
        v = vy;
        g = gy;
        reason = rec.accept(x, v, g);
    }

    /**
     * Armijo backtracking along d from the trial step t₀ (see {@link LineSearch#armijo}), then the step to
     * x + t d; a stall when no step decreases V.
     *
     * @param slope ∇V(x)ᵀd, negative
     */
    public void backtrack(double[] d, double slope, double t0, double c1, double shrink) {
        double t = LineSearch.armijo(f, x, v, slope, d, t0, c1, shrink, constantHessian());
        if (t == 0) {
            stop(StopReason.STALLED);
        } else {
            moveTo(LineSearch.along(x, t, d));
        }
    }

    /** The result of the method with the iterates recorded so far. */
    public DescentResult result(DescentMethod method) {
        return rec.result(method.name(), method.parameters(), reason);
    }
}
