package org.fallline.core.field;

import org.fallline.core.CoreException;
import org.fallline.core.testing.TestFields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void containsAndProjects() {
        Box box = new Box(new double[] {-1, 0}, new double[] {1, 2});
        assertTrue(box.contains(new double[] {-1, 2}));
        assertTrue(box.contains(new double[] {0, 1}));
        assertFalse(box.contains(new double[] {1.5, 1}));
        assertFalse(box.contains(new double[] {0, Double.NaN}));
        assertArrayEquals(new double[] {1, 0}, box.project(new double[] {3, -5}));
    }

    @Test
    void invalidBoundsNameTheCoordinate() {
        CoreException e = assertThrows(CoreException.class, () -> new Box(new double[] {0, 2}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("coordinate 2"), e.getMessage());
        CoreException named = assertThrows(CoreException.class,
                () -> Box.of(new TestFields.Saddle(), new double[] {0, Double.NEGATIVE_INFINITY}, new double[] {1, 2}));
        assertTrue(named.getMessage().contains("for y"), named.getMessage());
        assertThrows(CoreException.class, () -> new Box(new double[] {0}, new double[] {1, 2}));
        assertThrows(CoreException.class, () -> Box.of(new TestFields.Saddle(), new double[] {0}, new double[] {1}));
    }

    @Test
    void boundsAreCopied() {
        double[] lo = {0};
        Box box = new Box(lo, new double[] {1});
        lo[0] = 5;
        box.lower()[0] = 7;
        assertArrayEquals(new double[] {0}, box.lower());
    }
}
