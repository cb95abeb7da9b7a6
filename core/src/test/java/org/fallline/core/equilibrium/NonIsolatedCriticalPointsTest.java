package org.fallline.core.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.fallline.core.CoreException;
import org.fallline.core.descent.DescentAlgorithm;
import org.fallline.core.descent.DescentDefaults;
import org.fallline.core.field.Box;
import org.fallline.core.field.Expression;
import org.junit.jupiter.api.Test;

/**
 * Fields whose critical points are not isolated have no finite list of them: a constant field (every point
 * critical) and the ring (x² + y² − 1)², whose minima form the unit circle with a singular Hessian along it. The
 * search must say so (numerical trouble) instead of drawing starts forever; isolated degenerate points (x⁴ + y²) are
 * still listed.
 */
class NonIsolatedCriticalPointsTest {

    private static EquilibriumFinder finder() {
        return EquilibriumFinder.builder().build();
    }

    @Test
    void aConstantFieldIsReportedAsNotIsolated() {
        Expression flat = Expression.parse("0*x + 0*y");
        CoreException e = assertThrows(CoreException.class,
                () -> finder().find(flat, Box.of(flat, new double[] {0, 0}, new double[] {1, 1})));
        assertEquals(CoreException.Kind.NUMERICAL, e.kind());
        assertTrue(e.getMessage().contains("not isolated"), e.getMessage());
    }

    @Test
    void aCircleOfMinimaIsReportedAsNotIsolated() {
        Expression ring = Expression.parse("(x^2 + y^2 - 1)^2");
        CoreException e = assertThrows(CoreException.class,
                () -> finder().find(ring, Box.of(ring, new double[] {-2, -2}, new double[] {2, 2})));
        assertEquals(CoreException.Kind.NUMERICAL, e.kind());
    }

    @Test
    void anIsolatedDegeneratePointIsStillListed() {
        Expression quartic = Expression.parse("x^4 + y^2");
        var found = finder().find(quartic, Box.of(quartic, new double[] {-1, -1}, new double[] {1, 1}));
        assertEquals(1, found.size());
        assertEquals(EquilibriumType.DEGENERATE, found.get(0).type());
    }

    @Test
    void aStartWhereTheCurvatureIsNotFiniteIsBadInput() {
        Expression pole = Expression.parse("1/x");
        CoreException e = assertThrows(CoreException.class, () -> DescentDefaults.create(
                DescentAlgorithm.GRADIENT_DESCENT, pole, new double[] {0}, OptionalDouble.empty(), OptionalDouble.empty()));
        assertEquals(CoreException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("starting point"), e.getMessage());
    }
}
