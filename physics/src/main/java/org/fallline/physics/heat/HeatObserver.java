package org.fallline.physics.heat;

/**
 * Watches a heat-equation run, whatever the method: the implicit steppers, the Hipparchus
 * integrators (through their step handler) and the exact-in-time path all call it at t = 0 and at
 * the end of every accepted step (the exact path at the output times only). The state is lent, not
 * given: copy what you keep.
 */
@FunctionalInterface
public interface HeatObserver {

    /** The state u at time t, on the unknowns of the grid. */
    void step(double t, double[] u);

    /** Observes nothing. */
    static HeatObserver none() {
        return (t, u) -> { };
    }
}
