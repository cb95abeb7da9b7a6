package org.fallline.samples.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An aligned plain-text table, as R prints a coefficient table: a header row, columns separated by
 * two spaces, numeric columns right-aligned and text columns left-aligned.
 */
public final class TextTable {

    private static final Pattern NUMERIC = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?|NA|");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row of already formatted cells (as many as there are columns). */
    public TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(Arrays.asList(cells.clone()));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the table, each line indented by {@code indent}. */
    public void print(PrintWriter out, String indent) {
        int n = header.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int j = 0; j < n; j++) {
            width[j] = header.get(j).length();
            numeric[j] = !rows.isEmpty();
            for (List<String> row : rows) {
                width[j] = Math.max(width[j], row.get(j).length());
                numeric[j] &= NUMERIC.matcher(row.get(j)).matches();
            }
        }
        out.println(line(header, width, numeric, indent));
        for (List<String> row : rows) {
            out.println(line(row, width, numeric, indent));
        }
    }

    private static String line(List<String> cells, int[] width, boolean[] numeric, String indent) {
        StringBuilder b = new StringBuilder(indent);
        for (int j = 0; j < cells.size(); j++) {
            if (j > 0) {
                b.append("  ");
            }
            String c = cells.get(j);
            String pad = " ".repeat(width[j] - c.length());
            b.append(numeric[j] ? pad + c : c + pad);
        }
        return b.toString().stripTrailing();
    }
}
