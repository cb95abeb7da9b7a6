package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fallline tour --quick}: the report's files, its page, and its numbers against their references. */
class TourCommandTest {

    private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

    private static Path dir() {
        Run.Result r = QuickTour.run();
        assertEquals(0, r.status(), r::toString);
        return QuickTour.DIRECTORY;
    }

    @Test
    void summaryIsAboutAScreenAndEndsWithThePathOfThePage() {
        Run.Result r = QuickTour.run();
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() <= 40, r::toString);
        assertEquals("report: " + QuickTour.DIRECTORY.resolve("index.html"), lines.get(lines.size() - 1));
        // stderr is not a terminal here: no progress, and nothing else either
        assertEquals("", r.err(), r::toString);
        assertFalse(r.out().contains("\u001b["), "no ANSI escapes");
    }

    @Test
    void pageIsSelfContainedAndEveryLocalReferenceExists() throws IOException {
        Path dir = dir();
        String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing from the network");
        Matcher m = LOCAL_REFERENCE.matcher(html);
        List<String> refs = new ArrayList<>();
        while (m.find()) {
            refs.add(m.group(1));
        }
        assertTrue(refs.size() >= 10, refs::toString);
        for (String ref : refs) {
            assertTrue(Files.isRegularFile(dir.resolve(ref)), "missing " + ref);
        }
        for (String id : List.of("selection", "equilibria", "descent", "flow", "heat", "surface")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertTrue(html.contains("fallline equilibria --potential &#39;exp(x)*cos(y) - x - 1&#39; --box -2:2,-1:13"));
        // no staging directory is left beside the report
        try (Stream<Path> s = Files.list(dir.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".quick-tour.")));
        }
    }

    @Test
    void descentRatesAgreeWithTheTheory() throws IOException {
        List<String> lines = Files.readAllLines(dir().resolve("descent-rates.csv"));
        assertEquals("method,kappa,iterations,converged,predicted_rate,measured_rate", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            double kappa = Double.parseDouble(c[1]);
            assertEquals("true", c[3], line);
            double predicted = Double.parseDouble(c[4]);
            double measured = Double.parseDouble(c[5]);
            double sk = Math.sqrt(kappa);
            switch (c[0]) {
                case "gd" -> {
                    // step 2/(mu+L): spectral radius (kappa-1)/(kappa+1); every error component contracts at
                    // most that fast, so the measurement cannot exceed it (beyond rounding) and reaches it
                    assertEquals((kappa - 1) / (kappa + 1), predicted, 1e-15, line);
                    assertTrue(measured <= predicted * (1 + 1e-9), line);
                    if (kappa >= 100) {
                        assertEquals(predicted, measured, 1e-9, line);
                    }
                }
                case "heavy-ball", "cg" -> assertEquals((sk - 1) / (sk + 1), predicted, 1e-15, line);
                case "nesterov" -> assertEquals(1 - 1 / sk, predicted, 1e-12, line);
                default -> throw new AssertionError(line);
            }
            if (c[0].equals("cg")) {
                // the Chebyshev bound holds, and finite termination: at most n = 50 steps
                assertTrue(measured <= predicted, line);
                assertTrue(Integer.parseInt(c[2]) <= DescentTour.dimension(true), line);
            }
        }
    }

    @Test
    void himmelblauHasFourMinimaFourSaddlesAndThePublishedMaximum() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(dir().resolve("equilibria.json").toFile());
        JsonNode eq = doc.get("himmelblau").get("equilibria");
        int minima = 0;
        int saddles = 0;
        List<double[]> min = new ArrayList<>();
        for (JsonNode e : eq) {
            switch (e.get("type").asText()) {
                case "minimum" -> {
                    minima++;
                    min.add(new double[] {e.get("point").get(0).asDouble(), e.get("point").get(1).asDouble()});
                    assertEquals(0, e.get("value").asDouble(), 1e-12);
                }
                case "saddle" -> saddles++;
                case "maximum" -> {
                    // Himmelblau (1972): (-0.270845, -0.923039), V = 181.617 (six figures)
                    assertEquals(-0.270845, e.get("point").get(0).asDouble(), 5e-7);
                    assertEquals(-0.923039, e.get("point").get(1).asDouble(), 5e-7);
                    assertEquals(181.617, e.get("value").asDouble(), 5e-4);
                }
                default -> throw new AssertionError(e.toString());
            }
        }
        assertEquals(4, minima);
        assertEquals(4, saddles);
        assertEquals(9, eq.size());
        // the exact minimum (3, 2)
        assertTrue(min.stream().anyMatch(p -> Math.abs(p[0] - 3) < 1e-9 && Math.abs(p[1] - 2) < 1e-9));
        JsonNode saddleField = doc.get("saddleField").get("equilibria");
        assertEquals(3, saddleField.size());
        for (JsonNode e : saddleField) {
            assertArrayEquals(new double[] {-1, 1}, new double[] {e.get("eigenvalues").get(0).asDouble(),
                e.get("eigenvalues").get(1).asDouble()}, 1e-12);
        }
    }

    @Test
    void selectionGradientMatchesR() throws IOException {
        List<String> lines = Files.readAllLines(dir().resolve("selection.csv"));
        String beta = lines.stream().filter(l -> l.startsWith("all,beta,TotalLength_mm,")).findFirst().orElseThrow();
        String[] c = beta.split(",", -1);
        // R lm on the same data (reference_real_data.csv): -0.493071315366 (SE 0.106696296632)
        assertEquals(SelectionTour.R_BETA_TOTAL_LENGTH, Double.parseDouble(c[3]), 1e-10);
        assertEquals(SelectionTour.R_BETA_TOTAL_LENGTH_SE, Double.parseDouble(c[4]), 1e-10);
        // the bootstrap ran with the quick tour's resamples
        assertFalse(c[9].isEmpty(), beta);
    }

    @Test
    void physicsAndGeometryNumbersAgreeWithTheirReferences() throws IOException {
        String html = Files.readString(dir().resolve("index.html"), StandardCharsets.UTF_8);
        // the flow section's numbers are read from the page's table rows
        assertTrue(number(html, "stable manifolds: max |y − 2πk|") < 1e-9);
        assertTrue(number(html, "unstable manifolds: max |x − ln(y′/sin y′)|") < 1e-6);
        assertEquals(FlowTour.BLOW_UP_TIME, number(html, "gradient flow from (0.5, 0.5): blow-up time"), 1e-6);
        // heat: max|u(T)| against the exact solution of the semi-discrete system (the run is exact in time),
        // to the six digits of the page, and against the continuum to O(h^2)
        for (String what : List.of("1-D", "1-D, weight decay λ = 5", "2-D", "2-D, weight decay λ = 5")) {
            int d = what.startsWith("1") ? 1 : 2;
            double lambda = what.contains("decay") ? HeatTour.DECAY : 0;
            double grid = HeatTour.gridExact(d, HeatTour.gridSize(d, true), lambda);
            double measured = number(html, what + ": max |u(T)|, T = 0.1");
            assertEquals(grid, measured, 5e-6 * grid, what);
            double h = 1.0 / (HeatTour.gridSize(d, true) + 1);
            double continuum = Math.exp(-(d * Math.PI * Math.PI + lambda) * HeatTour.T);
            assertEquals(continuum, measured, 2 * Math.PI * Math.PI * h * h * continuum, what);
        }
        // geometry: Scherk (n = 33) and the catenoid against their exact areas, O(h^2)
        assertEquals(SurfaceTour.SCHERK_AREA, number(html, "Scherk on [−1, 1]², n = 33: area"), 1e-3 * 5.7);
        assertEquals(SurfaceTour.CATENOID_AREA, number(html, "catenoid on 1.2 ≤ r ≤ 2: area"), 1e-3 * 10.6);
        assertTrue(html.contains("annulus 1 ≤ r ≤ 2, heights 1.5 and 0: exit status</td><td class=\"value\">3: "
                + "no minimal graph"), "the annulus is refused as having no minimal graph");
    }

    /** The first number in the value cell of the table row whose quantity is {@code quantity}. */
    private static double number(String html, String quantity) {
        String row = "<tr><td>" + quantity + "</td><td class=\"value\">";
        int at = html.indexOf(row);
        assertTrue(at >= 0, "no row " + quantity);
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?(e-?\\d+)?").matcher(html.substring(at + row.length()));
        assertTrue(m.find(), quantity);
        return Double.parseDouble(m.group());
    }

    @Test
    void aMissingParentDirectoryIsBadInputAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("no-such-dir").resolve("report");
        Run.Result r = Run.fallline("tour", "--quick", "--out", target.toString());
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: --out: cannot create"), r::toString);
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsBadInput(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("report"), "keep me");
        Run.Result r = Run.fallline("tour", "--quick", "--out", file.toString());
        assertEquals(2, r.status(), r::toString);
        assertEquals("error: --out: '" + file + "' exists and is not a directory", r.err().strip());
        assertEquals("keep me", Files.readString(file));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
    }
}
