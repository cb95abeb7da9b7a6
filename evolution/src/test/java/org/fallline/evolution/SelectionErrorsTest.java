package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is a BAD_INPUT SelectionException with one clear line, never a table. */
class SelectionErrorsTest {

    private static final SelectionAnalysis ANALYSIS = new SelectionAnalysis();

    private static SelectionOptions.Builder abc() {
        return SelectionOptions.builder().fitness("W").traits("a", "b", "c");
    }

    private static String fails(String name, String text, SelectionOptions.Builder options) {
        SelectionException e = assertThrows(SelectionException.class,
                () -> ANALYSIS.analyze(PhenotypeCsv.of(name, text), options.build()));
        assertEquals(SelectionException.Kind.BAD_INPUT, e.kind(), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
        return e.getMessage();
    }

    /** The random table with the cell in (row, column) — both 1-based, header = row 0 — replaced. */
    private static String withCell(String text, int row, int column, String value) {
        String[] lines = text.split("\n", -1);
        String[] f = lines[row].split(",", -1);
        f[column - 1] = value;
        lines[row] = String.join(",", f);
        return String.join("\n", lines);
    }

    @Test
    void unknownColumnSuggestsTheClosest() {
        String text = Tables.random(100, 1);
        assertEquals("unknown trait column 'B' in t.csv (did you mean 'b'?)",
                fails("t.csv", text, SelectionOptions.builder().fitness("W").traits("a", "B")));
        assertEquals("unknown fitness column 'fitness' in t.csv (columns: id, grp, a, b, c, W)",
                fails("t.csv", text, SelectionOptions.builder().fitness("fitness").traits("a")));
        assertEquals("unknown grouping column 'gr' in t.csv (did you mean 'grp'?)",
                fails("t.csv", text, abc().by("gr")));
    }

    @Test
    void nonNumericCellNamesFileLineAndColumn() {
        String text = withCell(Tables.random(100, 1), 16, 4, "abc");
        assertEquals("t.csv:17:4: expected a number in column 'b', found 'abc'", fails("t.csv", text, abc()));
        String bumpus = "Sex,W,AgeGroup,TotalLength_mm,Weight_g\n" + "1,1,1,154,24.5\n".repeat(15) + "1,0,1,150,abc\n";
        assertEquals("bumpus.csv:17:5: expected a number in column 'Weight_g', found 'abc'",
                fails("bumpus.csv", bumpus, SelectionOptions.builder().fitness("W").traits("TotalLength_mm", "Weight_g")));
    }

    @Test
    void decimalCommaIsExplained() {
        String text = "W;a\n1;2,5\n";
        assertEquals("c.csv:2:2: expected a number in column 'a', found '2,5' (a decimal comma? numbers must use '.' as"
                + " the decimal mark, or give --decimal-comma)", fails("c.csv", text, SelectionOptions.builder().fitness("W").traits("a")));
    }

    @Test
    void duplicateColumnNames() {
        String text = "W,a,b,a\n1,2,3,4\n";
        assertEquals("d.csv:1: column name 'a' appears 2 times in the header (columns 2, 4): rename them so that each"
                + " is unique", fails("d.csv", text, SelectionOptions.builder().fitness("W").traits("a", "b")));
    }

    @Test
    void raggedRowsEmptyAndHeaderOnly() {
        String text = Tables.random(50, 2).replaceFirst("\n3,1,", "\n3,");
        assertEquals("r.csv:4: expected 6 fields (as in the header), found 5", fails("r.csv", text, abc()));
        assertEquals("h.csv has a header but no data rows", fails("h.csv", "id,grp,a,b,c,W\n", abc()));
        SelectionException empty = assertThrows(SelectionException.class, () -> PhenotypeCsv.of("e.csv", ""));
        assertEquals("e.csv is empty: expected a header line with column names", empty.getMessage());
    }

    @Test
    void badFitness() {
        String text = Tables.random(100, 3);
        String negative = withCell(text, 5, 6, "-1");
        assertEquals("t.csv:6:6: fitness 'W' must be ≥ 0, found -1", fails("t.csv", negative, abc()));
        String zeros = text.replaceAll(",\\d+\n", ",0\n");
        assertEquals("mean fitness is 0 in the data: every individual has fitness 0, so relative fitness W/mean(W) is"
                + " undefined", fails("t.csv", zeros, abc()));
        String constant = text.replaceAll(",\\d+\n", ",2\n");
        assertEquals("fitness is the same (2) for every individual in the data: there is no variation in fitness to"
                + " measure selection from", fails("t.csv", constant, abc()));
        assertEquals("mean fitness is 0 in group '1': every individual has fitness 0, so relative fitness W/mean(W) is"
                + " undefined", fails("t.csv", zeros, abc().by("grp")));
    }

    @Test
    void logisticOnNonBinaryFitness() {
        String text = Tables.random(100, 3);
        String msg = fails("t.csv", text, abc().model(Model.LOGISTIC));
        String[] lines = text.split("\n");
        int row = 1;
        while (lines[row].endsWith(",0") || lines[row].endsWith(",1")) {
            row++;
        }
        String w = lines[row].substring(lines[row].lastIndexOf(',') + 1);
        assertEquals("t.csv:" + (row + 1) + ":6: the logistic model needs fitness 0 or 1, but 'W' is " + w, msg);
    }

    @Test
    void constantAndCollinearTraits() {
        String text = Tables.random(100, 4);
        StringBuilder sb = new StringBuilder("W,a,b,k,d\n");
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            double a = Double.parseDouble(f[2]);
            double b = Double.parseDouble(f[3]);
            sb.append(f[5]).append(',').append(f[2]).append(',').append(f[3]).append(",7,")
                    .append(String.format(Locale.ROOT, "%.4f", 2 * a - b)).append('\n');
        }
        String t = sb.toString();
        assertEquals("trait 'k' is constant in the data (every value is 7): it carries no information about selection;"
                + " leave it out", fails("k.csv", t, SelectionOptions.builder().fitness("W").traits("a", "k")));
        assertEquals("trait 'd' is a linear function of 'a', 'b' (collinear: aliased in the pivoted QR, tolerance 1e-7,"
                + " as R's lm would report it NA): leave it out", fails("k.csv", t, SelectionOptions.builder().fitness("W").traits("a", "b", "d")));
    }

