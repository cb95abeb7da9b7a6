package org.fallline.geometry.internal;

import java.util.Arrays;

import org.fallline.geometry.TriangleMesh;

/**
 * The compressed-row sparsity pattern of a P1 stiffness-like matrix on the interior vertices of a mesh:
 * row i holds the unknowns sharing a triangle with unknown i (itself included), columns sorted. Built
 * by counting sort over the triangles' corner pairs, in memory linear in the number of triangles.
 */
public final class SparsePattern {

    final int[] rowStart;
    final int[] columns;

    private SparsePattern(int[] rowStart, int[] columns) {
        this.rowStart = rowStart;
        this.columns = columns;
    }

    /** The pattern of {@code mesh}'s interior-to-interior couplings. */
    public static SparsePattern of(TriangleMesh mesh) {
        int n = mesh.unknowns();
        int[] count = new int[n + 1];
        int nt = mesh.triangles();
        for (int t = 0; t < nt; t++) {
            for (int k = 0; k < 3; k++) {
                int i = mesh.unknown(mesh.corner(t, k));
                if (i < 0) {
                    continue;
                }
                for (int l = 0; l < 3; l++) {
                    if (mesh.unknown(mesh.corner(t, l)) >= 0) {
                        count[i + 1]++;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] raw = new int[count[n]];
        int[] fill = Arrays.copyOf(count, n);
        for (int t = 0; t < nt; t++) {
            for (int k = 0; k < 3; k++) {
                int i = mesh.unknown(mesh.corner(t, k));
                if (i < 0) {
                    continue;
                }
                for (int l = 0; l < 3; l++) {
                    int j = mesh.unknown(mesh.corner(t, l));
                    if (j >= 0) {
                        raw[fill[i]++] = j;
                    }
                }
            }
        }
        int[] rowStart = new int[n + 1];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int from = count[i];
            int to = count[i + 1];
            Arrays.sort(raw, from, to);
            rowStart[i] = m;
            int last = -1;
            for (int p = from; p < to; p++) {
                if (raw[p] != last) {
                    last = raw[p];
                    raw[m++] = last;
                }
            }
        }
        rowStart[n] = m;
        return new SparsePattern(rowStart, Arrays.copyOf(raw, m));
    }

    /** Number of rows. */
    public int rows() {
        return rowStart.length - 1;
    }

    /** Number of stored entries. */
    public int nonZeros() {
        return columns.length;
    }

    /** The start of row i in the column array; row i ends where row i + 1 starts. */
    public int rowStart(int i) {
        return rowStart[i];
    }

    /** The column of stored entry p. */
    public int column(int p) {
        return columns[p];
    }

    /** The position of entry (i, j) in the value array. */
    int position(int i, int j) {
        int p = rowStart[i];
        while (columns[p] != j) {
            p++;
        }
        return p;
    }
}
