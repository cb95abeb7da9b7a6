package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/**
 * Unquoted records are read in place and quoted ones through opencsv's RFC 4180 parser: both paths
 * give the same analysis, with filters, groups, padded cells and missing values.
 */
class ReadingPathsTest {

    private static String table(boolean quoted) {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("site,grp,W,a,b\n");
        for (int i = 0; i < 400; i++) {
            double a = rnd.nextGaussian();
            double b = 0.3 * a + rnd.nextGaussian();
            double w = Math.max(0, 1 + 0.2 * a - 0.1 * b * b + 0.3 * rnd.nextGaussian());
            String[] cells = {i % 5 == 0 ? "north" : "south", i % 17 == 0 ? "NA" : String.valueOf(1 + i % 2),
                i % 23 == 0 ? "" : " " + w + " ", i % 29 == 0 ? "NaN" : String.valueOf(a), String.format("%.4e", b)};
            for (int c = 0; c < cells.length; c++) {
                sb.append(c > 0 ? "," : "").append(quoted ? "\"" + cells[c] + "\"" : cells[c]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void inPlaceAndQuotedRecordsGiveTheSameReport() {
        SelectionOptions o = SelectionOptions.builder().fitness("W").traits("a", "b").where("site", "south")
                .by("grp").build();
        SelectionReport inPlace = new SelectionAnalysis().analyze(PhenotypeCsv.of("t.csv", table(false)), o);
        SelectionReport quoted = new SelectionAnalysis().analyze(PhenotypeCsv.of("t.csv", table(true)), o);
        assertEquals(quoted.tidy(), inPlace.tidy());
    }

    @Test
    void inPlaceAndQuotedRecordsGiveTheSameMessage() {
        SelectionOptions o = SelectionOptions.builder().fitness("W").traits("a", "b").log("a").build();
        String plain = "W,a,b\n1,2,3\n1, -2 ,3\n";
        String quoted = "W,a,b\n1,2,3\n\"1\",\" -2 \",\"3\"\n";
        SelectionException inPlace = assertThrows(SelectionException.class,
                () -> new SelectionAnalysis().analyze(PhenotypeCsv.of("t.csv", plain), o));
        SelectionException viaParser = assertThrows(SelectionException.class,
                () -> new SelectionAnalysis().analyze(PhenotypeCsv.of("t.csv", quoted), o));
        assertEquals("t.csv:3:2: cannot take the log of trait 'a' = -2 (the log transform needs positive values)",
                inPlace.getMessage());
        assertEquals(viaParser.getMessage(), inPlace.getMessage());
    }
}
