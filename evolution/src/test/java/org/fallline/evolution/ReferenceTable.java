package org.fallline.evolution;

import com.opencsv.CSVReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The long-format reference tables computed with R ({@code dataset,n,analysis,term,estimate,se,note}),
 * read from the test resources.
 */
final class ReferenceTable {

    record Row(String dataset, String analysis, String term, double estimate, double se, String note) {

        /** A number printed in the note as {@code key=value}. */
        double noteValue(String key) {
            Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(key) + "=(\\S+)").matcher(note);
            if (!m.find()) {
                throw new AssertionError("no " + key + "= in note '" + note + "' of " + analysis + " " + term);
            }
            return Double.parseDouble(m.group(1));
        }
    }

    private final Map<String, Row> rows = new HashMap<>();

    ReferenceTable(String resource) {
        try (Reader r = new InputStreamReader(ReferenceTable.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            List<String[]> all = csv.readAll();
            for (String[] f : all.subList(1, all.size())) {
                Row row = new Row(f[0], f[2], f[3], number(f[4]), number(f[5]), f[6]);
                rows.put(key(f[0], f[2], f[3]), row);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static double number(String s) {
        return s.equals("NA") || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static String key(String dataset, String analysis, String term) {
        return dataset + "\u0000" + analysis + "\u0000" + term;
    }

    Row get(String dataset, String analysis, String term) {
        Row r = rows.get(key(dataset, analysis, term));
        if (r == null) {
            throw new AssertionError("no reference row " + dataset + " / " + analysis + " / " + term);
        }
        return r;
    }

    static Path resource(String name) {
        try {
            return Path.of(ReferenceTable.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
