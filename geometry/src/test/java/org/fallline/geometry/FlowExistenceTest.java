package org.fallline.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * The flows on data with no minimal graph (exact.md §5): on the annulus 1 ≤ r ≤ 2 with u = 0 outside and
 * u = H inside, solvable only for H ≤ arccosh 2 ≈ 1.317, the flow does not converge to a minimal graph — it
 * detaches from the inner data — and must say so, for the semi-implicit and the explicit scheme and for the
 * non-symmetric data of {@link ExistenceTest} (inner data 1 + 0.6 cos θ, above the vertical catenoid barrier
 * arccosh 2 near θ = 0). Just below the limit (H = 1.2) the flow settles on the Newton solution.
 */
class FlowExistenceTest {

    private static final Domain ANNULUS = new Domain.Annulus(1, 2);
    private static final int N = 33;

    private static BoundaryData radial(double h) {
        return BoundaryData.of("radial", (x, y) -> h * (2 - Math.hypot(x, y)));
    }

    private static void assertNoMinimalGraph(MeanCurvatureFlow flow, BoundaryData data, boolean symmetric) {
        GeometryException e = assertThrows(GeometryException.class, () -> flow.run(ANNULUS, N, data, ProgressListener.NONE));
        assertEquals(GeometryException.Kind.NUMERICAL, e.kind());
        assertTrue(e.getMessage().startsWith("no minimal graph with these boundary data exists"), e.getMessage());
        assertTrue(e.getMessage().contains("the flow"), e.getMessage());
        assertEquals(symmetric, e.getMessage().contains("1.316958"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void geometricFlowAboveTheCatenoidLimitHasNoMinimalGraph() {
        assertNoMinimalGraph(MeanCurvatureFlow.geometric(), radial(1.5), true);
    }

    @Test
    void explicitFlowAboveTheCatenoidLimitHasNoMinimalGraph() {
        assertNoMinimalGraph(MeanCurvatureFlow.geometric().withScheme(MeanCurvatureFlow.Scheme.EXPLICIT).withEndTime(2),
                radial(1.5), true);
    }

    @Test
    void areaFlowOnNonSymmetricDataAboveTheBarrierHasNoMinimalGraph() {
        BoundaryData tilted = BoundaryData.of("tilted", (x, y) -> {
            double r = Math.hypot(x, y);
            return (2 - r) * (1 + 0.6 * x / r);
        });
        assertNoMinimalGraph(MeanCurvatureFlow.geometric().withForm(MeanCurvatureFlow.Form.AREA_GRADIENT), tilted, false);
    }

    @Test
    void solvableCaseJustBelowSettlesOnTheNewtonSolution() {
        FlowResult f = MeanCurvatureFlow.geometric().withEndTime(50).run(ANNULUS, N, radial(1.2), ProgressListener.NONE);
        assertTrue(f.stationary());
        MinimalSurfaceResult newton = MinimalSurface.newton().solve(ANNULUS, N, radial(1.2), ProgressListener.NONE);
        double max = 0;
        for (int v = 0; v < f.surface().mesh().vertices(); v++) {
            max = Math.max(max, Math.abs(f.surface().height(v) - newton.surface().height(v)));
        }
        // at rest, max |u_t| ≤ 1e-8: the steady state is the discrete minimal surface to that order
        assertTrue(max < 1e-6, "flow vs Newton " + max);
        assertEquals(14.286932532107774, f.surface().area(), 1e-2);
    }
}
