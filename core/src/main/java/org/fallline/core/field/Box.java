package org.fallline.core.field;

import org.fallline.core.CoreException;

/**
 * An axis-aligned box [lo₁, hi₁] × … × [loₙ, hiₙ] in ℝⁿ: the region in which equilibria are sought.
 *
 * <p>The arrays are copied on the way in and out.
 *
 * @param lower lo, finite
 * @param upper hi, finite, loᵢ &lt; hiᵢ for every coordinate
 */
public record Box(double[] lower, double[] upper) {

    /**
     * @throws CoreException if the dimensions differ, a bound is not finite or loᵢ ≥ hiᵢ (naming the coordinate)
     */
    public Box {
        if (lower.length != upper.length) {
            throw new CoreException("box has " + lower.length + " lower and " + upper.length + " upper bounds");
        }
        if (lower.length == 0) {
            throw new CoreException("box needs at least one coordinate");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new CoreException("box coordinate " + (i + 1) + " has a non-finite bound ["
                        + lower[i] + ", " + upper[i] + "]");
            }
            if (!(lower[i] < upper[i])) {
                throw new CoreException("box coordinate " + (i + 1) + " needs LO < HI, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * The box with names for the error messages: as {@link #Box(double[], double[])} but an error names the
     * variable instead of its index.
     */
    public static Box of(ScalarField field, double[] lower, double[] upper) {
        int n = field.dimension();
        if (lower.length != n || upper.length != n) {
            throw new CoreException("box has " + lower.length + " lower and " + upper.length
                    + " upper bounds, expected " + n + " (one per variable " + field.variables() + ")");
        }
        for (int i = 0; i < n; i++) {
            String name = field.variables().get(i);
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new CoreException("box bound for " + name + " is not finite: [" + lower[i] + ", "
                        + upper[i] + "]");
            }
            if (!(lower[i] < upper[i])) {
                throw new CoreException("box bound for " + name + " needs LO < HI, got [" + lower[i] + ", "
                        + upper[i] + "]");
            }
        }
        return new Box(lower, upper);
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** n. */
    public int dimension() {
        return lower.length;
    }

    /** hiᵢ − loᵢ. */
    public double width(int i) {
        return upper[i] - lower[i];
    }

    /** True when loᵢ ≤ xᵢ ≤ hiᵢ for every i. */
    public boolean contains(double[] x) {
        checkDimension(x);
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    /** The nearest point of the box to x (coordinate-wise clipping), in a new array. */
    public double[] project(double[] x) {
        checkDimension(x);
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return p;
    }

    /** The point lo + u ∘ (hi − lo) for u in the unit cube. */
    public double[] fromUnitCube(double[] u) {
        checkDimension(u);
        double[] p = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            p[i] = lower[i] + u[i] * (upper[i] - lower[i]);
        }
        return p;
    }

    private void checkDimension(double[] x) {
        if (x.length != lower.length) {
            throw new CoreException("point has " + x.length + " coordinates, the box has " + lower.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box other && java.util.Arrays.equals(lower, other.lower)
                && java.util.Arrays.equals(upper, other.upper);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(lower) + java.util.Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Box[");
        for (int i = 0; i < lower.length; i++) {
            s.append(i == 0 ? "" : " × ").append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        return s.append(']').toString();
    }
}
