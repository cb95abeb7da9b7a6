package org.fallline.geometry.internal;

import java.util.Arrays;

/** A growable list of ints without boxing, for building meshes and sparse patterns. */
public final class IntList {

    private int[] data = new int[16];
    private int size;

    /** Appends v. */
    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, 2 * size);
        }
        data[size++] = v;
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** Element i. */
    public int get(int i) {
        return data[i];
    }

    /** A copy of the elements. */
    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
