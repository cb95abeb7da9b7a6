package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Random;
import org.fallline.evolution.Coefficient;
import org.fallline.evolution.GroupReport;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.evolution.StationaryPoint;
import org.fallline.evolution.io.PhenotypeCsv;
import org.fallline.samples.internal.Numbers;
import org.junit.jupiter.api.Test;

/**
 * The type of the stationary point is printed as a finding only when some canonical eigenvalue is
 * significant (p ≤ 0.05); under --log, x* is labelled as log units and exp(x*) is printed beside it.
 */
class SelectionStationaryLabelTest {

    /** n individuals with traits a, b uniform on [9, 11] and W = 3 − q((a − 10)² + (b − 10)²) + 0.3 ε. */
    private static String table(double q, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("W,a,b\n");
        for (int i = 0; i < 400; i++) {
            double a = 9 + 2 * rnd.nextDouble();
            double b = 9 + 2 * rnd.nextDouble();
            double w = Math.max(0, 3 - q * ((a - 10) * (a - 10) + (b - 10) * (b - 10)) + 0.3 * rnd.nextGaussian());
            sb.append(String.format(Locale.ROOT, "%.10f,%.10f,%.10f%n", w, a, b));
        }
        return sb.toString();
    }

    private static String render(SelectionReport report, SelectionOptions options) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            SelectionRendering.table(report, options, out);
        }
        return s.toString();
    }

    private static String stationaryLine(String text) {
        return text.lines().filter(l -> l.startsWith("Stationary point")).findFirst().orElseThrow();
    }

    @Test
    void significantCurvatureIsAFinding() {
        SelectionOptions o = SelectionOptions.builder().fitness("W").traits("a", "b").build();
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.of("s.csv", table(1, 7)), o);
        GroupReport g = r.groups().get(0);
        assertTrue(g.canonical().orElseThrow().eigenvalues().stream()
                .allMatch(c -> c.pValue().getAsDouble() < 1e-6), g.canonical()::toString);
        String line = stationaryLine(render(r, o));
        assertTrue(line.startsWith("Stationary point of the fitted surface: maximum (stabilising selection)"), line);
    }

    @Test
    void curvatureThatIsNotSignificantIsNotCalledSelection() {
        SelectionOptions o = SelectionOptions.builder().fitness("W").traits("a", "b").build();
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.of("n.csv", table(0, 11)), o);
        GroupReport g = r.groups().get(0);
        for (Coefficient c : g.canonical().orElseThrow().eigenvalues()) {
            assertTrue(c.pValue().getAsDouble() > 0.05, c::toString);
        }
        assertFalse(SelectionRendering.curvatureSignificant(g));
        StationaryPoint sp = g.stationaryPoint().orElseThrow();
        String line = stationaryLine(render(r, o));
        assertTrue(line.startsWith("Stationary point of the fitted surface: " + sp.type().label()
                + " of the fitted surface (gamma not significant: p > 0.05 for every canonical eigenvalue - not evidence of "
                + sp.selection() + " selection)"), line);
    }

    @Test
    void logTraitsShowTheBackTransformedLocation() {
        SelectionOptions o = SelectionOptions.builder().fitness("W").traits("a", "b").log("a").build();
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.of("s.csv", table(1, 7)), o);
        StationaryPoint sp = r.groups().get(0).stationaryPoint().orElseThrow();
        String all = render(r, o);
        String text = all.substring(all.indexOf("Stationary point"));
        assertTrue(text.contains("x* (analysed units)") && text.contains("exp(x*) (trait units)"), text);
        String rowA = text.lines().filter(l -> l.strip().startsWith("log(a) ")).findFirst().orElseThrow();
        String[] cells = rowA.strip().split("\\s+");
        assertEquals(Numbers.table(sp.traitLocation()[0]), cells[2], rowA);
        assertEquals(Numbers.table(Math.exp(sp.traitLocation()[0])), cells[3], rowA);
        // the maximum of the surface is at a = b = 10 by construction
        assertEquals(10, Math.exp(sp.traitLocation()[0]), 0.2, rowA);
        String rowB = text.lines().filter(l -> l.strip().startsWith("b ")).findFirst().orElseThrow();
        assertEquals(rowB.strip().split("\\s+")[2], rowB.strip().split("\\s+")[3], rowB);
    }
}
