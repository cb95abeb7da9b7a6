package org.fallline.core.field;

import org.fallline.core.testing.Benchmarks;
import org.fallline.core.CoreException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuadraticFieldTest {

    @Test
    void valueGradientAndHessianOfTheForm() {
        // V = ½(2x² + 2xy + 3y²) − (x − y) + 4 = x² + xy + 1.5y² − x + y + 4
        QuadraticField f = new QuadraticField(List.of("x", "y"), new double[][] {{2, 1}, {1, 3}}, new double[] {1, -1}, 4);
        double[] p = {0.5, -2};
        assertEquals(0.25 - 1 + 6 - 0.5 - 2 + 4, f.value(p), 1e-14);
        double[] g = new double[2];
        double[][] h = new double[2][2];
        assertEquals(f.value(p), f.hessian(p, g, h), 1e-14);
        assertArrayEquals(new double[] {2 * 0.5 + (-2) - 1, 0.5 + 3 * (-2) + 1}, g, 1e-14);
        assertArrayEquals(new double[] {2, 1}, h[0]);
        assertArrayEquals(new double[] {1, 3}, h[1]);
        assertTrue(f.hasConstantHessian());
        assertEquals(List.of("x", "y"), f.variables());
    }

    @Test
    void unnamedVariablesAreX1ToXn() {
        assertEquals(List.of("x1", "x2", "x3"),
                new QuadraticField(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[3], 0).variables());
    }

    /** B1 of /work/shared/reference/physics/README.md §4: x* = (−0.485, 0.515), V* = −0.2725. */
    @Test
    void minimizerOfB1() {
        QuadraticField f = Benchmarks.b1();
        double[] x = f.minimizer();
        assertArrayEquals(new double[] {-0.485, 0.515}, x, 1e-14);
        assertEquals(-0.2725, f.value(x), 1e-14);
        assertArrayEquals(new double[] {0, 0}, f.gradient(x), 1e-13);
    }

    @Test
    void asymmetricOrIndefiniteMatricesAreRefused() {
        CoreException asym = assertThrows(CoreException.class,
                () -> new QuadraticField(new double[][] {{1, 2}, {0, 1}}, new double[2], 0));
        assertTrue(asym.getMessage().contains("not symmetric"), asym.getMessage());
        QuadraticField saddle = new QuadraticField(new double[][] {{1, 0}, {0, -1}}, new double[2], 0);
        CoreException indefinite = assertThrows(CoreException.class, saddle::minimizer);
        assertTrue(indefinite.getMessage().contains("not positive definite"), indefinite.getMessage());
        assertThrows(CoreException.class, () -> new QuadraticField(new double[][] {{1, 0}, {0, 1}}, new double[3], 0));
        assertThrows(CoreException.class, () -> new QuadraticField(List.of("x", "x"), new double[][] {{1, 0}, {0, 1}}, new double[2], 0));
        assertThrows(CoreException.class, () -> new QuadraticField(new double[][] {{Double.NaN}}, new double[1], 0));
        assertThrows(CoreException.class, () -> Benchmarks.b1().value(new double[3]));
    }
}
