package org.fallline.core.descent;

/**
 * Watches a descent run step by step, as a step handler watches an ODE integration: called once with the
 * start x₀ (k = 0) and once with every iterate x_k the run accepts, in order, with V(x_k) and ‖∇V(x_k)‖.
 * A non-finite trial point is not an iterate: the run stops as diverged without passing it on.
 *
 * <p>Nothing is copied for the observer: {@code x} is the run's own array, valid during the call only (a
 * method may reuse it for the next iterate). Read it, do not modify it, and copy what you keep — as
 * {@link TrajectoryRecorder} does for the iterates it records — so that a run of a million unknowns costs
 * no more memory than its observer chooses to spend.
 */
@FunctionalInterface
public interface StepObserver {

    /**
     * One iterate.
     *
     * @param k            the iteration number, 0 for the start
     * @param x            x_k (the run's array: read only, during this call)
     * @param value        V(x_k)
     * @param gradientNorm ‖∇V(x_k)‖
     */
    void step(int k, double[] x, double value, double gradientNorm);
}
