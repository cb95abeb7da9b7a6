package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.evolution.io.PhenotypeTable;
import org.junit.jupiter.api.Test;

/**
 * The stationary point of the fitted surface on data whose fitness function is a known quadratic:
 * location, classification through the core, and whether it lies among the sampled phenotypes.
 */
class StationaryPointTest {

    /**
     * Fits W = f(a, b) + r on the 7 × 7 grid a = 10 + 0.1i, b = 20 + 0.2j (i, j = −3…3) with the residual
     * r = 0.3(i³ − 7i), which is orthogonal to 1, a, b, a², b² and ab on this grid: the fitted
     * second-order surface is f itself (up to rounding), while the residual variance stays positive.
     */
    private static StationaryPoint fit(DoubleBinaryOperator fitness) {
        List<double[]> rows = new java.util.ArrayList<>();
        for (int i = -3; i <= 3; i++) {
            for (int j = -3; j <= 3; j++) {
                double a = 10 + 0.1 * i;
                double b = 20 + 0.2 * j;
                rows.add(new double[] {fitness.applyAsDouble(a, b) + 0.3 * (i * i * i - 7 * i), a, b});
            }
        }
        SelectionReport rep = new SelectionAnalysis().analyze(
                PhenotypeTable.numeric("q", List.of("W", "a", "b"), rows.toArray(new double[0][])),
                SelectionOptions.builder().fitness("W").traits("a", "b").build());
        return rep.groups().get(0).stationaryPoint().orElseThrow();
    }

    private static void at(StationaryPoint p, double a, double b, double tol) {
        assertTrue(p.exists());
        assertEquals(a, p.traitLocation()[0], tol, "a*");
        assertEquals(b, p.traitLocation()[1], tol, "b*");
    }

    @Test
    void peakIsStabilising() {
        // ∇W = 0 at (10.03, 20.1); Hessian [[−2, 0.3], [0.3, −1]] is negative definite.
        StationaryPoint p = fit((a, b) -> 20 - (a - 10.03) * (a - 10.03) - 0.5 * (b - 20.1) * (b - 20.1)
                + 0.3 * (a - 10.03) * (b - 20.1));
        assertEquals(EquilibriumType.MAXIMUM, p.type());
        assertEquals("stabilising", p.selection());
        at(p, 10.03, 20.1, 1e-9);
        assertTrue(p.withinRange());
        assertEquals(StationaryPoint.Containment.INSIDE, p.withinSample());
        assertTrue(p.insideSample());
        assertTrue(p.mahalanobis().getAsDouble() < p.sampleMaxMahalanobis().getAsDouble());
        // The fitted relative fitness there is W(x*)/W̄ = 20/W̄; the residual averages 0 over the grid.
        double mean = 0;
        for (int i = -3; i <= 3; i++) {
            for (int j = -3; j <= 3; j++) {
                double a = 10 + 0.1 * i - 10.03;
                double b = 20 + 0.2 * j - 20.1;
                mean += (20 - a * a - 0.5 * b * b + 0.3 * a * b) / 49;
            }
        }
        assertEquals(20 / mean, p.fitness().getAsDouble(), 1e-9);
    }

    @Test
    void valleyIsDisruptiveAndSaddleCorrelational() {
        StationaryPoint v = fit((a, b) -> 3 + (a - 9.98) * (a - 9.98) + 0.5 * (b - 20.2) * (b - 20.2));
        assertEquals(EquilibriumType.MINIMUM, v.type());
        assertEquals("disruptive", v.selection());
        at(v, 9.98, 20.2, 1e-9);
        assertTrue(v.insideSample());
        StationaryPoint s = fit((a, b) -> 20 + (a - 10.1) * (a - 10.1) - 0.5 * (b - 19.9) * (b - 19.9));
        assertEquals(EquilibriumType.SADDLE, s.type());
        assertEquals("correlational", s.selection());
        at(s, 10.1, 19.9, 1e-9);
    }

    @Test
    void stationaryPointFarOutsideTheData() {
        // A steep tilt and a slight curvature put the peak at a = 160, far beyond the sampled 9.7 … 10.3.
        StationaryPoint p = fit((a, b) -> 20 + 3 * (a - 10) - 0.01 * (a - 10) * (a - 10) - 0.5 * (b - 20) * (b - 20));
        assertEquals(EquilibriumType.MAXIMUM, p.type());
        at(p, 160, 20, 1e-6);
        assertFalse(p.withinRange());
        assertEquals(StationaryPoint.Containment.OUTSIDE, p.withinSample());
        assertFalse(p.insideSample());
    }

    @Test
    void flatCurvatureIsDegenerate() {
        // On a symmetric grid, the residual x³ − 3.4x is orthogonal to every term of the second-order
        // model, so the fitted γ is exactly zero: no isolated stationary point.
        List<double[]> rows = new java.util.ArrayList<>();
        for (int i = -2; i <= 2; i++) {
            for (int j = -2; j <= 2; j++) {
                rows.add(new double[] {3 + i + 0.5 * (i * i * i - 3.4 * i), 10 + i, 20 + j});
            }
        }
        GroupReport g = new SelectionAnalysis().analyze(
                PhenotypeTable.numeric("g", List.of("W", "a", "b"), rows.toArray(new double[0][])),
                SelectionOptions.builder().fitness("W").traits("a", "b").build()).groups().get(0);
        StationaryPoint p = g.stationaryPoint().orElseThrow();
        assertEquals(EquilibriumType.DEGENERATE, p.type());
        assertEquals("none", p.selection());
        assertFalse(p.exists());
        assertEquals(0, p.location().length);
        assertEquals(StationaryPoint.Containment.UNDETERMINED, p.withinSample());
        for (double v : g.quadratic().orElseThrow().matrix()[0]) {
            assertEquals(0.0, v, 1e-12);
        }
    }
}
