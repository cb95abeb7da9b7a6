package org.fallline.evolution.internal;

import java.util.Arrays;

/**
 * The triangular factor R of a tall matrix A = QR (AᵀA = RᵀR) whose rows arrive one at a time, in
 * memory independent of the number of rows: rows are gathered in blocks of {@value #BLOCK} and each
 * block B is folded into the current triangle by Householder reflections of the stacked matrix
 * [R; B], which exploit R's zeros (the row-block update of a QR factorisation, Golub &amp; Van Loan,
 * <i>Matrix Computations</i>, 4th ed., §6.5.3; one leaf-to-root chain of the TSQR tree of Demmel,
 * Grigori, Hoemmen &amp; Langou, SIAM J. Sci. Comput. 34 (2012) A206). Each update is backward stable,
 * so the computed R is the exact factor of a matrix within a small multiple of machine precision of A
 * column by column, and least squares solved from R lose only the digits κ(A) costs, not κ(A)² as the
 * normal equations do.
 *
 * <p>Not thread-safe. The result depends on the order of the rows only through rounding.
 */
public final class StreamingQr {

    /** Rows per block update. */
    static final int BLOCK = 128;

    private final int p;
    /** R, row-major p × p, upper triangle. */
    private final double[] r;
    /** Pending rows, column-major: column c of the block at c·BLOCK. */
    private final double[] block;
    private int pending;
    private long rows;

    /** @param columns the width p of A */
    public StreamingQr(int columns) {
        this.p = columns;
        this.r = new double[columns * columns];
        this.block = new double[columns * BLOCK];
    }

    /** The width p. */
    public int columns() {
        return p;
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /** Adds one row of A (length p; copied). */
    public void add(double[] row) {
        int i = pending;
        for (int c = 0; c < p; c++) {
            block[c * BLOCK + i] = row[c];
        }
        rows++;
        if (++pending == BLOCK) {
            flush();
        }
    }

    /**
     * The pending block, column-major (entry c of pending row i at c·{@value #BLOCK} + i), for a caller
     * that writes a row in place at {@link #nextRow()} instead of passing an array to {@link #add(double[])}.
     */
    double[] pendingBlock() {
        return block;
    }

    /** Index of the next pending row in {@link #pendingBlock()}; call {@link #commitRow()} after writing it. */
    int nextRow() {
        return pending;
    }

    /** Counts the row written at {@link #nextRow()}. */
    void commitRow() {
        rows++;
        if (++pending == BLOCK) {
            flush();
        }
    }

    /** Folds the pending rows into R. */
    private void flush() {
        int m = pending;
        if (m == 0) {
            return;
        }
        for (int j = 0; j < p; j++) {
            int bj = j * BLOCK;
            double ss = dot(block, bj, bj, m);
            if (ss == 0.0) {
                continue;
            }
            int rj = j * p;
            double x0 = r[rj + j];
            double norm = Math.sqrt(x0 * x0 + ss);
            double alpha = x0 > 0 ? -norm : norm;
            double v0 = x0 - alpha;
            // H = I − βvvᵀ with v = (v0, block column j), β = 2/vᵀv; vᵀv = v0² + ss.
            double beta = 2.0 / (v0 * v0 + ss);
            for (int c = j + 1; c < p; c++) {
                int bc = c * BLOCK;
                double s = beta * (v0 * r[rj + c] + dot(block, bj, bc, m));
                r[rj + c] -= s * v0;
                for (int i = 0; i < m; i++) {
                    block[bc + i] -= s * block[bj + i];
                }
            }
            r[rj + j] = alpha;
        }
        pending = 0;
    }

    /** Σ a[i0 + i]·a[j0 + i] over i &lt; m, in four interleaved partial sums. */
    private static double dot(double[] a, int i0, int j0, int m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            s0 += a[i0 + i] * a[j0 + i];
            s1 += a[i0 + i + 1] * a[j0 + i + 1];
            s2 += a[i0 + i + 2] * a[j0 + i + 2];
            s3 += a[i0 + i + 3] * a[j0 + i + 3];
        }
        for (; i < m; i++) {
            s0 += a[i0 + i] * a[j0 + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Folds another factor of rows of the same width into this one (its R is stacked under this R). */
    public void add(StreamingQr other) {
        if (other.p != p) {
            throw new IllegalArgumentException("QR factors of different widths cannot be combined");
        }
        double[] ro = other.r();
        double[] row = new double[p];
        long before = rows;
        for (int i = 0; i < p; i++) {
            System.arraycopy(ro, i * p, row, 0, p);
            add(row);
        }
        rows = before + other.rows;
    }

    /** R (p × p, upper triangular, row-major as {@code r[i·p + j]}); a copy. */
    public double[] r() {
        flush();
        return r.clone();
    }

    /** R as a p × p array (a copy). */
    public double[][] triangle() {
        double[] f = r();
        double[][] t = new double[p][];
        for (int i = 0; i < p; i++) {
            t[i] = Arrays.copyOfRange(f, i * p, (i + 1) * p);
        }
        return t;
    }
}
