package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fallline.evolution.internal.ShiftedDesign;
import org.fallline.evolution.internal.ResamplingStatistics;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/** Case bootstrap and permutation test through the Resampler, on the synthetic data and on Bumpus. */
class ResamplingTest {

    private static final List<String> TRAITS = List.of("body_length_mm", "mass_g", "wing_mm");
    private static final ReferenceTable REF = new ReferenceTable("/reference/reference_synthetic_n2000.csv");

    private static SelectionReport synthetic(SelectionOptions.Builder b) {
        return new SelectionAnalysis().analyze(
                PhenotypeCsv.open(ReferenceTable.resource("/data/synthetic_selection_n2000.csv")),
                b.fitness("W").traits(TRAITS).build());
    }

    @Test
    void bootstrapAndPermutationsAgreeWithRsMonteCarloValues() {
        GroupReport g = synthetic(SelectionOptions.builder().bootstrap(1000).permutations(1000).seed(7)).groups().get(0);
        assertEquals(1000, g.bootstrapResamples());
        assertEquals(1000, g.permutations());
        for (int i = 0; i < 3; i++) {
            Coefficient b = g.gradient().beta().get(i);
            // R's case bootstrap (B = 1000, another random stream): the SEs of two such Monte Carlo
            // estimates differ by about 2√2 % of the SE, so 10 % is over three standard deviations.
            double rSe = REF.get("synthetic_n2000_3traits", "beta_boot_se", TRAITS.get(i)).estimate();
            assertEquals(rSe, b.bootSe().getAsDouble(), 0.10 * rSe, "bootstrap SE " + TRAITS.get(i));
            // Every β is far beyond the permutation distribution: p = 1/(B + 1), as R found.
            assertEquals(REF.get("synthetic_n2000_3traits", "beta_perm_p", TRAITS.get(i)).estimate(),
                    b.permP().getAsDouble(), 1e-12);
            assertTrue(b.bootLow().getAsDouble() < b.estimate() && b.estimate() < b.bootHigh().getAsDouble());
        }
        QuadraticSelectionMatrix q = g.quadratic().orElseThrow();
        for (Coefficient c : q.gamma()) {
            // With n = 2000 the bootstrap SE is close to the OLS one.
            assertEquals(c.stdError().getAsDouble(), c.bootSe().getAsDouble(), 0.25 * c.stdError().getAsDouble(), c.term());
            assertTrue(c.permP().isPresent());
        }
        for (Coefficient c : g.canonical().orElseThrow().eigenvalues()) {
            assertTrue(c.bootSe().isPresent() && c.bootLow().isPresent());
        }
        // γ for body_length:mass_g is not significant (OLS p = 0.45): neither is its permutation p.
        assertTrue(q.element(0, 1).permP().getAsDouble() > 0.2);
    }

    @Test
    void deterministicForASeed() {
        SelectionOptions.Builder b = SelectionOptions.builder().bootstrap(50).permutations(50).seed(99);
        List<Estimate> one = synthetic(b).tidy();
        List<Estimate> two = synthetic(SelectionOptions.builder().bootstrap(50).permutations(50).seed(99)).tidy();
        assertEquals(one, two);
        List<Estimate> other = synthetic(SelectionOptions.builder().bootstrap(50).permutations(50).seed(100)).tidy();
        assertNotEquals(one, other);
    }

    @Test
    void bootstrapStatisticOfTheWholeSampleIsTheEstimate() {
        // The statistic evaluated on the identity resample reproduces the reported estimates.
        List<String> header = new ArrayList<>();
        double[][] rows = Tables.read("/data/synthetic_selection_n2000.csv", header);
        ShiftedDesign s = new ShiftedDesign(3, true);
        for (double[] r : rows) {
            s.add(r[4], new double[] {r[1], r[2], r[3]});
        }
        double[] est = ResamplingStatistics.estimates(s, Standardization.SD, true, null);
        GroupReport g = synthetic(SelectionOptions.builder()).groups().get(0);
        int at = 0;
        for (Coefficient c : g.gradient().beta()) {
            assertEquals(c.estimate(), est[at++], 1e-12);
        }
        for (Coefficient c : g.quadratic().orElseThrow().gamma()) {
            assertEquals(c.estimate(), est[at++], 1e-12);
        }
        for (Coefficient c : g.canonical().orElseThrow().eigenvalues()) {
            assertEquals(c.estimate(), est[at++], 1e-12);
        }
        assertEquals(at, est.length);
    }

    @Test
    void progressCountsEveryReplicateOfEveryGroupAndRun() {
        List<long[]> calls = new ArrayList<>();
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv")),
                SelectionOptions.builder().fitness("W").traits("TotalLength_mm", "Weight_g").by("Sex").bootstrap(40)
                        .permutations(30).progress((done, total) -> calls.add(new long[] {done, total})).build());
        // Two groups × (least-squares bootstrap + logistic bootstrap + permutations).
        long total = 2 * (40 + 40 + 30);
        assertTrue(calls.stream().allMatch(c -> c[1] == total));
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] > calls.get(i - 1)[0], "monotone");
        }
        assertEquals(total, calls.get(calls.size() - 1)[0]);
        for (GroupReport g : r.groups()) {
            assertTrue(g.glm().get(0).beta().get(0).bootSe().isPresent(), "logistic β is bootstrapped too");
        }
    }

    @Test
    void bumpusNineTraitsBootstrap() {
        List<String> nine = List.of("TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm", "HumerusL_in",
                "FemurL_in", "TibioTarL_in", "SkullW_in", "SternumL_in");
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv")),
                SelectionOptions.builder().fitness("W").traits(nine).bootstrap(200).build());
        GroupReport g = r.groups().get(0);
        assertEquals(200, g.bootstrapResamples());
        long withBoot = r.tidy().stream().filter(e -> e.bootSe().isPresent()).count();
        // β (9), γ (45), eigenvalues (9), logistic β (9): γ_logistic is separated and absent.
        assertEquals(9 + 45 + 9 + 9, withBoot);
    }
}
