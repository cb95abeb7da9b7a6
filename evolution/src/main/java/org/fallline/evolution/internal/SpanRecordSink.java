package org.fallline.evolution.internal;

/**
 * A receiver of records that reads its cells in place from the record's text, so that a reader of a
 * large file need not create a String per cell. A {@link org.fallline.evolution.PhenotypeSource}
 * that knows this interface calls it for records whose cells are plain spans of one line (no quotes)
 * and calls {@link org.fallline.evolution.PhenotypeSource.RecordSink#record} for the others.
 */
public interface SpanRecordSink {

    /**
     * @param line  line number where the record starts
     * @param text  the record's line
     * @param start {@code start[i]}: index in {@code text} where the cell of the i-th requested column begins
     * @param end   {@code end[i]}: index just past its end (the arrays are reused for the next record)
     */
    void record(long line, String text, int[] start, int[] end);
}
