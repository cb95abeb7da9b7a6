package org.fallline.physics.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fallline.core.ProgressListener;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.core.field.Box;
import org.fallline.core.field.Expression;
import org.fallline.core.field.ScalarField;
import org.junit.jupiter.api.Test;

/**
 * Phase portraits against the closed-form manifolds of the saddle field V = eˣcos y − x − 1 (reference §4):
 * stable manifold the x-axis, unstable manifold x = ln(y / sin y); and its extension by z²/2 to three
 * variables (two stable directions, x and z, and one unstable, y; the unstable manifold is the same curve in
 * the plane z = 0).
 */
class PhasePortraitTest {

    private static PhasePortrait portrait(ScalarField f, Box box, int grid) {
        List<Equilibrium> eq = new EquilibriumFinder().find(f, box);
        return PhasePortrait.compute(f, box, eq, grid, 50, 1e-10, ProgressListener.NONE);
    }

    @Test
    void saddleFieldManifoldsFollowTheirClosedForms() {
        ScalarField f = Expression.parse("exp(x)*cos(y) - x - 1");
        Box box = new Box(new double[] {-2, -1.5}, new double[] {2, 1.5});
        PhasePortrait p = portrait(f, box, 5);
        assertEquals(1, p.equilibria().size());
        SaddleManifolds m = p.manifolds().get(0);
        assertEquals(1, m.stableDimension());
        assertEquals(1, m.unstableDimension());
        assertEquals(2, m.stable().size());
        assertEquals(2, m.unstable().size());
        for (Curve c : m.stable()) {
            assertEquals(Curve.End.LEFT_BOX, c.end());
            for (int i = 0; i < c.size(); i++) {
                assertEquals(0, c.coordinate(i, 1), 1e-9, "the stable manifold is the x-axis");
            }
            assertEquals(2, Math.abs(c.last()[0]), 1e-8, "it leaves through x = ±2");
        }
        for (Curve c : m.unstable()) {
            assertEquals(Curve.End.LEFT_BOX, c.end());
            assertTrue(c.size() > 50, "points spaced by arc length: " + c.size());
            for (int i = 1; i < c.size(); i++) {
                double y = c.coordinate(i, 1);
                assertEquals(Math.log(y / Math.sin(y)), c.coordinate(i, 0), 1e-6, "unstable manifold at y = " + y);
            }
            assertEquals(1.5, Math.abs(c.last()[1]), 1e-8);
        }
        // 5 × 5 cell centres; the middle one is the saddle itself and is skipped
        assertEquals(24, p.trajectories().size());
        for (Curve c : p.trajectories()) {
            for (int i = 1; i < c.size(); i++) {
                assertTrue(f.value(c.point(i)) <= f.value(c.point(i - 1)) + 1e-12, "V decreases along an orbit");
            }
        }
    }

    @Test
    void orbitsOfABowlEndAtItsMinimum() {
        ScalarField f = Expression.parse("x^2 + 3*y^2");
        PhasePortrait p = portrait(f, new Box(new double[] {-1, -1}, new double[] {1, 1}), 4);
        assertEquals(EquilibriumType.MINIMUM, p.equilibria().get(0).type());
        assertTrue(p.manifolds().isEmpty());
        assertEquals(16, p.trajectories().size());
        for (Curve c : p.trajectories()) {
            assertEquals(Curve.End.EQUILIBRIUM, c.end());
            assertEquals(PhasePortrait.STOP_RADIUS * Math.sqrt(8), Math.hypot(c.last()[0], c.last()[1]), 1e-9);
        }
    }

    @Test
    void threeVariablesReportDimensionsAndTraceTheUnstableCurve() {
        ScalarField f = Expression.parse("exp(x)*cos(y) - x - 1 + z^2/2");
        Box box = new Box(new double[] {-2, -1.5, -1}, new double[] {2, 1.5, 1});
        PhasePortrait p = portrait(f, box, 5);
        assertTrue(p.trajectories().isEmpty());
        SaddleManifolds m = p.manifolds().get(0);
        assertEquals(2, m.stableDimension());
        assertEquals(1, m.unstableDimension());
        assertEquals(PhasePortrait.RING, m.stable().size());
        assertEquals(2, m.unstable().size());
        for (Curve c : m.unstable()) {
            for (int i = 1; i < c.size(); i++) {
                double y = c.coordinate(i, 1);
                assertEquals(Math.log(y / Math.sin(y)), c.coordinate(i, 0), 1e-6);
                assertEquals(0, c.coordinate(i, 2), 1e-9);
            }
        }
        // the stable manifold is the plane y = 0 (V's y-derivative vanishes there and the flow keeps y = 0)
        for (Curve c : m.stable()) {
            for (int i = 0; i < c.size(); i++) {
                assertEquals(0, c.coordinate(i, 1), 1e-9);
            }
        }
    }
}
