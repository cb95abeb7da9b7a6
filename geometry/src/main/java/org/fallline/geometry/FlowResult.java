package org.fallline.geometry;

import java.util.List;

/**
 * The outcome of a mean curvature flow run.
 *
 * @param surface the surface at the final time
 * @param steps time steps taken
 * @param time the final time
 * @param stationary whether the flow came to rest (max |u_t| within the tolerance) before the end time
 * @param snapshots the surfaces at the requested times, in time order
 * @param areaIncreases the number of steps where the area increased beyond rounding (0 for a correct run)
 * @param maxAreaIncrease the largest such increase (0 if none)
 * @param initialArea the area of the starting surface
 * @param wallSeconds wall-clock time of the run
 */
public record FlowResult(GraphSurface surface, int steps, double time, boolean stationary, List<FlowSnapshot> snapshots,
                         int areaIncreases, double maxAreaIncrease, double initialArea, double wallSeconds) {

    /** The record with the snapshot list copied (unmodifiable). */
    public FlowResult {
        snapshots = List.copyOf(snapshots);
    }
}
