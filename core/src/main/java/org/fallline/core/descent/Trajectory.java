package org.fallline.core.descent;

import org.fallline.core.CoreException;

/**
 * The iterates x₀, x₁, …, x_K of a descent run with V(x_k) and ‖∇V(x_k)‖; index 0 is the start.
 *
 * <p>The arrays belong to this record once it is made (a long run holds many points, so they are not
 * copied); callers should treat them as read-only and use {@link #point(int)} for a private copy.
 *
 * @param points        points[k] = x_k
 * @param values        values[k] = V(x_k)
 * @param gradientNorms gradientNorms[k] = ‖∇V(x_k)‖
 */
public record Trajectory(double[][] points, double[] values, double[] gradientNorms) {

    /**
     * @throws CoreException if the arrays are empty or of different lengths
     */
    public Trajectory {
        if (points.length == 0) {
            throw new CoreException("a trajectory holds at least its starting point");
        }
        if (values.length != points.length || gradientNorms.length != points.length) {
            throw new CoreException("trajectory has " + points.length + " points, " + values.length
                    + " values and " + gradientNorms.length + " gradient norms");
        }
    }

    /** K + 1, the number of stored iterates including the start. */
    public int size() {
        return points.length;
    }

    /** K, the number of steps taken. */
    public int iterations() {
        return points.length - 1;
    }

    /** x_k, copied. */
    public double[] point(int k) {
        return points[k].clone();
    }

    /** V(x_k). */
    public double value(int k) {
        return values[k];
    }

    /** ‖∇V(x_k)‖. */
    public double gradientNorm(int k) {
        return gradientNorms[k];
    }

    /**
     * The first k with ‖x_k − target‖ ≤ radius, or −1 if the trajectory never comes that close.
     */
    public int firstWithin(double[] target, double radius) {
        for (int k = 0; k < points.length; k++) {
            if (org.fallline.core.internal.Vectors.distance(points[k], target) <= radius) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trajectory t && java.util.Arrays.deepEquals(points, t.points)
                && java.util.Arrays.equals(values, t.values) && java.util.Arrays.equals(gradientNorms, t.gradientNorms);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(points) * 31 + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Trajectory[" + size() + " iterates, V from " + values[0] + " to " + values[values.length - 1] + "]";
    }
}
