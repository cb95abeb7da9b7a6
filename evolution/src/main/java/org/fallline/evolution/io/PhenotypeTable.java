package org.fallline.evolution.io;

import java.util.ArrayList;
import java.util.List;
import org.fallline.evolution.PhenotypeSource;
import org.fallline.evolution.SelectionException;

/**
 * A phenotype table held in memory, as text cells or numbers, for programs that already hold their
 * data and for tests. Record i (0-based) is reported as line i + 2, as if the header were line 1 of
 * a file.
 */
public final class PhenotypeTable implements PhenotypeSource {

    private final String name;
    private final List<String> columns;
    private final List<String[]> rows;

    /**
     * @param name    used in messages
     * @param columns column names
     * @param rows    records, each with one cell per column (copied)
     * @throws SelectionException (BAD_INPUT) if a record has the wrong number of cells
     */
    public PhenotypeTable(String name, List<String> columns, List<String[]> rows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        List<String[]> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            if (r.length != this.columns.size()) {
                throw new SelectionException(name + ":" + (i + 2) + ": expected " + this.columns.size()
                        + " fields (as in the header), found " + r.length);
            }
            copy.add(r.clone());
        }
        this.rows = copy;
    }

    /**
     * A numeric table; each value is written with {@link Double#toString(double)}, which reads back
     * exactly, and NaN becomes an empty (missing) cell.
     */
    public static PhenotypeTable numeric(String name, List<String> columns, double[][] values) {
        List<String[]> rows = new ArrayList<>(values.length);
        for (double[] v : values) {
            String[] r = new String[v.length];
            for (int j = 0; j < v.length; j++) {
                r[j] = Double.isNaN(v[j]) ? "" : Double.toString(v[j]);
            }
            rows.add(r);
        }
        return new PhenotypeTable(name, columns, rows);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void scan(int[] cols, RecordSink sink) {
        for (int c : cols) {
            if (c < 0 || c >= columns.size()) {
                throw new IllegalArgumentException("column index " + c + " outside 0.." + (columns.size() - 1));
            }
        }
        long line = 1;
        for (String[] r : rows) {
            line++;
            String[] out = new String[cols.length];
            for (int i = 0; i < cols.length; i++) {
                out[i] = r[cols[i]];
            }
            sink.record(line, out);
        }
    }
}
