package org.fallline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.fallline.evolution.PhenotypeSource;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.evolution.io.PhenotypeCsv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Lande–Arnold analysis of Bumpus's sparrows (136 birds, 9 traits, the 55-parameter second-order
 * model) with 1000 case-bootstrap resamples (Mitchell-Olds &amp; Shaw 1987) against the same analysis
 * without resampling, in one run. The limit is 2 s for the bootstrapped analysis.
 *
 * <p>The options are the defaults a user gets: least squares plus, because survival is 0/1, the
 * logistic gradients of Janzen &amp; Stern (1998), so {@code bootstrap(1000)} resamples both fits.
 *
 * <p>{@code bootstrap1000} is timed one call per iteration ({@link Mode#SingleShotTime}): each call is
 * one user-visible analysis. The analysis without resampling takes milliseconds, so it is averaged
 * over many calls.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class BootstrapBenchmark {

    static final String[] TRAITS = {"TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm", "HumerusL_in",
        "FemurL_in", "TibioTarL_in", "SkullW_in", "SternumL_in"};

    private PhenotypeSource sparrows;
    private SelectionOptions withBootstrap;
    private SelectionOptions withoutBootstrap;

    @Setup
    public void setUp() {
        sparrows = PhenotypeCsv.of("bumpus.csv", resource("/data/bumpus.csv"));
        withBootstrap = SelectionOptions.builder().fitness("W").traits(TRAITS).bootstrap(1000).build();
        withoutBootstrap = SelectionOptions.builder().fitness("W").traits(TRAITS).build();
    }

    static String resource(String name) {
        try (InputStream in = BootstrapBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the benchmarks jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public SelectionReport bootstrap1000() {
        return new SelectionAnalysis().analyze(sparrows, withBootstrap);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public SelectionReport noBootstrap() {
        return new SelectionAnalysis().analyze(sparrows, withoutBootstrap);
    }
}
