package org.fallline.core.linear;

import java.util.Arrays;

/**
 * The reverse Cuthill–McKee ordering of a symmetric sparsity pattern: breadth-first search from a
 * pseudo-peripheral node (George &amp; Liu's heuristic: repeat the search from a node of the last level),
 * neighbours visited by increasing degree, the order reversed. It reduces the profile of the matrix, so the
 * Cholesky factor fills only inside the envelope (A. George and J. W. H. Liu, <i>Computer Solution of Large
 * Sparse Positive Definite Systems</i>, Prentice-Hall 1981, §4.3). EJML's sparse Cholesky has no ordering that
 * reduces fill, so this one is supplied to it.
 */
final class ReverseCuthillMcKee {

    private ReverseCuthillMcKee() {
    }

    /** perm[k] = the original index of the node placed k-th. */
    static int[] order(CsrMatrix a) {
        int n = a.rows;
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            degree[i] = a.rowStart[i + 1] - a.rowStart[i];
        }
        int[] perm = new int[n];
        boolean[] placed = new boolean[n];
        int[] level = new int[n];
        int[] queue = new int[n];
        int filled = 0;
        for (int seed = 0; seed < n; seed++) {
            if (placed[seed]) {
                continue;
            }
            int start = peripheral(a, seed, placed, level, queue);
            placed[start] = true;
            perm[filled] = start;
            int head = filled;
            filled++;
            while (head < filled) {
                int v = perm[head++];
                int from = filled;
                for (int k = a.rowStart[v]; k < a.rowStart[v + 1]; k++) {
                    int w = a.columns[k];
                    if (!placed[w]) {
                        placed[w] = true;
                        perm[filled++] = w;
                    }
                }
                sortByDegree(perm, from, filled, degree);
            }
        }
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** A node far from {@code seed} in its component: a few breadth-first searches, each from the last level. */
    private static int peripheral(CsrMatrix a, int seed, boolean[] placed, int[] level, int[] queue) {
        int node = seed;
        int eccentricity = -1;
        for (int round = 0; round < 4; round++) {
            Arrays.fill(level, -1);
            int head = 0;
            int tail = 0;
            queue[tail++] = node;
            level[node] = 0;
            int last = node;
            while (head < tail) {
                int v = queue[head++];
                last = v;
                for (int k = a.rowStart[v]; k < a.rowStart[v + 1]; k++) {
                    int w = a.columns[k];
                    if (!placed[w] && level[w] < 0) {
                        level[w] = level[v] + 1;
                        queue[tail++] = w;
                    }
                }
            }
            if (level[last] <= eccentricity) {
                break;
            }
            eccentricity = level[last];
            node = last;
        }
        return node;
    }

    private static void sortByDegree(int[] perm, int from, int to, int[] degree) {
        for (int i = from + 1; i < to; i++) {
            int v = perm[i];
            int j = i - 1;
            while (j >= from && degree[perm[j]] > degree[v]) {
                perm[j + 1] = perm[j];
                j--;
            }
            perm[j + 1] = v;
        }
    }
}
