package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/** The flat tidy table: analyses, terms, counts and which columns are filled. */
class TidyTest {

    @Test
    void layoutOfTheTidyTable() {
        assertEquals("group,analysis,term,estimate,std.error,statistic,p.value,conf.low,conf.high,boot.se,perm.p.value,"
                + "boot.conf.low,boot.conf.high,glm.p.value",
                String.join(",", Estimate.COLUMNS));
        GeneticCovariance g = new GeneticCovariance(List.of("a", "b", "c"),
                new double[][] {{1, 0.2, 0}, {0.2, 1, 0}, {0, 0, 1}});
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.of("t.csv", Tables.random(300, 21)),
                SelectionOptions.builder().fitness("W").traits("a", "b", "c").by("grp").geneticCovariance(g)
                        .model(Model.POISSON).bootstrap(20).permutations(20).build());
        List<Estimate> rows = r.tidy();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Estimate e : rows) {
            if (e.group().equals("1")) {
                counts.merge(e.analysis(), 1, Integer::sum);
            }
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("S", 3);
        expected.put("C", 6);
        expected.put("beta", 3);
        expected.put("gamma", 6);
        expected.put("quadratic_linear", 3);
        expected.put("eigenvalue", 3);
        expected.put("eigenvector", 9);
        expected.put("theta", 3);
        expected.put("beta_poisson", 3);
        expected.put("gamma_poisson", 6);
        expected.put("response", 3);
        expected.put("fit", 3 + 2 * 6 + 1);
        assertEquals(expected, counts);
        assertEquals(2 * rows.size() / 2, rows.size());
        List<String> groups = rows.stream().map(Estimate::group).distinct().toList();
        assertEquals(List.of("1", "2"), groups);

        List<String> terms = rows.stream().filter(e -> e.group().equals("1")).map(e -> e.analysis() + " " + e.term())
                .toList();
        assertTrue(terms.containsAll(List.of("S a", "C a:a", "C a:b", "C b:c", "gamma a:c", "eigenvalue m1",
                "eigenvector m1:a", "eigenvector m3:c", "theta m2", "response c", "fit n", "fit dropped",
                "fit mean_fitness", "fit linear.r.squared", "fit quadratic.adj.r.squared", "fit canonical.r.squared",
                "fit linear.f.statistic", "fit quadratic.df", "fit linear.df.residual")), terms.toString());
        // The double regression's fit claims no degrees of freedom: they would ignore the estimated rotation.
        assertTrue(terms.stream().noneMatch(t -> t.startsWith("fit canonical.") && !t.equals("fit canonical.r.squared")));
        assertTrue(terms.indexOf("S a") < terms.indexOf("beta a") && terms.indexOf("beta a") < terms.indexOf("gamma a:a"));

        for (Estimate e : rows) {
            assertTrue(Double.isFinite(e.estimate()));
            switch (e.analysis()) {
                case "beta", "gamma" -> {
                    assertTrue(e.stdError().isPresent() && e.pValue().isPresent() && e.confLow().isPresent());
                    assertTrue(e.bootSe().isPresent() && e.permPValue().isPresent());
                    assertTrue(e.bootConfLow().getAsDouble() < e.bootConfHigh().getAsDouble());
                }
                case "eigenvalue" -> assertTrue(e.stdError().isPresent() && e.bootSe().isPresent()
                        && e.permPValue().isPresent() && e.bootConfLow().isPresent() && e.bootConfHigh().isPresent());
                case "S", "C", "eigenvector" -> assertTrue(e.stdError().isEmpty() && e.bootSe().isEmpty());
                case "response" -> assertTrue(e.stdError().isEmpty() && e.bootSe().isPresent());
                case "beta_poisson", "gamma_poisson" -> assertTrue(e.stdError().isPresent() && e.pValue().isPresent()
                        && e.bootSe().isPresent() && e.bootConfLow().isPresent());
                default -> { }
            }
        }
        Estimate f = rows.stream().filter(e -> e.term().equals("linear.f.statistic")).findFirst().orElseThrow();
        assertEquals(f.estimate(), f.statistic().getAsDouble(), 0.0);
        assertTrue(f.pValue().isPresent());
        Estimate n = rows.stream().filter(e -> e.term().equals("n")).findFirst().orElseThrow();
        assertEquals(r.groups().get(0).n(), (long) n.estimate());
        // a GLM is the model: its rows have their own Wald p-values, nothing goes beside the least-squares rows
        assertTrue(rows.stream().allMatch(e -> e.glmPValue().isEmpty()));
    }

    @Test
    void covariateRowsAndGlmPValuesBesideLeastSquaresOfCounts() {
        SelectionReport r = new SelectionAnalysis().analyze(PhenotypeCsv.of("t.csv", Tables.random(300, 21)),
                SelectionOptions.builder().fitness("W").traits("a", "b", "c").covariates("grp").categorical("grp")
                        .build());
        List<Estimate> rows = r.tidy();
        List<String> analyses = rows.stream().map(Estimate::analysis).distinct().toList();
        assertTrue(analyses.indexOf("quadratic_linear") < analyses.indexOf("covariate")
                && analyses.indexOf("covariate") < analyses.indexOf("eigenvalue"), analyses.toString());
        List<Estimate> cov = rows.stream().filter(e -> e.analysis().equals("covariate")).toList();
        assertEquals(List.of("grp:2"), cov.stream().map(Estimate::term).toList());
        for (Estimate e : rows) {
            boolean beside = List.of("beta", "gamma", "covariate").contains(e.analysis());
            assertEquals(beside, e.glmPValue().isPresent(), e.analysis() + " " + e.term());
            if (beside) {
                double p = e.glmPValue().getAsDouble();
                assertTrue(p > 0 && p <= 1, e.term());
            }
        }
        // Gaussian fitness: the column stays empty
        SelectionReport gauss = new SelectionAnalysis().analyze(PhenotypeCsv.of("t.csv", Tables.random(300, 21)),
                SelectionOptions.builder().fitness("c").traits("a", "b").build());
        assertTrue(gauss.tidy().stream().allMatch(e -> e.glmPValue().isEmpty()));
    }
}
