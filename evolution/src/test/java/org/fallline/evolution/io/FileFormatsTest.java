package org.fallline.evolution.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.fallline.evolution.GroupReport;
import org.fallline.evolution.RowFilter;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files as biologists have them: the same sparrows written with decimal commas and ';' (R's write.csv2, European
 * spreadsheets), with Excel's "sep=;" first line, with other missing-value codes, filtered with order comparisons
 * and grouped by labels written as 1 and 1.0 — each must give exactly the analysis of the plain file.
 */
class FileFormatsTest {

    private static final List<String> TRAITS = List.of("TotalLength_mm", "AlarExtent_mm", "Weight_g");
    private static String bumpus;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = FileFormatsTest.class.getResourceAsStream("/data/bumpus.csv")) {
            bumpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SelectionOptions.Builder options() {
        return SelectionOptions.builder().fitness("W").traits(TRAITS);
    }

    private static double[] beta(PhenotypeCsv csv, SelectionOptions o) {
        GroupReport g = new SelectionAnalysis().analyze(csv, o).groups().get(0);
        return g.gradient().values();
    }

    /** The file as write.csv2 writes it: ';' between fields, ',' as the decimal mark. */
    private static String csv2(String text) {
        return text.replace(',', ';').replace('.', ',');
    }

    @Test
    void decimalCommaFileGivesTheSameAnalysis() {
        double[] plain = beta(PhenotypeCsv.of("b.csv", bumpus), options().build());
        PhenotypeCsv comma = PhenotypeCsv.of("b2.csv", csv2(bumpus), CsvFormat.DEFAULT.withDecimalComma(true));
        assertEquals(';', comma.separator());
        assertArrayEquals(plain, beta(comma, options().build()), 0.0);
    }

    @Test
    void excelSeparatorLineIsHonouredAndSkipped() {
        double[] plain = beta(PhenotypeCsv.of("b.csv", bumpus), options().build());
        PhenotypeCsv excel = PhenotypeCsv.of("x.csv", "sep=;\n" + csv2(bumpus), CsvFormat.DEFAULT.withDecimalComma(true));
        assertEquals(';', excel.separator());
        assertEquals(PhenotypeCsv.of("b.csv", bumpus).columns(), excel.columns());
        assertArrayEquals(plain, beta(excel, options().build()), 0.0);
    }

    @Test
    void aDecimalCommaCellWithoutTheOptionSaysWhereAndWhatToDo() {
        SelectionException e = assertThrows(SelectionException.class,
                () -> beta(PhenotypeCsv.of("b2.csv", csv2(bumpus)), options().build()));
        assertTrue(e.getMessage().startsWith("b2.csv:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("--decimal-comma"), e.getMessage());
    }

    @Test
    void decimalCommaWithCommaSeparatedHeaderIsRefused() {
        SelectionException e = assertThrows(SelectionException.class,
                () -> PhenotypeCsv.of("c.csv", "a,b\n1,2\n", CsvFormat.DEFAULT.withDecimalComma(true)));
        assertTrue(e.getMessage().startsWith("c.csv:1:"), e.getMessage());
    }

    @Test
    void missingValueCodesAreDroppedListwise() {
        String[] lines = bumpus.split("\n");
        int wAt = List.of(lines[0].split(",")).indexOf("Weight_g");
        StringBuilder coded = new StringBuilder(lines[0]).append('\n');
        String[] codes = {"#N/A", ".", "-"};
        for (int r = 1; r < lines.length; r++) {
            String[] cells = lines[r].split(",", -1);
            if (r <= 3) {
                cells[wAt] = codes[r - 1];
            }
            coded.append(String.join(",", cells)).append('\n');
        }
        CsvFormat na = CsvFormat.DEFAULT.withMissing(Set.of("#N/A", ".", "-"));
        GroupReport g = new SelectionAnalysis().analyze(PhenotypeCsv.of("na.csv", coded.toString(), na), options().build())
                .groups().get(0);
        assertEquals(3, g.dropped() - new SelectionAnalysis().analyze(PhenotypeCsv.of("b.csv", bumpus), options().build())
                .groups().get(0).dropped());
        SelectionException e = assertThrows(SelectionException.class,
                () -> new SelectionAnalysis().analyze(PhenotypeCsv.of("na.csv", coded.toString()), options().build()));
        assertTrue(e.getMessage().startsWith("na.csv:2:"), e.getMessage());
    }

    @Test
    void orderFiltersKeepTheRowsTheySay() {
        RowFilter heavy = RowFilter.parse("Weight_g>=25.5");
        assertEquals(RowFilter.Operator.GE, heavy.operator());
        assertTrue(heavy.matches("25.5") && heavy.matches("30") && !heavy.matches("25.4") && !heavy.matches("NA"));
        assertTrue(RowFilter.parse("a<1").matches("0.5") && !RowFilter.parse("a<1").matches("1"));
        assertTrue(RowFilter.parse("a<=1").matches("1.0") && RowFilter.parse("a>1").matches("1e1"));
        assertTrue(RowFilter.parse("Sex!=0").matches("1") && !RowFilter.parse("Sex!=0").matches("0.0"));
        assertTrue(RowFilter.parse("a>=2,5").matches("2,5", ','));
        assertThrows(SelectionException.class, () -> RowFilter.parse("a<b"));
        assertThrows(SelectionException.class, () -> RowFilter.parse("novalue"));
        // the females by Sex != 1 and by Sex < 1 are the females by Sex = 0
        double[] byEq = beta(PhenotypeCsv.of("b.csv", bumpus), options().where(RowFilter.parse("Sex=0")).build());
        assertArrayEquals(byEq, beta(PhenotypeCsv.of("b.csv", bumpus), options().where(RowFilter.parse("Sex!=1")).build()), 0);
        assertArrayEquals(byEq, beta(PhenotypeCsv.of("b.csv", bumpus), options().where(RowFilter.parse("Sex<1")).build()), 0);
    }

    @Test
    void groupLabelsOneAndOnePointZeroAreOneGroup() {
        String[] lines = bumpus.split("\n");
        int sexAt = List.of(lines[0].split(",")).indexOf("Sex");
        StringBuilder mixed = new StringBuilder(lines[0]).append('\n');
        for (int r = 1; r < lines.length; r++) {
            String[] cells = lines[r].split(",", -1);
            if (r % 2 == 0) {
                cells[sexAt] = cells[sexAt].equals("1") ? "1.0" : "0.00";
            }
            mixed.append(String.join(",", cells)).append('\n');
        }
        SelectionReport plain = new SelectionAnalysis().analyze(PhenotypeCsv.of("b.csv", bumpus), options().by("Sex").build());
        SelectionReport m = new SelectionAnalysis().analyze(PhenotypeCsv.of("m.csv", mixed.toString()), options().by("Sex").build());
        assertEquals(2, m.groups().size());
        assertEquals(List.of("0", "1"), m.groups().stream().map(GroupReport::group).toList());
        for (int i = 0; i < 2; i++) {
            assertEquals(plain.groups().get(i).n(), m.groups().get(i).n());
            assertArrayEquals(plain.groups().get(i).gradient().values(), m.groups().get(i).gradient().values(), 0);
        }
    }
}
