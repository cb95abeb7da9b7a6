package org.fallline.core.linear;

import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse row (CSR) form: the non-zeros of row i are {@code values[k]} at columns
 * {@code columns[k]} for {@code rowStart[i] ≤ k < rowStart[i + 1]}, columns increasing within a row (Saad,
 * <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., SIAM 2003, §3.4). The product y = A x costs one
 * multiply-add per stored entry, streamed over three flat arrays. Instances are immutable; stored zeros are
 * kept (they are part of the sparsity pattern, which {@link IncompleteCholesky} uses).
 *
 * <p>Built by {@link #builder(int, int)} from (i, j, v) triplets, duplicates summed, as finite-element and
 * finite-difference assembly produce them.
 */
public final class CsrMatrix implements LinearOperator {

    final int rows;
    final int cols;
    final int[] rowStart;
    final int[] columns;
    final double[] values;

    /** Takes ownership of the arrays; callers in this package guarantee sorted, in-range, duplicate-free rows. */
    CsrMatrix(int rows, int cols, int[] rowStart, int[] columns, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /** A builder for a rows × cols matrix. */
    public static Builder builder(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix size must be non-negative, got " + rows + " × " + cols);
        }
        return new Builder(rows, cols);
    }

    /**
     * The matrix with the given compressed rows (copied): row i holds {@code values[k]} at column
     * {@code columns[k]} for rowStart[i] ≤ k &lt; rowStart[i + 1]. For assembly that already knows its sparsity
     * pattern (a finite-element mesh's), which then needs no triplet sort; later value changes on the same
     * pattern go through {@link #withValues}.
     *
     * @throws IllegalArgumentException unless rowStart has rows + 1 non-decreasing entries from 0 to
     *         columns.length = values.length and every row's columns increase strictly within [0, cols)
     */
    public static CsrMatrix ofCompressedRows(int rows, int cols, int[] rowStart, int[] columns, double[] values) {
        if (rows < 0 || cols < 0 || rowStart.length != rows + 1 || rowStart[0] != 0 || rowStart[rows] != columns.length
                || values.length != columns.length) {
            throw new IllegalArgumentException("compressed rows: a " + rows + " × " + cols + " matrix needs " + (rows + 1)
                    + " row starts from 0 to the number of entries and as many values as columns, got "
                    + rowStart.length + " row starts, " + columns.length + " columns and " + values.length + " values");
        }
        for (int i = 0; i < rows; i++) {
            if (rowStart[i + 1] < rowStart[i]) {
                throw new IllegalArgumentException("compressed rows: row start " + (i + 1) + " is below row start " + i);
            }
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = columns[k];
                if (j < 0 || j >= cols || (k > rowStart[i] && j <= columns[k - 1])) {
                    throw new IllegalArgumentException("compressed rows: row " + i + " has column " + j
                            + " out of order or out of range [0, " + cols + ")");
                }
            }
        }
        return new CsrMatrix(rows, cols, rowStart.clone(), columns.clone(), values.clone());
    }

    /** The n × n identity. */
    public static CsrMatrix identity(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return diagonal(ones);
    }

    /** The square diagonal matrix with the given diagonal (copied). */
    public static CsrMatrix diagonal(double[] d) {
        int n = d.length;
        int[] start = new int[n + 1];
        int[] col = new int[n];
        for (int i = 0; i < n; i++) {
            start[i + 1] = i + 1;
            col[i] = i;
        }
        return new CsrMatrix(n, n, start, col, d.clone());
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** The number of rows; as a {@link LinearOperator} the matrix must be square. */
    @Override
    public int dimension() {
        return rows;
    }

    /** Number of stored entries. */
    public int nonZeros() {
        return rowStart[rows];
    }

    /** Index in the entry arrays of the first entry of row i ({@code rowStart(rows())} = {@link #nonZeros()}). */
    public int rowStart(int i) {
        return rowStart[i];
    }

    /** Column of stored entry k. */
    public int columnIndex(int k) {
        return columns[k];
    }

    /** Value of stored entry k. */
    public double value(int k) {
        return values[k];
    }

    /** A(i, j), zero when not stored (binary search in row i). */
    public double get(int i, int j) {
        checkIndex(i, rows, "row");
        checkIndex(j, cols, "column");
        int k = find(i, j);
        return k >= 0 ? values[k] : 0.0;
    }

    /** Position of (i, j) in the entry arrays, or a negative number when not stored. */
    int find(int i, int j) {
        return Arrays.binarySearch(columns, rowStart[i], rowStart[i + 1], j);
    }

    /** The main diagonal A(i, i), i &lt; min(rows, cols), as a new array. */
    public double[] diagonal() {
        int n = Math.min(rows, cols);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            int k = find(i, i);
            d[i] = k >= 0 ? values[k] : 0.0;
        }
        return d;
    }

    /**
     * y = A x.
     *
     * @param x length cols (not modified)
     * @param y length rows, overwritten; not the same array as x
     */
    public void multiply(double[] x, double[] y) {
        if (x.length != cols || y.length != rows) {
            throw new IllegalArgumentException("multiply: a " + rows + " × " + cols + " matrix needs x of length "
                    + cols + " and y of length " + rows + ", got " + x.length + " and " + y.length);
        }
        final int[] start = rowStart;
        final int[] col = columns;
        final double[] val = values;
        for (int i = 0; i < rows; i++) {
            double s = 0.0;
            for (int k = start[i], end = start[i + 1]; k < end; k++) {
                s += val[k] * x[col[k]];
            }
            y[i] = s;
        }
    }

    @Override
    public void apply(double[] x, double[] y) {
        multiply(x, y);
    }

    /** y = y + A x. */
    void multiplyAdd(double[] x, double[] y) {
        final int[] start = rowStart;
        final int[] col = columns;
        final double[] val = values;
        for (int i = 0; i < rows; i++) {
            double s = y[i];
            for (int k = start[i], end = start[i + 1]; k < end; k++) {
                s += val[k] * x[col[k]];
            }
            y[i] = s;
        }
    }

    /** r = b − A x, the residual, without a temporary. */
    void residual(double[] b, double[] x, double[] r) {
        final int[] start = rowStart;
        final int[] col = columns;
        final double[] val = values;
        for (int i = 0; i < rows; i++) {
            double s = b[i];
            for (int k = start[i], end = start[i + 1]; k < end; k++) {
                s -= val[k] * x[col[k]];
            }
            r[i] = s;
        }
    }

    /** Aᵀ (a counting sort by column, so the rows of the result come out sorted). */
    public CsrMatrix transpose() {
        int nnz = nonZeros();
        int[] start = new int[cols + 1];
        for (int k = 0; k < nnz; k++) {
            start[columns[k] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            start[j + 1] += start[j];
        }
        int[] next = Arrays.copyOf(start, cols);
        int[] col = new int[nnz];
        double[] val = new double[nnz];
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int p = next[columns[k]]++;
                col[p] = i;
                val[p] = values[k];
            }
        }
        return new CsrMatrix(cols, rows, start, col, val);
    }

    /** The product A B (Gustavson's row-by-row algorithm, with a dense accumulator of length B.cols). */
    public CsrMatrix multiply(CsrMatrix b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("multiply: a " + rows + " × " + cols + " matrix cannot multiply a "
                    + b.rows + " × " + b.cols + " matrix");
        }
        return SparseProducts.product(this, b);
    }

    /** αA + βB for matrices of the same size (the union of the two patterns). */
    public static CsrMatrix linearCombination(double alpha, CsrMatrix a, double beta, CsrMatrix b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("linearCombination: sizes differ, " + a.rows + " × " + a.cols
                    + " and " + b.rows + " × " + b.cols);
        }
        return SparseProducts.linearCombination(alpha, a, beta, b);
    }

    /**
     * The matrix with this one's sparsity pattern and new values, {@code values[k]} for stored entry k (in the
     * order of {@link #rowStart}/{@link #columnIndex}): re-assembly of a matrix whose pattern does not change,
     * such as a Newton Hessian, without sorting triplets again. The array is copied.
     */
    public CsrMatrix withValues(double[] newValues) {
        if (newValues.length != nonZeros()) {
            throw new IllegalArgumentException("withValues: the pattern has " + nonZeros() + " entries, got "
                    + newValues.length + " values");
        }
        return new CsrMatrix(rows, cols, rowStart, columns, newValues.clone());
    }

    /** αA, same pattern. */
    public CsrMatrix scaled(double alpha) {
        double[] val = values.clone();
        for (int k = 0; k < val.length; k++) {
            val[k] *= alpha;
        }
        return new CsrMatrix(rows, cols, rowStart, columns, val);
    }

    /**
     * Whether A is square and |A(i, j) − A(j, i)| ≤ relTol · max|A| for every stored entry.
     */
    public boolean isSymmetric(double relTol) {
        if (rows != cols) {
            return false;
        }
        double max = 0.0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        double tol = relTol * max;
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = columns[k];
                int m = find(j, i);
                double vt = m >= 0 ? values[m] : 0.0;
                if (Math.abs(values[k] - vt) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The matrix as a dense array, for small matrices (tests, printing). */
    public double[][] toDense() {
        double[][] d = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                d[i][columns[k]] = values[k];
            }
        }
        return d;
    }

    private static void checkIndex(int i, int n, String what) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(what + " index " + i + " out of range [0, " + n + ")");
        }
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + " × " + cols + ", " + nonZeros() + " non-zeros]";
    }

    /**
     * Collects (i, j, v) triplets; {@link #build()} sorts them by row and column and sums duplicates.
     * Not thread-safe.
     */
    public static final class Builder {

        private final int rows;
        private final int cols;
        private int size;
        private int[] is = new int[16];
        private int[] js = new int[16];
        private double[] vs = new double[16];

        private Builder(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }

        /** Adds v to A(i, j) (entries added twice are summed). */
        public Builder add(int i, int j, double v) {
            checkIndex(i, rows, "row");
            checkIndex(j, cols, "column");
            if (size == is.length) {
                int capacity = Math.max(16, 2 * size);
                is = Arrays.copyOf(is, capacity);
                js = Arrays.copyOf(js, capacity);
                vs = Arrays.copyOf(vs, capacity);
            }
            is[size] = i;
            js[size] = j;
            vs[size] = v;
            size++;
            return this;
        }

        /** The matrix (the builder may be reused; later additions do not change it). */
        public CsrMatrix build() {
            int[] count = new int[rows + 1];
            for (int t = 0; t < size; t++) {
                count[is[t] + 1]++;
            }
            for (int i = 0; i < rows; i++) {
                count[i + 1] += count[i];
            }
            int[] next = Arrays.copyOf(count, rows);
            int[] col = new int[size];
            double[] val = new double[size];
            for (int t = 0; t < size; t++) {
                int p = next[is[t]]++;
                col[p] = js[t];
                val[p] = vs[t];
            }
            // Sort each row by column (insertion sort: rows of a stencil are short) and sum duplicates in place.
            int[] start = new int[rows + 1];
            int w = 0;
            for (int i = 0; i < rows; i++) {
                int lo = count[i];
                int hi = count[i + 1];
                for (int a = lo + 1; a < hi; a++) {
                    int cj = col[a];
                    double cv = val[a];
                    int b = a - 1;
                    while (b >= lo && col[b] > cj) {
                        col[b + 1] = col[b];
                        val[b + 1] = val[b];
                        b--;
                    }
                    col[b + 1] = cj;
                    val[b + 1] = cv;
                }
                start[i] = w;
                for (int a = lo; a < hi; a++) {
                    if (w > start[i] && col[w - 1] == col[a]) {
                        val[w - 1] += val[a];
                    } else {
                        col[w] = col[a];
                        val[w] = val[a];
                        w++;
                    }
                }
            }
            start[rows] = w;
            return new CsrMatrix(rows, cols, start, Arrays.copyOf(col, w), Arrays.copyOf(val, w));
        }
    }
}
