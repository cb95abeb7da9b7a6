package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.fallline.evolution.io.GeneticCovarianceCsv;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/**
 * A G whose genetic variance exceeds the phenotypic variance of a trait (h² = G<sub>ii</sub>/P<sub>ii</sub> &gt; 1)
 * gets a warning in the group's notes; every message about a G read from a file names the file.
 */
class GeneticCovarianceScaleTest {

    private static final String TABLE = Tables.random(300, 21);

    private static SelectionReport analyse(GeneticCovariance g) {
        SelectionOptions.Builder b = SelectionOptions.builder().fitness("W").traits("a", "b", "c");
        if (g != null) {
            b.geneticCovariance(g);
        }
        return new SelectionAnalysis().analyze(PhenotypeCsv.of("t.csv", TABLE), b.build());
    }

    private static List<String> warnings(SelectionReport r) {
        return r.groups().get(0).notes().stream().filter(n -> n.startsWith("warning:")).collect(Collectors.toList());
    }

    /** diag(f_i s_i²) with s the sample sds of the table: heritability h²_i = f_i by construction. */
    private static String diagonal(double[] s, double... f) {
        return String.format(java.util.Locale.ROOT, "a,b,c\n%.17g,0,0\n0,%.17g,0\n0,0,%.17g\n",
                f[0] * s[0] * s[0], f[1] * s[1] * s[1], f[2] * s[2] * s[2]);
    }

    @Test
    void geneticVarianceAbovePhenotypicVarianceIsWarnedAbout() {
        double[] s = analyse(null).groups().get(0).traitSds();
        assertEquals(List.of(), warnings(analyse(GeneticCovarianceCsv.parse("g.csv", diagonal(s, 0.5, 0.5, 0.99)))));
        List<String> w = warnings(analyse(GeneticCovarianceCsv.parse("g.csv", diagonal(s, 0.5, 0.5, 2))));
        assertEquals(1, w.size(), w::toString);
        assertTrue(w.get(0).startsWith("warning: g.csv: G(c, c) = "), w.get(0));
        assertTrue(w.get(0).contains("exceeds the phenotypic variance P = ")
                && w.get(0).contains("of 'c' (G/P = 2.00 > 1)"), w.get(0));
        assertEquals(-1, w.get(0).indexOf('\n'));
    }

    @Test
    void messagesAboutAGFromAFileNameTheFile() {
        GeneticCovariance g = GeneticCovarianceCsv.parse("g.csv", "a,b,x\n1,0,0\n0,1,0\n0,0,1\n");
        assertEquals("g.csv", g.source().orElseThrow());
        SelectionException foreign = assertThrows(SelectionException.class, () -> analyse(g));
        assertEquals("g.csv: the G matrix names 'x', which is not a trait of the analysis (traits: a, b, c)",
                foreign.getMessage());
        GeneticCovariance two = GeneticCovarianceCsv.parse("g2.csv", "a,b\n1,0\n0,1\n");
        assertEquals("g2.csv: the G matrix has no row and column for trait 'c'",
                assertThrows(SelectionException.class, () -> analyse(two)).getMessage());
        assertTrue(assertThrows(SelectionException.class, () -> GeneticCovarianceCsv.parse("g.csv", ""))
                .getMessage().startsWith("g.csv "));
        assertTrue(assertThrows(SelectionException.class, () -> GeneticCovarianceCsv.parse("g.csv", "a,b,c\n1,0,0\n"))
                .getMessage().startsWith("g.csv: "));
        assertEquals("g.csv:3: expected 2 fields (as in the header), found 3", assertThrows(SelectionException.class,
                () -> GeneticCovarianceCsv.parse("g.csv", "a,b\n1,0\n0,1,2\n")).getMessage());
    }
}
