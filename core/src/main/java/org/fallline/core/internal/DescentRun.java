package org.fallline.core.internal;

import org.fallline.core.descent.DescentMethod;
import org.fallline.core.descent.DescentResult;
import org.fallline.core.descent.StepObserver;
import org.fallline.core.descent.StopReason;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.core.descent.Trajectory;
import org.fallline.core.field.ScalarField;

/**
 * One run of a descent method: the current iterate x_k with V(x_k) and ∇V(x_k), its {@link IterationMonitor},
 * its {@link StepObserver}, and the stop reason once there is one. The methods keep only their update rule: they
 * loop while {@link #going()}, compute x_{k+1} and hand it to {@link #moveTo(double[])}, which evaluates, checks
 * the stopping criteria and divergence, and shows the iterate to the observer. The run itself keeps only x₀ and
 * the last finite iterate, for its result.
 *
 * <p>{@link #x()} and {@link #gradient()} are the live arrays: read them, do not modify them. A new iterate
 * is always a new array, so an earlier x_k stays valid (the momentum methods keep x_{k−1}).
 */
public final class DescentRun {

    private final ScalarField f;
    /** ∇²V when it is constant (V quadratic), for exact decrease tests; computed on first use. */
    private double[][] constantHessian;
    private boolean constantHessianKnown;
    private final IterationMonitor monitor;
    private final StepObserver observer;
    private final double[] x0;
    private double[] x;
    private double v;
    private double[] g;
    /** The last finite iterate and V there (x itself may be a rejected, non-finite trial). */
    private double[] lastX;
    private double lastV;
    private StopReason reason;

    /**
     * Evaluates the start and shows it to the observer.
     *
     * @param fixedStep whether the method takes steps without a line search (see {@link IterationMonitor})
     * @throws org.fallline.core.CoreException if x₀ has the wrong dimension or V, ∇V are not finite there
     */
    public DescentRun(ScalarField f, double[] x0, StoppingCriteria stop, boolean fixedStep, StepObserver observer) {
        this.f = f;
        this.observer = observer;
        this.g = new double[f.dimension()];
        this.monitor = new IterationMonitor(f, x0, g, stop, fixedStep);
        this.reason = monitor.startStatus();
        this.x0 = x0.clone();
        this.x = x0.clone();
        this.v = monitor.startValue();
        this.lastX = x;
        this.lastV = v;
        observer.step(0, x, v, monitor.startGradientNorm());
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

    /** Number of steps taken so far. */
    public int iterations() {
        return monitor.iterations();
    }

    /** Ends the run with the given reason, without a further step. */
    public void stop(StopReason why) {
        reason = why;
    }

    /** Takes the step to y: evaluates V and ∇V there, checks the stopping criteria and shows y to the observer. */
    public void moveTo(double[] y) {
        x = y;
        v = f.gradient(x, g);
        accept();
    }

    /** Takes the step to y where V(y) = vy and ∇V(y) = gy are already known; gy becomes the live gradient. */
    public void moveTo(double[] y, double vy, double[] gy) {
        x = y;
        v = vy;
        g = gy;
        accept();
    }

    private void accept() {
        int before = monitor.iterations();
        reason = monitor.accept(x, v, g);
        if (monitor.iterations() > before) {
            lastX = x;
            lastV = v;
            observer.step(monitor.iterations(), x, v, monitor.lastGradientNorm());
        }
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

    /** The result of the method, with the ends x₀ and x_K of the trajectory (the observer saw the rest). */
    public DescentResult result(DescentMethod method) {
        int k = monitor.iterations();
        Trajectory ends = k == 0
                ? new Trajectory(new int[] {0}, new double[][] {x0}, new double[] {monitor.startValue()},
                        new double[] {monitor.startGradientNorm()})
                : new Trajectory(new int[] {0, k}, new double[][] {x0, lastX.clone()},
                        new double[] {monitor.startValue(), lastV},
                        new double[] {monitor.startGradientNorm(), monitor.lastGradientNorm()});
        return new DescentResult(method.name(), method.parameters(), ends, k, reason);
    }
}
