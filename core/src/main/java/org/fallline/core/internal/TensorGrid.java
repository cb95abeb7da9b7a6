package org.fallline.core.internal;

/**
 * A walk over the nodes from, …, to − 1 of a tensor grid x₁ᵃ × x₂ᵇ × … in lexicographic order with the
 * first axis fastest (node (i₁, i₂, i₃) is number i₁ + n₁(i₂ + n₂ i₃)), keeping the current node's
 * coordinates in one array: each step changes the first coordinate and, at the end of a row, carries
 * into the next, as an odometer does.
 */
public final class TensorGrid {

    private final double[][] axes;
    private final int[] index;
    private final double[] x;

    /**
     * Starts at node {@code from}.
     *
     * @throws IllegalArgumentException if there are not n axes, an axis is empty, or the range is not
     *                                  within the grid
     */
    public TensorGrid(double[][] axes, int n, int from, int to) {
        int nodes = nodes(axes, n);
        if (from < 0 || from > to || to > nodes) {
            throw new IllegalArgumentException("node range [" + from + ", " + to + ") is not within the grid's "
                    + nodes + " nodes");
        }
        this.axes = axes;
        this.index = new int[n];
        this.x = new double[n];
        int rest = from;
        for (int i = 0; i < n; i++) {
            int m = axes[i].length;
            index[i] = rest % m;
            rest /= m;
            // past the last node (from = to = nodes) the index wraps to 0: it is never read
            x[i] = axes[i][index[i]];
        }
    }

    /**
     * Π axes[i].length, the number of nodes.
     *
     * @throws IllegalArgumentException if there are not n axes, an axis is empty, or the grid has more
     *                                  than 2³¹ − 1 nodes
     */
    public static int nodes(double[][] axes, int n) {
        if (axes.length != n) {
            throw new IllegalArgumentException("the grid has " + axes.length + " axes; the field has " + n
                    + " variables");
        }
        long nodes = 1;
        for (int i = 0; i < n; i++) {
            if (axes[i].length == 0) {
                throw new IllegalArgumentException("axis " + (i + 1) + " of the grid has no coordinates");
            }
            nodes *= axes[i].length;
            if (nodes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the grid has more than " + Integer.MAX_VALUE + " nodes");
            }
        }
        return (int) nodes;
    }

    /** The coordinates of the current node (a live array: read it, do not modify it). */
    public double[] point() {
        return x;
    }

    /** Moves to the next node. */
    public void advance() {
        for (int i = 0; i < index.length; i++) {
            double[] axis = axes[i];
            if (++index[i] < axis.length) {
                x[i] = axis[index[i]];
                return;
            }
            index[i] = 0;
            x[i] = axis[0];
        }
    }
}
