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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fallline.evolution.GeneticCovariance;
import org.fallline.evolution.SelectionException;

/**
 * Reads a G matrix from a delimited text file: a header of trait names, then one row of numbers per
 * trait. The rows may start with the trait's name (a first column of row names, recognised when the
 * header's first cell is empty or when the header has one name more than there are rows); row names
 * must then be the same traits as the header, in any order, and the rows are put in header order.
 * The separator is detected as for {@link PhenotypeCsv}.
 */
public final class GeneticCovarianceCsv {

    private GeneticCovarianceCsv() {
    }

    /** Reads a file; messages name the path as given. */
    public static GeneticCovariance read(Path path) {
        try (Reader r = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
            return read(path.toString(), r);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SelectionException(SelectionException.Kind.BAD_INPUT, "cannot read " + path + ": no such file", e);
        } catch (IOException e) {
            throw new SelectionException(SelectionException.Kind.BAD_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads text; {@code name} is used in messages. */
    public static GeneticCovariance parse(String name, String text) {
        try {
            return read(name, new StringReader(text));
        } catch (IOException e) {
            throw new SelectionException(SelectionException.Kind.BAD_INPUT, "cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static GeneticCovariance read(String name, Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        ICSVParser parser = null;
        String line;
        long lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (parser == null) {
                parser = new RFC4180ParserBuilder().withSeparator(PhenotypeCsv.detectSeparator(line)).build();
            }
            String[] f = parser.parseLine(line);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].trim();
            }
            records.add(f);
            lines.add(lineNo);
        }
        if (records.isEmpty()) {
            throw new SelectionException(name + " is empty: expected a header of trait names and one row per trait");
        }
        String[] header = records.get(0);
        int rows = records.size() - 1;
        boolean rowNames = header[0].isEmpty() || header.length == rows + 1;
        List<String> names = Arrays.asList(header).subList(rowNames ? 1 : 0, header.length);
        int k = names.size();
        if (rows != k) {
            throw new SelectionException(name + ": the G matrix is not square: " + k + " trait names in the header but "
                    + rows + " rows");
        }
        double[][] g = new double[k][];
        long[] lineOf = new long[k];
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < k; i++) {
            position.put(names.get(i), i);
        }
        for (int i = 0; i < rows; i++) {
            String[] f = records.get(i + 1);
            long ln = lines.get(i + 1);
            if (f.length != header.length) {
                throw new SelectionException(name + ":" + ln + ": expected " + header.length + " fields (as in the header), found "
                        + f.length);
            }
            int target = i;
            if (rowNames) {
                Integer p = position.get(f[0]);
                if (p == null) {
                    throw new SelectionException(name + ":" + ln + ":1: row name '" + f[0]
                            + "' is not one of the traits of the header (" + String.join(", ", names) + ")");
                }
                if (g[p] != null) {
                    throw new SelectionException(name + ":" + ln + ":1: row '" + f[0] + "' appears twice");
                }
                target = p;
            }
            double[] row = new double[k];
            for (int j = 0; j < k; j++) {
                int col = j + (rowNames ? 1 : 0);
                try {
                    row[j] = Double.parseDouble(f[col]);
                    if (!Double.isFinite(row[j])) {
                        throw new NumberFormatException("not finite");
                    }
                } catch (NumberFormatException e) {
                    throw new SelectionException(name + ":" + ln + ":" + (col + 1) + ": expected a number in column '"
                            + names.get(j) + "', found '" + f[col] + "'");
                }
            }
            g[target] = row;
            lineOf[target] = ln;
        }
        checkSymmetric(name, names, g, lineOf, rowNames ? 1 : 0);
        try {
            return new GeneticCovariance(names, g).withSource(name);
        } catch (SelectionException e) {
            throw new SelectionException(SelectionException.Kind.BAD_INPUT, name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The symmetry check of {@link GeneticCovariance}, done here so that the message can point at the
     * offending lower-triangle entry G(j, i), j &gt; i, by file:line:column.
     */
    private static void checkSymmetric(String name, List<String> names, double[][] g, long[] lineOf, int offset) {
        double scale = 0;
        for (double[] row : g) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < g.length; i++) {
            for (int j = i + 1; j < g.length; j++) {
                if (Math.abs(g[i][j] - g[j][i]) > GeneticCovariance.SYMMETRY_TOLERANCE * scale) {
                    throw new SelectionException(name + ":" + lineOf[j] + ":" + (i + offset + 1)
                            + ": the G matrix is not symmetric: G(" + names.get(i) + ", " + names.get(j) + ") = "
                            + g[i][j] + " but G(" + names.get(j) + ", " + names.get(i) + ") = " + g[j][i]);
                }
            }
        }
    }
}
