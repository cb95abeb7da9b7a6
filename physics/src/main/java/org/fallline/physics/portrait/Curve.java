package org.fallline.physics.portrait;

import java.util.Arrays;

/**
 * A traced orbit of a flow: points along it, spaced by arc length, from its start to where it stopped.
 * The points are copied once when the curve is made and read by index.
 *
 * @param points points[i], in order along the orbit
 * @param end    why the tracing stopped
 */
public record Curve(double[][] points, End end) {

    /** Why a traced orbit ends. */
    public enum End {
        /** It left the box. */
        LEFT_BOX("left the box"),
        /** It came within the stopping radius of an equilibrium. */
        EQUILIBRIUM("reached an equilibrium"),
        /** The time cap ran out first (a slow approach to an equilibrium). */
        TIME_CAP("time cap"),
        /** The integrator could not continue (V undefined or a blow-up inside the box). */
        FAILED("integration stopped");

        private final String label;

        End(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Curve {
        if (points.length == 0) {
            throw new IllegalArgumentException("a curve has at least its start");
        }
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i].clone();
        }
        points = copy;
    }

    /** All points, copied. */
    @Override
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i].clone();
        }
        return copy;
    }

    /** The number of points. */
    public int size() {
        return points.length;
    }

    /** Point i, copied. */
    public double[] point(int i) {
        return points[i].clone();
    }

    /** Coordinate j of point i. */
    public double coordinate(int i, int j) {
        return points[i][j];
    }

    /** The last point, copied. */
    public double[] last() {
        return points[points.length - 1].clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && end == c.end && Arrays.deepEquals(points, c.points);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(points) * 31 + end.hashCode();
    }

    @Override
    public String toString() {
        return "Curve[" + points.length + " points, " + end.label() + " at " + Arrays.toString(last()) + "]";
    }
}
