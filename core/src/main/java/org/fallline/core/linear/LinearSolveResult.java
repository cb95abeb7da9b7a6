package org.fallline.core.linear;

/**
 * The outcome of an iterative solve of A x = b: the number of iterations (CG steps or multigrid cycles), the
 * final residual ‖b − A x‖₂ (recomputed from x, not the recursively updated one), the relative residual
 * ‖b − A x‖₂ / ‖b‖₂ (the residual itself when b = 0), and whether the requested tolerance was met.
 *
 * @param iterations       iterations taken
 * @param residualNorm     ‖b − A x‖₂ at the returned x
 * @param relativeResidual ‖b − A x‖₂ / ‖b‖₂
 * @param converged        whether relativeResidual ≤ the requested tolerance
 */
public record LinearSolveResult(int iterations, double residualNorm, double relativeResidual, boolean converged) {
}
