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

    /** The decimal mark numbers are written with: '.' (the default) or ','. */
    default char decimalMark() {
        return '.';
    }

    /**
     * True when a cell's trimmed text stands for a missing value: by default the empty cell, {@code NA} and
     * {@code NaN}, as R's {@code read.csv} reads them.
     */
    default boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals("NA") || cell.equals("NaN");
    }

    /** Receives the records of a {@link #scan}. */
    @FunctionalInterface
    interface RecordSink {
        /**
         * @param line  line number where the record starts
         * @param cells texts of the requested columns, in the requested order
         */
        void record(long line, String[] cells);
    }

    /**
     * A receiver of records that reads its cells in place from the record's text, so that a reader of a
     * large file need not create a String per cell. A source that knows this interface calls it for
     * records whose cells are plain spans of one line (no quotes) and calls {@link RecordSink#record}
     * for the others.
     */
    interface SpanSink extends RecordSink {
        /**
         * @param line  line number where the record starts
         * @param text  the record's line
         * @param start {@code start[i]}: index in {@code text} where the cell of the i-th requested column begins
         * @param end   {@code end[i]}: index just past its end (the arrays are reused for the next record)
         */
        void record(long line, String text, int[] start, int[] end);
    }
}
