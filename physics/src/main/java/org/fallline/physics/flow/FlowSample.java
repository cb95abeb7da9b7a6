package org.fallline.physics.flow;

/**
 * One point of a computed flow: the state at time t with V, |∇V| and the Lyapunov function.
 *
 * @param time         t
 * @param point        x(t)
 * @param velocity     x′(t): −∇V for the gradient flow, v for the heavy ball
 * @param value        V(x(t))
 * @param gradientNorm |∇V(x(t))|
 * @param energy       the Lyapunov function: V for the gradient flow, E = ½|v|² + V for the heavy ball
 */
public record FlowSample(double time, double[] point, double[] velocity, double value, double gradientNorm,
                         double energy) {

    public FlowSample {
        point = point.clone();
        velocity = velocity.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] velocity() {
        return velocity.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowSample s && Double.compare(time, s.time) == 0
                && java.util.Arrays.equals(point, s.point) && java.util.Arrays.equals(velocity, s.velocity);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(time) * 31 + java.util.Arrays.hashCode(point);
    }

    @Override
    public String toString() {
        return "FlowSample[t=" + time + ", x=" + java.util.Arrays.toString(point) + ", V=" + value + "]";
    }
}
