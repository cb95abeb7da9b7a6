package org.fallline.geometry;

/**
 * The outcome of a minimal-surface solve.
 *
 * @param surface the last iterate (the discrete minimal surface when converged)
 * @param iterations Newton iterations taken on the final mesh
 * @param converged whether the last Newton step was within the tolerance
 * @param lastStep max |Δu| of the last Newton step
 * @param linearIterations linear-solver iterations summed over the Newton steps (0 for a direct solver)
 * @param linearSolver the linear solver used, e.g. "mg-cg"
 * @param wallSeconds wall-clock time of the solve, mesh building excluded
 */
public record MinimalSurfaceResult(GraphSurface surface, int iterations, boolean converged, double lastStep,
                                   int linearIterations, String linearSolver, double wallSeconds) {
}
