package org.fallline.physics.heat;

import java.util.List;

/**
 * What {@link HeatSolver#plan} decided before any work: the method that will run (for {@code auto},
 * the one it picked and why), the stiffness of the problem, and warnings to show the user before the
 * run (an adaptive explicit run predicted to take a huge number of steps).
 *
 * @param problem   the problem
 * @param options   the options
 * @param method    the method that will run: crank-nicolson, bdf2, tr-bdf2, radau5, spectral or explicit:NAME
 * @param reason    why this method (one sentence)
 * @param stiffness the stiffness figures
 * @param warnings  things to say before the run
 * @param bytes     the memory the run needs, estimated
 */
public record HeatPlan(HeatProblem problem, HeatOptions options, String method, String reason, Stiffness stiffness,
        List<String> warnings, long bytes) {

    public HeatPlan {
        warnings = List.copyOf(warnings);
    }
}
