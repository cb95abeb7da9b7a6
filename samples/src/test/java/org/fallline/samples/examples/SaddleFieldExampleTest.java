package org.fallline.samples.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumType;
import org.junit.jupiter.api.Test;

class SaddleFieldExampleTest {

    private final SaddleFieldExample.Result result = SaddleFieldExample.run();

    @Test
    void findsTheThreeSaddlesAtZeroTwoPiAndFourPi() {
        // critical points of e^x cos y - x - 1 are (0, 2πk); Hessian diag(1, -1) there, V = 0
        List<Equilibrium> eq = result.equilibria();
        assertEquals(3, eq.size());
        double[] ys = eq.stream().mapToDouble(e -> e.point()[1]).sorted().toArray();
        assertArrayEquals(new double[] {0, 2 * Math.PI, 4 * Math.PI}, ys, 1e-9);
        for (Equilibrium e : eq) {
            assertEquals(EquilibriumType.SADDLE, e.type());
            assertEquals(1, e.index());
            assertEquals(0, e.point()[0], 1e-9);
            assertEquals(0, e.value(), 1e-9);
            assertArrayEquals(new double[] {-1, 1}, e.eigenvalues(), 1e-9);
            // stable along the x-axis, unstable along the y-axis (up to sign)
            assertEquals(1, Math.abs(e.stableDirections().get(0)[0]), 1e-9);
            assertEquals(1, Math.abs(e.unstableDirections().get(0)[1]), 1e-9);
        }
    }

    @Test
    void exactGradientAgreesWithTheNumericalEstimate() {
        // ∇V(0.5, 0.5) = (e^0.5 cos 0.5 − 1, −e^0.5 sin 0.5)
        double e = Math.exp(0.5);
        assertTrue(result.gradientCheck().consistent());
        assertArrayEquals(new double[] {e * Math.cos(0.5) - 1, -e * Math.sin(0.5)},
                result.gradientCheck().analytic(), 1e-15);
    }

    @Test
    void gradientDescentLeavesTheSaddleAtIteration33() {
        // /work/shared/reference/physics/README.md §4: GD from (1, 1e-6), η = 0.5, |y| > 1 after 33 iterations
        assertEquals(33, result.escapeIteration());
        // before escaping, the iterates pass close to the saddle at the origin along its stable manifold
        assertTrue(result.escape().trajectory().firstWithin(new double[] {0, 0}, 1e-3) > 0);
    }
}
