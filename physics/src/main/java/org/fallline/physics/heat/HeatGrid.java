package org.fallline.physics.heat;

import java.util.List;

/**
 * The unknowns of the finite-difference heat equation on [0, L]^d: a tensor grid, each axis with
 * its own nodes. With n interior points per side and h = L/(n + 1) the nodes of an axis are
 * x_j = j·h, j = 0 … n + 1; the interior nodes j = 1 … n are unknowns, and so is a boundary node on a
 * Neumann or Robin side (closed by a ghost point, LeVeque, <i>Finite Difference Methods for
 * Ordinary and Partial Differential Equations</i>, §2.12). A periodic axis has n points x_j = j·h,
 * j = 0 … n − 1, with h = L/n. Unknowns are numbered i₁ + m₁(i₂ + m₂ i₃) (x fastest).
 */
public final class HeatGrid {

    /**
     * One axis: {@code size} unknowns at x = (firstNode + i)·h.
     *
     * @param size      m, the number of unknowns on the axis
     * @param h         the spacing
     * @param firstNode the node index of the first unknown (0 when the low side is Neumann, Robin or periodic)
     * @param periodic  true for a periodic axis
     */
    public record Axis(int size, double h, int firstNode, boolean periodic) {
        /** The coordinate of unknown i. */
        public double coordinate(int i) {
            return (firstNode + i) * h;
        }
    }

    private final Axis[] axes;
    private final int points;

    HeatGrid(int dimension, int n, double length, List<BoundaryCondition> sides) {
        axes = new Axis[dimension];
        long total = 1;
        for (int a = 0; a < dimension; a++) {
            BoundaryCondition lo = sides.get(2 * a);
            BoundaryCondition hi = sides.get(2 * a + 1);
            if (lo.kind() == BoundaryCondition.Kind.PERIODIC) {
                axes[a] = new Axis(n, length / n, 0, true);
            } else {
                int m = n + (lo.nodeIsUnknown() ? 1 : 0) + (hi.nodeIsUnknown() ? 1 : 0);
                axes[a] = new Axis(m, length / (n + 1), lo.nodeIsUnknown() ? 0 : 1, false);
            }
            total *= axes[a].size();
        }
        points = total > Integer.MAX_VALUE ? -1 : (int) total;
        this.count = total;
    }

    private final long count;

    /** d. */
    public int dimension() {
        return axes.length;
    }

    /** Axis a. */
    public Axis axis(int a) {
        return axes[a];
    }

    /** The number of unknowns (−1 when it exceeds an int). */
    public int points() {
        return points;
    }

    /** The number of unknowns as a long. */
    public long count() {
        return count;
    }

    /** m_a, the unknowns on axis a. */
    public int size(int a) {
        return axes[a].size();
    }

    /** Fills {@code x} (length d) with the coordinates of unknown {@code index}. */
    public void coordinates(int index, double[] x) {
        int rest = index;
        for (int a = 0; a < axes.length; a++) {
            int m = axes[a].size();
            x[a] = axes[a].coordinate(rest % m);
            rest /= m;
        }
    }

    /** h^d, the volume of a cell. */
    public double cellVolume() {
        double v = 1;
        for (Axis a : axes) {
            v *= a.h();
        }
        return v;
    }

    /** "101 × 101 unknowns, h = 0.0099". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < axes.length; a++) {
            b.append(a == 0 ? "" : " x ").append(axes[a].size());
        }
        return b.append(" unknowns").toString();
    }
}
