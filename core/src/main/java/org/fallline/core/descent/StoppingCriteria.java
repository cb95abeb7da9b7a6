package org.fallline.core.descent;

import org.fallline.core.CoreException;

/**
 * When a descent run stops: as soon as ‖∇V(x_k)‖ ≤ tolerance (converged), or after maxIterations steps.
 *
 * @param tolerance     bound on the Euclidean norm of the gradient, finite and ≥ 0
 * @param maxIterations step budget, ≥ 0 (0 evaluates the start only)
 */
public record StoppingCriteria(double tolerance, int maxIterations) {

    /** ‖∇V‖ ≤ 1e-8 within 10 000 iterations. */
    public static final StoppingCriteria DEFAULT = new StoppingCriteria(1e-8, 10_000);

    /**
     * @throws CoreException if the tolerance is negative or not finite, or maxIterations is negative
     */
    public StoppingCriteria {
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new CoreException("gradient tolerance must be a finite number >= 0, got " + tolerance);
        }
        if (maxIterations < 0) {
            throw new CoreException("maximum number of iterations must be >= 0, got " + maxIterations);
        }
    }
}
