package org.fallline.samples.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

/**
 * Tidy CSV output with opencsv: comma-separated, a header row, fields quoted only when they need it,
 * LF line ends, numbers written by {@link Numbers#csv(double)}.
 */
public final class Csv {

    private Csv() {
    }

    /** Writes the header and rows to {@code out}, flushing but not closing it. */
    public static void write(Writer out, List<String> header, List<String[]> rows) throws IOException {
        CSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n");
        csv.writeNext(header.toArray(String[]::new), false);
        for (String[] row : rows) {
            csv.writeNext(row, false);
        }
        csv.flush();
        if (csv.checkError()) {
            IOException e = csv.getException();
            throw e != null ? e : new IOException("error writing CSV");
        }
    }
}
