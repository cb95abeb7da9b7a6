package org.fallline.geometry;

/**
 * The flowing surface at one time.
 *
 * @param time the time t
 * @param surface the surface u(·, t)
 * @param area its discrete area
 */
public record FlowSnapshot(double time, GraphSurface surface, double area) {
}
