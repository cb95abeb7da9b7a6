package org.fallline.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * Mean curvature flow: the area decreases step by step, the steady state is the Newton minimal surface,
 * the explicit scheme is refused above its stability limit 2h²/9 on the grid and converges below it.
 */
class MeanCurvatureFlowTest {

    private static final Domain SQUARE = Domain.Rectangle.square(-1, 1);

    private static double maxDifference(GraphSurface a, GraphSurface b) {
        double m = 0;
        for (int v = 0; v < a.mesh().vertices(); v++) {
            m = Math.max(m, Math.abs(a.height(v) - b.height(v)));
        }
        return m;
    }

    @Test
    void semiImplicitFlowsDecreaseAreaAndSettleOnTheMinimalSurface() {
        TriangleMesh mesh = SQUARE.mesh(33);
        GraphSurface newton = MinimalSurface.newton().solve(mesh, ExactSurface.SCHERK, ProgressListener.NONE).surface();
        for (MeanCurvatureFlow.Form form : MeanCurvatureFlow.Form.values()) {
            FlowResult r = MeanCurvatureFlow.geometric().withForm(form).withEndTime(20).withTolerance(1e-9)
                    .withSnapshots(5).run(mesh, ExactSurface.SCHERK, ProgressListener.NONE);
            assertTrue(r.stationary(), form + " did not come to rest");
            assertEquals(0, r.areaIncreases(), form + " area increased");
            assertTrue(maxDifference(r.surface(), newton) < 1e-8, form + ": " + maxDifference(r.surface(), newton));
            double previous = Double.POSITIVE_INFINITY;
            for (FlowSnapshot s : r.snapshots()) {
                assertTrue(s.area() <= previous);
                previous = s.area();
            }
        }
    }

    @Test
    void explicitStepIsLimitedBy2hSquaredOver9() {
        TriangleMesh mesh = SQUARE.mesh(17);
        double h = 2.0 / 16;
        assertEquals(2 * h * h / 9, MeanCurvatureFlow.stabilityLimit(mesh), 1e-15);
        GeometryException e = assertThrows(GeometryException.class, () -> MeanCurvatureFlow.geometric()
                .withScheme(MeanCurvatureFlow.Scheme.EXPLICIT).withTimeStep(1.01 * 2 * h * h / 9)
                .run(mesh, ExactSurface.SCHERK, ProgressListener.NONE));
        assertEquals(GeometryException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("stability limit 0.00347222"), e.getMessage());
    }

    @Test
    void explicitFlowBelowTheLimitReachesTheNewtonSolution() {
        TriangleMesh mesh = SQUARE.mesh(17);
        GraphSurface newton = MinimalSurface.newton().solve(mesh, ExactSurface.SCHERK, ProgressListener.NONE).surface();
        FlowResult r = MeanCurvatureFlow.geometric().withScheme(MeanCurvatureFlow.Scheme.EXPLICIT).withEndTime(20)
                .withTolerance(1e-8).run(mesh, ExactSurface.SCHERK, ProgressListener.NONE);
        assertTrue(r.stationary());
        assertEquals(0, r.areaIncreases());
        assertTrue(maxDifference(r.surface(), newton) < 1e-7, "difference " + maxDifference(r.surface(), newton));
    }
}