    @Test
    void twoValuedTraitInTheSecondOrderModel() {
        String text = Tables.random(200, 5);
        String msg = fails("t.csv", text, SelectionOptions.builder().fitness("W").traits("a", "grp"));
        assertEquals("trait 'grp' takes only two distinct values, so its square is a linear function of it and γ cannot"
                + " be estimated: leave it out or use the first-order model alone", msg);
        // The first-order model alone is fine.
        ANALYSIS.analyze(PhenotypeCsv.of("t.csv", text),
                SelectionOptions.builder().fitness("W").traits("a", "grp").quadratic(false).build());
    }

    @Test
    void tooFewIndividuals() {
        StringBuilder sb = new StringBuilder("x,W,t1,t2,t3,t4,t5,t6,t7,t8,t9\n");
        java.util.Random r = new java.util.Random(6);
        for (int i = 0; i < 40; i++) {
            sb.append("x,").append(r.nextInt(3));
            for (int j = 0; j < 9; j++) {
                sb.append(',').append(r.nextGaussian());
            }
            sb.append('\n');
        }
        List<String> nine = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
        assertEquals("the second-order model of 9 traits needs at least 56 individuals, group 'x' has 40: use fewer"
                + " traits or the first-order model alone",
                fails("n.csv", sb.toString(), SelectionOptions.builder().fitness("W").traits(nine).by("x")));
        assertEquals("the second-order model of 9 traits needs at least 56 individuals, the data has 40: use fewer"
                + " traits or the first-order model alone",
                fails("n.csv", sb.toString(), SelectionOptions.builder().fitness("W").traits(nine)));
    }

    @Test
    void byGroupTooSmall() {
        String text = Tables.random(100, 7) + "101,3,10,20,30,1\n102,3,11,21,31,0\n";
        assertEquals("the second-order model of 3 traits needs at least 11 individuals, group '3' has 2: use fewer"
                + " traits or the first-order model alone", fails("t.csv", text, abc().by("grp")));
        assertEquals("the first-order model of 3 traits needs at least 5 individuals, group '3' has 2: use fewer traits",
                fails("t.csv", text, abc().by("grp").quadratic(false)));
    }

    @Test
    void logOfNonPositiveValue() {
        String text = withCell(Tables.random(100, 8), 9, 3, "0");
        assertEquals("t.csv:10:3: cannot take the log of trait 'a' = 0 (the log transform needs positive values)",
                fails("t.csv", text, abc().log("a")));
        assertEquals("t.csv:10:3: cannot take the log of trait 'a' = 0 (the log transform needs positive values)",
                fails("t.csv", text, abc().logAll()));
    }

    @Test
    void meanStandardisationNeedsPositiveMeans() {
        String text = Tables.random(100, 9).replaceAll("\n(\\d+),(\\d),", "\n$1,$2,-");
        String msg = fails("t.csv", text, abc().standardization(Standardization.MEAN));
        assertTrue(msg.matches("mean standardisation needs traits with a positive mean, but trait 'a' has mean -10\\.\\d+ in"
                + " the data: use SD standardisation or a ratio-scale measurement"), msg);
    }

    @Test
    void filterMatchingNothing() {
        String text = Tables.random(100, 10);
        assertEquals("no row of t.csv matches grp=3 ('grp' has 1, 2)", fails("t.csv", text, abc().where("grp", "3")));
    }

    @Test
    void allRowsIncomplete() {
        String text = Tables.random(20, 11).replaceAll("\n(\\d+),(\\d),[^,]*,", "\n$1,$2,NA,");
        assertEquals("the data has no complete rows: all 20 of its rows have a missing fitness or trait value (first at"
                + " line 2)", fails("t.csv", text, abc()));
    }

    @Test
    void geneticCovarianceProblems() {
        String text = Tables.random(100, 12);
        GeneticCovariance g = new GeneticCovariance(List.of("a", "b", "x"),
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertEquals("the G matrix names 'x', which is not a trait of the analysis (traits: a, b, c)",
                fails("t.csv", text, abc().geneticCovariance(g)));
        assertThrows(SelectionException.class,
                () -> new GeneticCovariance(List.of("a", "b"), new double[][] {{1, 2}, {0, 1}}));
        assertThrows(SelectionException.class,
                () -> new GeneticCovariance(List.of("a", "b"), new double[][] {{1, 2}, {2, 1}}));
    }

    @Test
    void badOptions() {
        assertEquals("no trait columns given",
                assertThrows(SelectionException.class, () -> SelectionOptions.builder().fitness("W").build()).getMessage());
        assertEquals("column 'W' cannot be both the fitness and a trait", assertThrows(SelectionException.class,
                () -> SelectionOptions.builder().fitness("W").traits("a", "W").build()).getMessage());
        assertEquals("cannot log-transform 'z': it is not one of the traits (a, b)", assertThrows(SelectionException.class,
                () -> SelectionOptions.builder().fitness("W").traits("a", "b").log("z").build()).getMessage());
        assertEquals("a 'where' filter must read COLUMN=VALUE (or !=, <, <=, >, >=), found 'Sex'",
                assertThrows(SelectionException.class, () -> RowFilter.parse("Sex")).getMessage());
    }
}
