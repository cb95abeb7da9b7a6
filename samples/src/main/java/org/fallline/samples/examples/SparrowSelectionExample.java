package org.fallline.samples.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fallline.evolution.CanonicalAnalysis;
import org.fallline.evolution.Coefficient;
import org.fallline.evolution.GroupReport;
import org.fallline.evolution.PhenotypeSource;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.evolution.io.PhenotypeCsv;

/**
 * Example of the evolution library: the Lande–Arnold analysis of natural selection on Bumpus's house
 * sparrows, the 136 birds picked up after a winter storm in 1898, of which 72 survived (Bumpus 1899; Lande
 * &amp; Arnold 1983, Evolution 37: 1210–1226).
 *
 * <p>Fitness is survival W (1 survived, 0 died), made relative as w = W/W̄; the nine measurements are
 * standardised, z = (x − x̄)/sd. The directional selection gradient β holds the partial regression slopes of
 * w on z in the first-order model w = α + βᵀz + ε; the quadratic selection matrix γ comes from the
 * second-order model, and its canonical analysis γ = MΛMᵀ (Phillips &amp; Arnold 1989, Evolution 43:
 * 1209–1222) gives the principal curvatures of the fitness surface. The example runs the analysis
 * ({@link SelectionAnalysis} with {@link SelectionOptions}) twice on the bundled data
 * ({@code /data/bumpus.csv} on the class path, read with {@link PhenotypeCsv}): on all birds, and on the
 * females only (rows where {@code Sex} = 0), and prints β with its standard errors and the leading eigenvalue
 * of γ — the one largest in absolute value: the strongest curvature, upwards (disruptive) if positive,
 * downwards (stabilising) if negative — with its double-regression standard error.
 *
 * <p>For the 49 females only β is estimated: the second-order model of nine traits has 1 + 9 + 45 = 55
 * coefficients, more than 49 birds can determine, and the library refuses it with a clear message
 * (a {@link org.fallline.evolution.SelectionException}) rather than returning a meaningless γ; the example
 * therefore asks for the first-order model alone ({@code quadratic(false)}).
 *
 * <p>Survival is binary, so least-squares standard errors are only approximate (Janzen &amp; Stern 1998,
 * Evolution 52: 1564–1571); the full report also holds the logistic-regression gradients, which the
 * {@code fallline selection} command prints.
 *
 * <p>Run it with
 * {@code java -cp samples/target/fallline.jar org.fallline.samples.examples.SparrowSelectionExample}.
 */
public final class SparrowSelectionExample {

    /** The fitness column: 1 survived, 0 died. */
    public static final String FITNESS = "W";

    /** Bumpus's nine measurements (lengths in mm or inches, weight in g). */
    public static final List<String> TRAITS = List.of("TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm",
            "HumerusL_in", "FemurL_in", "TibioTarL_in", "SkullW_in", "SternumL_in");

    private static final String RESOURCE = "/data/bumpus.csv";

    private SparrowSelectionExample() {
    }

    /**
     * The selection estimates of one group of birds.
     *
     * @param label             which birds
     * @param n                 number of birds analysed
     * @param meanFitness       W̄, the proportion that survived
     * @param beta              β, one coefficient per trait in {@link #TRAITS} order, with least-squares inference
     * @param leadingEigenvalue the eigenvalue of γ largest in absolute value (term m1 … m9 of the canonical
     *                          analysis), with its double-regression standard error; empty when only the
     *                          first-order model was fitted
     */
    public record Selection(String label, long n, double meanFitness, List<Coefficient> beta,
                            Optional<Coefficient> leadingEigenvalue) {

        public Selection {
            beta = List.copyOf(beta);
        }
    }

    /**
     * What the example computes.
     *
     * @param allBirds all 136 birds
     * @param females  the 49 females
     */
    public record Result(Selection allBirds, Selection females) {
    }

    /** The bundled Bumpus data, read from the class path. */
    public static PhenotypeSource bundledData() {
        try (InputStream in = SparrowSelectionExample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled data " + RESOURCE + " is missing from the class path");
            }
            return PhenotypeCsv.of("bumpus.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analyses the bundled data: all birds, then the females only. */
    public static Result run() {
        PhenotypeSource data = bundledData();
        SelectionAnalysis analysis = new SelectionAnalysis();
        SelectionOptions all = SelectionOptions.builder().fitness(FITNESS).traits(TRAITS).build();
        // 49 females cannot determine the 55 coefficients of the second-order model: β only
        SelectionOptions females = SelectionOptions.builder().fitness(FITNESS).traits(TRAITS).where("Sex", "0")
                .quadratic(false).build();
        return new Result(summarise("all birds", analysis.analyze(data, all)),
                summarise("females", analysis.analyze(data, females)));
    }

    private static Selection summarise(String label, SelectionReport report) {
        // without a "by" column the report has a single group
        GroupReport g = report.groups().get(0);
        Optional<Coefficient> leading = g.canonical().map(CanonicalAnalysis::eigenvalues)
                .flatMap(values -> values.stream().max(Comparator.comparingDouble(c -> Math.abs(c.estimate()))));
        return new Selection(label, g.n(), g.meanFitness(), g.gradient().beta(), leading);
    }

    public static void main(String[] args) {
        Result r = run();
        for (Selection s : List.of(r.allBirds(), r.females())) {
            System.out.printf(Locale.ROOT, "Bumpus's sparrows, %s: n = %d, %.1f%% survived%n", s.label(), s.n(),
                    100 * s.meanFitness());
            System.out.printf(Locale.ROOT, "  %-15s %9s %9s%n", "trait", "beta", "SE");
            for (Coefficient b : s.beta()) {
                System.out.printf(Locale.ROOT, "  %-15s %9.4f %9.4f%n", b.term(), b.estimate(),
                        b.stdError().orElse(Double.NaN));
            }
            if (s.leadingEigenvalue().isPresent()) {
                Coefficient l = s.leadingEigenvalue().get();
                System.out.printf(Locale.ROOT, "  leading eigenvalue of gamma (%s): %.4f (SE %.4f), %s%n%n", l.term(),
                        l.estimate(), l.stdError().orElse(Double.NaN),
                        l.estimate() > 0 ? "curving up (disruptive)" : "curving down (stabilising)");
            } else {
                System.out.println("  gamma not estimated: its 55 coefficients need more than the " + s.n()
                        + " birds");
                System.out.println();
            }
        }
    }
}
