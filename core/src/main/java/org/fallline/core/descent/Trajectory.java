package org.fallline.core.descent;

import org.fallline.core.CoreException;

/**
 * The iterates x₀, x₁, …, x_K of a descent run with V(x_k) and ‖∇V(x_k)‖; index 0 is the start.
 *
 * <p>Like every result in fallline that holds large data, the arrays are copied once when the record is made and
 * read through index accessors ({@link #point(int)}, {@link #coordinate(int, int)}, {@link #value(int)});
 * {@link #points()} returns a copy of them all.
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
        double[][] copy = new double[points.length][];
        for (int k = 0; k < points.length; k++) {
            copy[k] = points[k].clone();
        }
        points = copy;
        values = values.clone();
        gradientNorms = gradientNorms.clone();
    }

    /** Every x_k, copied (use {@link #point(int)} or {@link #coordinate(int, int)} to read a few). */
    @Override
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int k = 0; k < points.length; k++) {
            copy[k] = points[k].clone();
        }
        return copy;
    }

    /** Every V(x_k), copied. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Every ‖∇V(x_k)‖, copied. */
    @Override
    public double[] gradientNorms() {
        return gradientNorms.clone();
    }

    /** n, the number of coordinates of each iterate. */
    public int dimension() {
        return points[0].length;
    }

    /** The i-th coordinate of x_k. */
    public double coordinate(int k, int i) {
        return points[k][i];
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
