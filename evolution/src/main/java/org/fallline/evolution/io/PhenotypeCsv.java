package org.fallline.evolution.io;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fallline.evolution.PhenotypeSource;
import org.fallline.evolution.SelectionException;

/**
 * A phenotype table in a delimited text file with a header line: comma, semicolon or tab
 * separated (detected from the header, or given), fields optionally quoted as in RFC 4180 (a quoted
 * field may hold the separator, doubled quotes and line breaks), UTF-8 with or without a byte-order
 * mark, LF or CRLF line ends. Blank lines are skipped. Quoted records are parsed by opencsv's
 * {@link com.opencsv.RFC4180Parser}; records without a quote character are split directly on the
 * separator, which gives the same fields and keeps the per-row work of large files small.
 *
 * <p>The file is opened again for every {@link #scan}, so one source may serve several analyses.
 */
public final class PhenotypeCsv implements PhenotypeSource {

    /** The separators recognised by detection, in order of preference on a tie. */
    private static final char[] SEPARATORS = {',', ';', '\t'};
    private static final int BUFFER = 1 << 16;

    private final String name;
    private final ReaderOpener opener;
    private final char separator;
    private final CsvFormat format;
    private final List<String> columns;
    /** Physical lines up to and including the header. */
    private final long headerLines;

    @FunctionalInterface
    private interface ReaderOpener {
        Reader open() throws IOException;
    }

