package org.fallline.evolution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/** Test support: the long-format R reference tables and the data files copied into test resources. */
final class Reference {

    /** One row of a reference table: dataset,n,analysis,term,estimate,se,note. */
    record Row(String dataset, int n, String analysis, String term, double estimate, double se, String note) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    private Reference(List<String[]> lines) {
        for (String[] f : lines.subList(1, lines.size())) {
            Row r = new Row(f[0], Integer.parseInt(f[1]), f[2], f[3], number(f[4]), number(f[5]), f[6]);
            rows.put(key(r.dataset(), r.analysis(), r.term()), r);
        }
    }

    static Reference load(String resource) {
        return new Reference(readCsv(resource));
    }

    /** The row, failing the test when absent. */
    Row row(String dataset, String analysis, String term) {
        Row r = rows.get(key(dataset, analysis, term));
        if (r == null) {
            throw new AssertionError("no reference row " + key(dataset, analysis, term));
        }
        return r;
    }

    boolean has(String dataset, String analysis, String term) {
        return rows.containsKey(key(dataset, analysis, term));
    }

    double estimate(String dataset, String analysis, String term) {
        return row(dataset, analysis, term).estimate();
    }

    private static String key(String d, String a, String t) {
        return d + "|" + a + "|" + t;
    }

    private static double number(String s) {
        return s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    /** Numeric columns of a CSV data file, by header name. */
    static Map<String, double[]> columns(String resource, String... names) {
        List<String[]> lines = readCsv(resource);
        List<String> header = Arrays.asList(lines.get(0));
        Map<String, double[]> out = new HashMap<>();
        for (String name : names) {
            int c = header.indexOf(name);
            if (c < 0) {
                throw new AssertionError("no column " + name + " in " + resource);
            }
            double[] v = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                v[i - 1] = Double.parseDouble(lines.get(i)[c]);
            }
            out.put(name, v);
        }
        return out;
    }

    /** Rows of the named columns as an n × k array (in the order given). */
    static double[][] matrix(Map<String, double[]> cols, String... names) {
        int n = cols.get(names[0]).length;
        double[][] m = new double[n][names.length];
        for (int j = 0; j < names.length; j++) {
            double[] c = cols.get(names[j]);
            for (int i = 0; i < n; i++) {
                m[i][j] = c[i];
            }
        }
        return m;
    }

    /** The rows i with keep[i]. */
    static double[][] select(double[][] m, boolean[] keep) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            if (keep[i]) {
                out.add(m[i]);
            }
        }
        return out.toArray(new double[0][]);
    }

    static double[] select(double[] v, boolean[] keep) {
        return Arrays.stream(select(column(v), keep)).mapToDouble(r -> r[0]).toArray();
    }

    private static double[][] column(double[] v) {
        double[][] m = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            m[i][0] = v[i];
        }
        return m;
    }

    /** z = (x − mean) / sd per column, sd with divisor n − 1 (as R's scale / sd). */
    static double[][] standardise(double[][] x) {
        int n = x.length;
        int k = x[0].length;
        double[][] z = new double[n][k];
        for (int j = 0; j < k; j++) {
            double mean = 0;
            for (double[] r : x) {
                mean += r[j];
            }
            mean /= n;
            double ss = 0;
            for (double[] r : x) {
                ss += (r[j] - mean) * (r[j] - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            for (int i = 0; i < n; i++) {
                z[i][j] = (x[i][j] - mean) / sd;
            }
        }
        return z;
    }

    private static List<String[]> readCsv(String resource) {
        InputStream in = Reference.class.getResourceAsStream(resource);
        if (in == null) {
            throw new AssertionError("missing test resource " + resource);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            return csv.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvException e) {
            throw new AssertionError("malformed CSV " + resource, e);
        }
    }
}
