package org.fallline.physics.heat;

/**
 * The result of a heat-equation run: the state at each output time with its invariants (the discrete
 * energy, the total heat Σ w u h^d and max|u|), the method and its work, the stiffness, the wall time
 * of the solve, the change in total heat (meaningful when it is conserved) and, when an exact
 * solution was given, the largest error at the final time.
 *
 * @param grid        the grid of unknowns
 * @param method      the method that ran
 * @param reason      why it was chosen
 * @param times       the output times
 * @param states      u at each output time (on the unknowns of the grid)
 * @param energy      the discrete energy at each output time
 * @param totalHeat   Σ w u h^d at each output time
 * @param maxAbs      max|u| at each output time
 * @param steps       accepted time steps (0 for the exact-in-time path)
 * @param rejected    rejected steps of the adaptive methods
 * @param work        right-hand-side evaluations (explicit), line sweeps or solves (implicit), transforms (spectral)
 * @param stiffness   the stiffness figures
 * @param wallSeconds the time spent solving
 * @param heatDrift   totalHeat at T minus at 0
 * @param maxError    max|u − exact| at T, or NaN without an exact solution
 */
public record HeatSolution(HeatGrid grid, String method, String reason, double[] times, double[][] states,
        double[] energy, double[] totalHeat, double[] maxAbs, int steps, int rejected, long work, Stiffness stiffness,
        double wallSeconds, double heatDrift, double maxError) {

    /** The state at the final time. */
    public double[] finalState() {
        return states[states.length - 1].clone();
    }
}
