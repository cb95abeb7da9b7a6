package org.fallline.core.linear;

import java.util.Arrays;

/**
 * Sparse matrix products and sums on CSR matrices: Gustavson's algorithm (F. G. Gustavson, Two fast algorithms
 * for sparse matrices: multiplication and permuted transposition, ACM TOMS 4 (1978) 250–269), and the merge of
 * two sorted row patterns.
 */
final class SparseProducts {

    private SparseProducts() {
    }

    static CsrMatrix product(CsrMatrix a, CsrMatrix b) {
        int n = a.rows;
        int m = b.cols;
        int[] marker = new int[m];
        Arrays.fill(marker, -1);
        double[] acc = new double[m];
        int[] start = new int[n + 1];
        int capacity = Math.max(16, a.nonZeros() + b.nonZeros());
        int[] col = new int[capacity];
        double[] val = new double[capacity];
        int w = 0;
        for (int i = 0; i < n; i++) {
            start[i] = w;
            for (int ka = a.rowStart[i]; ka < a.rowStart[i + 1]; ka++) {
                int k = a.columns[ka];
                double aik = a.values[ka];
                for (int kb = b.rowStart[k]; kb < b.rowStart[k + 1]; kb++) {
                    int j = b.columns[kb];
                    if (marker[j] != i) {
                        marker[j] = i;
                        acc[j] = aik * b.values[kb];
                        if (w == col.length) {
                            col = Arrays.copyOf(col, 2 * w);
                            val = Arrays.copyOf(val, 2 * w);
                        }
                        col[w++] = j;
                    } else {
                        acc[j] += aik * b.values[kb];
                    }
                }
            }
            Arrays.sort(col, start[i], w);
            for (int p = start[i]; p < w; p++) {
                val[p] = acc[col[p]];
            }
        }
        start[n] = w;
        return new CsrMatrix(n, m, start, Arrays.copyOf(col, w), Arrays.copyOf(val, w));
    }

    static CsrMatrix linearCombination(double alpha, CsrMatrix a, double beta, CsrMatrix b) {
        int n = a.rows;
        int[] start = new int[n + 1];
        int[] col = new int[a.nonZeros() + b.nonZeros()];
        double[] val = new double[col.length];
        int w = 0;
        for (int i = 0; i < n; i++) {
            start[i] = w;
            int p = a.rowStart[i];
            int pe = a.rowStart[i + 1];
            int q = b.rowStart[i];
            int qe = b.rowStart[i + 1];
            while (p < pe || q < qe) {
                int ja = p < pe ? a.columns[p] : Integer.MAX_VALUE;
                int jb = q < qe ? b.columns[q] : Integer.MAX_VALUE;
                if (ja == jb) {
                    col[w] = ja;
                    val[w++] = alpha * a.values[p++] + beta * b.values[q++];
                } else if (ja < jb) {
                    col[w] = ja;
                    val[w++] = alpha * a.values[p++];
                } else {
                    col[w] = jb;
                    val[w++] = beta * b.values[q++];
                }
            }
        }
        start[n] = w;
        return new CsrMatrix(n, a.cols, start, Arrays.copyOf(col, w), Arrays.copyOf(val, w));
    }
}