    private PhenotypeCsv(String name, ReaderOpener opener, CsvFormat format) {
        this.name = name;
        this.opener = opener;
        try (BufferedReader r = reader()) {
            String line;
            long lineNo = 0;
            do {
                line = r.readLine();
                lineNo++;
            } while (line != null && line.isBlank());
            if (line == null) {
                throw new SelectionException(name + " is empty: expected a header line with column names");
            }
            Character excel = excelSeparator(line);
            if (excel != null) {
                // Excel's "sep=;" first line names the separator; the header follows it
                if (format.separator().isEmpty()) {
                    format = format.withSeparator(excel);
                }
                do {
                    line = r.readLine();
                    lineNo++;
                } while (line != null && line.isBlank());
                if (line == null) {
                    throw new SelectionException(name + " has only a 'sep=' line: expected a header line with column names");
                }
            }
            this.separator = format.separator().orElse(detectSeparator(line, format.decimalComma()));
            if (format.decimalComma() && separator == ',') {
                throw new SelectionException(name + ":" + lineNo + ": with a decimal comma the fields must be separated"
                        + " by ';' or a tab, but the header is separated by ','");
            }
            this.format = format;
            ICSVParser parser = parser(this.separator);
            String[] header = parser.parseLineMulti(line);
            if (parser.isPending()) {
                throw new SelectionException(name + ":" + lineNo + ": the header has an unterminated quote");
            }
            List<String> names = new ArrayList<>(header.length);
            for (String h : header) {
                names.add(h.trim());
            }
            this.columns = List.copyOf(names);
            this.headerLines = lineNo;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private SelectionException unreadable(IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
        return new SelectionException(SelectionException.Kind.BAD_INPUT, "cannot read " + name + ": " + why, e);
    }

    /** Opens a file, detecting the separator from its header line; messages name the path as given. */
    public static PhenotypeCsv open(Path path) {
        return open(path, CsvFormat.DEFAULT);
    }

    /** Opens a file with the given separator (',', ';' or '\t', or any other single character). */
    public static PhenotypeCsv open(Path path, char separator) {
        return open(path, CsvFormat.DEFAULT.withSeparator(separator));
    }

    /** Opens a file written as {@code format} says. */
    public static PhenotypeCsv open(Path path, CsvFormat format) {
        return new PhenotypeCsv(path.toString(),
                () -> new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), format);
    }

    /** A table given as text, for programs and tests; {@code name} is used in messages. */
    public static PhenotypeCsv of(String name, String text) {
        return of(name, text, CsvFormat.DEFAULT);
    }

    /** A table given as text with the given separator. */
    public static PhenotypeCsv of(String name, String text, char separator) {
        return of(name, text, CsvFormat.DEFAULT.withSeparator(separator));
    }

    /** A table given as text, written as {@code format} says. */
    public static PhenotypeCsv of(String name, String text, CsvFormat format) {
        return new PhenotypeCsv(name, () -> new StringReader(text), format);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    /** The field separator in use. */
    public char separator() {
        return separator;
    }

    /** The format the file is read with (its separator as given; see {@link #separator()} for the one in use). */
    public CsvFormat format() {
        return format;
    }

    @Override
    public char decimalMark() {
        return format.decimalMark();
    }

    @Override
    public boolean isMissing(String cell) {
        return format.missing().contains(cell);
    }

    /** The separator named by an Excel "sep=X" first line, or null. */
    static Character excelSeparator(String line) {
        String t = line.strip();
        if (t.length() == 5 && t.regionMatches(true, 0, "sep=", 0, 4)) {
            return t.charAt(4);
        }
        if (t.length() == 4 && t.regionMatches(true, 0, "sep=", 0, 4) && line.indexOf('\t') >= 0) {
            return '\t';
        }
        return null;
    }

    /**
     * The separator among ',', ';' and tab that occurs most often outside quotes in the header line
     * (',' when none does: a one-column file; ';' then, when numbers are written with a decimal comma).
     */
    static char detectSeparator(String header) {
        return detectSeparator(header, false);
    }

    static char detectSeparator(String header, boolean decimalComma) {
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int s = 0; s < SEPARATORS.length; s++) {
                    if (c == SEPARATORS[s]) {
                        counts[s]++;
                    }
                }
            }
        }
        int first = decimalComma ? 1 : 0;
        int best = first;
        for (int s = first + 1; s < SEPARATORS.length; s++) {
            if (counts[s] > counts[best]) {
                best = s;
            }
        }
        if (decimalComma && counts[best] == 0 && counts[0] > 0) {
            return ',';
        }
        return SEPARATORS[best];
    }

    private static ICSVParser parser(char separator) {
        return new RFC4180ParserBuilder().withSeparator(separator).build();
    }

    private BufferedReader reader() throws IOException {
        BufferedReader r = new BufferedReader(opener.open(), BUFFER);
        r.mark(1);
        int first = r.read();
        if (first != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    @Override
    public void scan(int[] cols, RecordSink sink) {
        int nFields = columns.size();
        int maxCol = -1;
        for (int c : cols) {
            if (c < 0 || c >= nFields) {
                throw new IllegalArgumentException("column index " + c + " outside 0.." + (nFields - 1));
            }
            maxCol = Math.max(maxCol, c);
        }
        boolean[] wanted = new boolean[maxCol + 1];
        for (int c : cols) {
            wanted[c] = true;
        }
        String[] byColumn = new String[maxCol + 1];
        PhenotypeSource.SpanSink spans = sink instanceof PhenotypeSource.SpanSink f ? f : null;
        int[] fromByColumn = new int[maxCol + 1];
        int[] toByColumn = new int[maxCol + 1];
        int[] from = new int[cols.length];
        int[] to = new int[cols.length];
        ICSVParser parser = parser(separator);
        try (BufferedReader r = reader()) {
            long lineNo = 0;
            while (lineNo < headerLines) {
                r.readLine();
                lineNo++;
            }
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                long start = lineNo;
                if (line.indexOf('"') < 0) {
                    int found = split(line, wanted, fromByColumn, toByColumn);
                    if (found != nFields) {
                        throw ragged(start, nFields, found);
                    }
                    if (spans != null) {
                        // the sink parses numbers in place: no String per cell
                        for (int i = 0; i < cols.length; i++) {
                            from[i] = fromByColumn[cols[i]];
                            to[i] = toByColumn[cols[i]];
                        }
                        spans.record(start, line, from, to);
                        continue;
                    }
                    for (int c : cols) {
                        byColumn[c] = line.substring(fromByColumn[c], toByColumn[c]);
                    }
                } else {
                    String[] fields = parser.parseLineMulti(line);
                    while (parser.isPending()) {
                        String next = r.readLine();
                        if (next == null) {
                            throw new SelectionException(name + ":" + start
                                    + ": a quoted field is not closed before the end of the file");
                        }
                        lineNo++;
                        String[] more = parser.parseLineMulti(next);
                        String[] joined = Arrays.copyOf(fields, fields.length + more.length);
                        System.arraycopy(more, 0, joined, fields.length, more.length);
                        fields = joined;
                    }
                    if (fields.length != nFields) {
                        throw ragged(start, nFields, fields.length);
                    }
                    for (int c = 0; c <= maxCol; c++) {
                        byColumn[c] = fields[c];
                    }
                }
                String[] out = new String[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    out[i] = byColumn[cols[i]];
                }
                sink.record(start, out);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Splits an unquoted line, keeping the bounds of the wanted fields; returns the number of fields. */
    private int split(String line, boolean[] wanted, int[] fromByColumn, int[] toByColumn) {
        int field = 0;
        int from = 0;
        int n = line.length();
        while (true) {
            int end = line.indexOf(separator, from);
            if (end < 0) {
                end = n;
            }
            if (field < wanted.length && wanted[field]) {
                fromByColumn[field] = from;
                toByColumn[field] = end;
            }
            field++;
            if (end == n) {
                return field;
            }
            from = end + 1;
        }
    }

    private SelectionException ragged(long line, int expected, int found) {
        return new SelectionException(name + ":" + line + ": expected " + expected + " fields (as in the header), found "
                + found);
    }
}
