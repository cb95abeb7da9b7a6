package org.fallline.evolution;

import java.util.List;

/**
 * A table of individuals, one record per individual, read as text and streamed once per analysis:
 * a CSV file ({@link org.fallline.evolution.io.PhenotypeCsv}) or a table held in memory
 * ({@link org.fallline.evolution.io.PhenotypeTable}). The analysis asks only for the columns it needs
 * and parses the cells itself, so that every message can name the source, line and column.
 */
public interface PhenotypeSource {

    /** A short name used in messages, such as the file name {@code bumpus.csv}. */
    String name();

    /** The column names of the header, in order; column j (0-based) is column j + 1 in messages. */
    List<String> columns();

    /**
     * Streams the data records in order. For each record, calls {@code sink.record(line, cells)} with
     * the line number where the record starts (the header is line 1 of a file) and
     * {@code cells[i]} the text of column {@code columns[i]}, never null (an empty cell is ""). The
     * array belongs to the sink.
     *
     * @param columns 0-based column indices to deliver
     * @param sink    receives the records
     * @throws SelectionException (BAD_INPUT) if a record has the wrong number of fields or the
     *                            source cannot be read
     */
    void scan(int[] columns, RecordSink sink);

    /** Receives the records of a {@link #scan}. */
    @FunctionalInterface
    interface RecordSink {
        /**
         * @param line  line number where the record starts
         * @param cells texts of the requested columns, in the requested order
         */
        void record(long line, String[] cells);
    }
}
