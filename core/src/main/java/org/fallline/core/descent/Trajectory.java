package org.fallline.core.descent;

import org.fallline.core.CoreException;

/**
 * Iterates of a descent run with V and ‖∇V‖ there: all of x₀, x₁, …, x_K (a complete trajectory, what
 * {@link DescentMethod#minimize(org.fallline.core.field.ScalarField, double[], StoppingCriteria)} records), or
 * a selection of them that always holds the start x₀ and the last iterate x_K (what a
 * {@link TrajectoryRecorder} that keeps every m-th step records). Entry j is iterate number steps[j]; in a
 * complete trajectory entry k is x_k.
 *
 * <p>Like every result in fallline that holds large data, the arrays are copied once when the record is made and
 * read through index accessors ({@link #point(int)}, {@link #coordinate(int, int)}, {@link #value(int)});
 * {@link #points()} returns a copy of them all.
 *
 * @param steps         steps[j], the iteration number of entry j: 0 first, then increasing, K last
 * @param points        points[j] = x_{steps[j]}
 * @param values        values[j] = V(points[j])
 * @param gradientNorms gradientNorms[j] = ‖∇V(points[j])‖
 */
public record Trajectory(int[] steps, double[][] points, double[] values, double[] gradientNorms) {

    /**
     * @throws CoreException if the arrays are empty or of different lengths, or the steps do not start at 0
     *                       and increase
     */
    public Trajectory {
        if (points.length == 0) {
            throw new CoreException("a trajectory holds at least its starting point");
        }
        if (steps.length != points.length || values.length != points.length
                || gradientNorms.length != points.length) {
            throw new CoreException("trajectory has " + steps.length + " step numbers, " + points.length
                    + " points, " + values.length + " values and " + gradientNorms.length + " gradient norms");
        }
        if (steps[0] != 0) {
            throw new CoreException("a trajectory starts at step 0, not " + steps[0]);
        }
        for (int j = 1; j < steps.length; j++) {
            if (steps[j] <= steps[j - 1]) {
                throw new CoreException("trajectory step numbers must increase: " + steps[j - 1] + " then "
                        + steps[j]);
            }
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

    /**
     * The complete trajectory x₀, …, x_K (entry k is step k).
     *
     * @throws CoreException if the arrays are empty or of different lengths
     */
    public Trajectory(double[][] points, double[] values, double[] gradientNorms) {
        this(consecutive(points.length), points, values, gradientNorms);
    }

    private static int[] consecutive(int size) {
        int[] steps = new int[size];
        for (int k = 0; k < size; k++) {
            steps[k] = k;
        }
        return steps;
    }

    /** The number of stored iterates including the start: K + 1 when complete. */
    public int size() {
        return points.length;
    }

    /** K, the number of steps the run took (the step number of the last entry). */
    public int iterations() {
        return steps[steps.length - 1];
    }

    /** True when every iterate x₀, …, x_K is stored, so that entry k is x_k. */
    public boolean complete() {
        return steps.length == iterations() + 1;
    }

    /** The iteration number of entry j. */
    public int step(int j) {
        return steps[j];
    }

    /** Entry j's point (x_j when complete), copied. */
    public double[] point(int j) {
        return points[j].clone();
    }

    /** V at entry j. */
    public double value(int j) {
        return values[j];
    }

    /** ‖∇V‖ at entry j. */
    public double gradientNorm(int j) {
        return gradientNorms[j];
    }

    /** The last entry's point, x_K, copied. */
    public double[] lastPoint() {
        return point(points.length - 1);
    }

    /**
     * The first entry j with ‖points[j] − target‖ ≤ radius (for a complete trajectory, the first k with
     * ‖x_k − target‖ ≤ radius), or −1 if the trajectory never comes that close.
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
        return o instanceof Trajectory t && java.util.Arrays.equals(steps, t.steps)
                && java.util.Arrays.deepEquals(points, t.points)
                && java.util.Arrays.equals(values, t.values) && java.util.Arrays.equals(gradientNorms, t.gradientNorms);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(points) * 31 + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Trajectory[" + size() + " iterates of " + (iterations() + 1) + ", V from " + values[0] + " to " + values[values.length - 1] + "]";
    }
}
