package org.fallline.physics.flow;

/**
 * The step on which the Lyapunov function (V for the gradient flow, E = ½|v|² + V for the heavy ball)
 * increased along the computed flow by more than integration and rounding error allow.
 *
 * @param time    the end of the offending step
 * @param before  the Lyapunov function at the start of the step
 * @param after   at its end
 * @param allowed the increase the monitor would have tolerated
 */
public record LyapunovViolation(double time, double before, double after, double allowed) {

    /** after − before. */
    public double increase() {
        return after - before;
    }
}
