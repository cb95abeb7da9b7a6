package org.fallline.core.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fallline.core.CoreException;
import org.fallline.core.field.Box;
import org.fallline.core.field.Expression;
import org.junit.jupiter.api.Test;

class MultistartStoppingRuleTest {

    /** Good (1953): the unseen mass is N₁/N, N₁ the species seen once; here N₁ = 2 of N = 10 samples. */
    @Test
    void goodTuringEstimateIsTheFractionOfSingletons() {
        MultistartStoppingRule rule = MultistartStoppingRule.goodTuring(0.25);
        assertEquals(0.2, rule.estimate(10, new int[] {1, 4, 1, 3}), 1e-15);
        assertTrue(rule.satisfied(10, new int[] {1, 4, 1, 3}, false));
        assertFalse(rule.satisfied(10, new int[] {1, 4, 1, 3}, true), "a round that found a new point goes on");
        assertFalse(MultistartStoppingRule.goodTuring(0.1).satisfied(10, new int[] {1, 4, 1, 3}, false));
        // failed starts count in N: 2 singletons of 20 starts
        assertEquals(0.1, rule.estimate(20, new int[] {1, 4, 1, 3}), 1e-15);
    }

    /**
     * Boender and Rinnooy Kan (1987), eq. (15): with w = 3 points from M = 11 converged starts the posterior mean of
     * the number of points is w(M − 1)/(M − w − 2) = 3·10/6 = 5, so 2 are expected unseen.
     */
    @Test
    void boenderRinnooyKanEstimateIsThePosteriorMeanMinusTheFound() {
        MultistartStoppingRule rule = MultistartStoppingRule.boenderRinnooyKan(0.5);
        assertEquals(2.0, rule.estimate(40, new int[] {5, 4, 2}), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, rule.estimate(40, new int[] {2, 1, 1}));
        // w = 1 from M = 100: 99/97 − 1 = 2/97 expected unseen
        assertEquals(2.0 / 97, rule.estimate(100, new int[] {100}), 1e-15);
        assertTrue(rule.satisfied(100, new int[] {100}, false));
    }

    @Test
    void fixedRuleCountsStarts() {
        MultistartStoppingRule rule = MultistartStoppingRule.fixed(30);
        assertFalse(rule.satisfied(29, new int[] {29}, false));
        assertTrue(rule.satisfied(30, new int[] {1}, true));
        assertThrows(CoreException.class, () -> MultistartStoppingRule.fixed(0));
        assertThrows(CoreException.class, () -> MultistartStoppingRule.goodTuring(1));
        assertThrows(CoreException.class, () -> MultistartStoppingRule.boenderRinnooyKan(Double.NaN));
    }

    /**
     * sin x sin y on [−7, 7]²: ∇V = (cos x sin y, sin x cos y) vanishes where sin x = sin y = 0, x, y ∈ {0, ±π, ±2π}
     * (25 saddles, Hessian [[0, ±1], [±1, 0]]), and where cos x = cos y = 0, x, y ∈ {±π/2, ±3π/2} (16 points,
     * V = sin x sin y = ±1: 8 maxima, 8 minima). 64 starts found 35 of the 41; the default search finds all.
     */
    @Test
    void defaultSearchFindsAll41CriticalPointsOfSinSin() {
        EquilibriumSearch s = new EquilibriumFinder().search(Expression.parse("sin(x)*sin(y)"),
                new Box(new double[] {-7, -7}, new double[] {7, 7}), (done, total) -> { });
        List<double[]> expected = new ArrayList<>();
        for (int i = -2; i <= 2; i++) {
            for (int j = -2; j <= 2; j++) {
                expected.add(new double[] {i * Math.PI, j * Math.PI});
            }
        }
        double[] odd = {-1.5 * Math.PI, -0.5 * Math.PI, 0.5 * Math.PI, 1.5 * Math.PI};
        for (double x : odd) {
            for (double y : odd) {
                expected.add(new double[] {x, y});
            }
        }
        assertEquals(41, s.equilibria().size(), s::toString);
        int[] byType = new int[EquilibriumType.values().length];
        for (Equilibrium e : s.equilibria()) {
            byType[e.type().ordinal()]++;
            double[] p = e.point();
            assertTrue(expected.stream().anyMatch(q -> Math.abs(p[0] - q[0]) < 1e-10 && Math.abs(p[1] - q[1]) < 1e-10),
                    e::toString);
        }
        assertEquals(25, byType[EquilibriumType.SADDLE.ordinal()]);
        assertEquals(8, byType[EquilibriumType.MINIMUM.ordinal()]);
        assertEquals(8, byType[EquilibriumType.MAXIMUM.ordinal()]);
        EquilibriumSearch.Multistart m = s.multistart().orElseThrow();
        assertEquals("good-turing", m.rule());
        assertTrue(m.satisfied());
        assertTrue(m.estimate() <= EquilibriumFinder.DEFAULT_UNSEEN_MASS);
        assertEquals(64L * m.rounds(), m.starts());
        assertTrue(m.rounds() > 1, "one round of 64 is the old default that found 35");
        assertFalse(s.complete());
        assertEquals(EquilibriumSearch.Method.MULTISTART, s.method());
    }

    @Test
    void capOnStartsIsReportedAsUnsatisfied() {
        EquilibriumFinder finder = EquilibriumFinder.builder().maxStarts(100).build();
        EquilibriumSearch s = finder.search(Expression.parse("sin(x)*sin(y)"),
                new Box(new double[] {-7, -7}, new double[] {7, 7}), (done, total) -> assertEquals(100, total));
        EquilibriumSearch.Multistart m = s.multistart().orElseThrow();
        assertEquals(100, m.starts());
        assertEquals(2, m.rounds());
        assertFalse(m.satisfied());
    }
}
