package org.fallline.core.linear;

import java.util.Arrays;

/**
 * The shape of a tensor-product grid of n₁ (× n₂ (× n₃)) unknowns in 1, 2 or 3 dimensions, numbered
 * lexicographically with the first axis fastest: node (i₁, i₂, i₃) has index i₁ + n₁(i₂ + n₂ i₃). This is the
 * layout {@link Multigrid} coarsens; the grid's spacing and boundary conditions live in the matrix, not here.
 */
public final class GridShape {

    private final int[] sizes;

    private GridShape(int... sizes) {
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("grid sizes must be at least 1, got " + Arrays.toString(sizes));
            }
        }
        long total = 1;
        for (int s : sizes) {
            total *= s;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid " + Arrays.toString(sizes) + " has more than 2³¹ unknowns");
        }
        this.sizes = sizes;
    }

    /** A 1-D grid of n₁ unknowns. */
    public static GridShape of(int n1) {
        return new GridShape(n1);
    }

    /** A 2-D grid of n₁ × n₂ unknowns. */
    public static GridShape of(int n1, int n2) {
        return new GridShape(n1, n2);
    }

    /** A 3-D grid of n₁ × n₂ × n₃ unknowns. */
    public static GridShape of(int n1, int n2, int n3) {
        return new GridShape(n1, n2, n3);
    }

    /** 1, 2 or 3. */
    public int dimensions() {
        return sizes.length;
    }

    /** The number of nodes along an axis (0-based). */
    public int size(int axis) {
        return sizes[axis];
    }

    /** The number of unknowns, n₁ n₂ n₃. */
    public int unknowns() {
        int total = 1;
        for (int s : sizes) {
            total *= s;
        }
        return total;
    }

    /** The index of node (i₁, i₂) in a 2-D grid. */
    public int index(int i1, int i2) {
        return i1 + sizes[0] * i2;
    }

    /** The index of node (i₁, i₂, i₃) in a 3-D grid. */
    public int index(int i1, int i2, int i3) {
        return i1 + sizes[0] * (i2 + sizes[1] * i3);
    }

    /** The shape with the given axis sizes, in the same number of dimensions. */
    GridShape withSizes(int[] newSizes) {
        return new GridShape(newSizes.clone());
    }

    int[] sizes() {
        return sizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridShape g && Arrays.equals(sizes, g.sizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            s.append(i == 0 ? "" : "×").append(sizes[i]);
        }
        return s.toString();
    }
}
