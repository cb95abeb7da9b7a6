package org.fallline.evolution.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fallline.evolution.PhenotypeSource;
import org.fallline.evolution.SelectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading delimited text: separators, quoting, BOM, line ends, blank lines and malformed input. */
class PhenotypeCsvTest {

    private record Rec(long line, List<String> cells) {
    }

    private static List<Rec> scan(PhenotypeSource src, int... cols) {
        List<Rec> out = new ArrayList<>();
        src.scan(cols, (line, cells) -> out.add(new Rec(line, List.of(cells))));
        return out;
    }

    @Test
    void detectsCommaSemicolonAndTab() {
        for (char sep : new char[] {',', ';', '\t'}) {
            String text = "a" + sep + "b" + sep + "c\n1" + sep + "2" + sep + "3\n";
            PhenotypeCsv csv = PhenotypeCsv.of("t.csv", text);
            assertEquals(sep, csv.separator());
            assertEquals(List.of("a", "b", "c"), csv.columns());
            assertEquals(List.of(new Rec(2, List.of("3", "1"))), scan(csv, 2, 0));
        }
    }

    @Test
    void semicolonFileWithDecimalCommasIsDetectedBySemicolons() {
        PhenotypeCsv csv = PhenotypeCsv.of("t.csv", "a;b;c\n\"1,5\";2;3\n");
        assertEquals(';', csv.separator());
        assertEquals(List.of("1,5", "2"), scan(csv, 0, 1).get(0).cells());
    }

    @Test
    void quotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        String text = "name,\"x, y\",w\n\"a, \"\"quoted\"\" one\",1.5,0\n\"two\nlines\",2,1\nplain,3,1\n";
        PhenotypeCsv csv = PhenotypeCsv.of("q.csv", text);
        assertEquals(List.of("name", "x, y", "w"), csv.columns());
        List<Rec> r = scan(csv, 0, 1, 2);
        assertEquals(3, r.size());
        assertEquals(List.of("a, \"quoted\" one", "1.5", "0"), r.get(0).cells());
        assertEquals(2, r.get(0).line());
        assertEquals(List.of("two\nlines", "2", "1"), r.get(1).cells());
        assertEquals(3, r.get(1).line());
        assertEquals(5, r.get(2).line(), "the record after a two-line record starts on line 5");
    }

    @Test
    void byteOrderMarkCrLfAndBlankLines(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bom.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "W,x\r\n1,2\r\n\r\n0,3\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        PhenotypeCsv csv = PhenotypeCsv.open(f);
        assertEquals(List.of("W", "x"), csv.columns());
        List<Rec> r = scan(csv, 0, 1);
        assertEquals(List.of(new Rec(2, List.of("1", "2")), new Rec(4, List.of("0", "3"))), r);
    }

    @Test
    void givenSeparatorOverridesDetection() {
        PhenotypeCsv csv = PhenotypeCsv.of("t.txt", "a,b|c\n1,2|3\n", '|');
        assertEquals(List.of("a,b", "c"), csv.columns());
        assertArrayEquals(new String[] {"3"}, scan(csv, 1).get(0).cells().toArray());
    }

    @Test
    void raggedRowNamesFileAndLine() {
        PhenotypeCsv csv = PhenotypeCsv.of("r.csv", "a,b,c\n1,2,3\n4,5\n");
        SelectionException e = assertThrows(SelectionException.class, () -> scan(csv, 0));
        assertEquals("r.csv:3: expected 3 fields (as in the header), found 2", e.getMessage());
        assertEquals(SelectionException.Kind.BAD_INPUT, e.kind());
        PhenotypeCsv quoted = PhenotypeCsv.of("r.csv", "a,b\n\"1\",2,3\n");
        assertEquals("r.csv:2: expected 2 fields (as in the header), found 3",
                assertThrows(SelectionException.class, () -> scan(quoted, 0)).getMessage());
    }

    @Test
    void emptyFileAndUnclosedQuote(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("empty.csv");
        Files.writeString(f, "\n\n");
        SelectionException e = assertThrows(SelectionException.class, () -> PhenotypeCsv.open(f));
        assertEquals(f + " is empty: expected a header line with column names", e.getMessage());
        PhenotypeCsv csv = PhenotypeCsv.of("u.csv", "a,b\n1,\"2\n");
        assertEquals("u.csv:2: a quoted field is not closed before the end of the file",
                assertThrows(SelectionException.class, () -> scan(csv, 0)).getMessage());
    }

    @Test
    void missingFileIsBadInput(@TempDir Path dir) {
        Path f = dir.resolve("nope.csv");
        SelectionException e = assertThrows(SelectionException.class, () -> PhenotypeCsv.open(f));
        assertEquals("cannot read " + f + ": no such file", e.getMessage());
        assertEquals(SelectionException.Kind.BAD_INPUT, e.kind());
    }

    @Test
    void tableRejectsWrongWidthAndNumericTableRoundTrips() {
        assertThrows(SelectionException.class,
                () -> new PhenotypeTable("m", List.of("a", "b"), List.<String[]>of(new String[] {"1"})));
        PhenotypeTable t = PhenotypeTable.numeric("m", List.of("a", "b"), new double[][] {{0.1, Double.NaN}});
        Rec r = scan(t, 0, 1).get(0);
        assertEquals(2, r.line());
        assertEquals(0.1, Double.parseDouble(r.cells().get(0)), 0.0);
        assertEquals("", r.cells().get(1));
    }
}
