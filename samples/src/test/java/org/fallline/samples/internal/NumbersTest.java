package org.fallline.samples.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void parsesPlainDecimalsOnly() {
        assertEquals(-0.5, Numbers.parseFinite(" -0.5 ", "x"));
        assertEquals(1e-8, Numbers.parseFinite("1e-8", "x"));
        assertEquals(2, Numbers.parseFinite("+2.", "x"));
        for (String bad : new String[] {"0x1p3", "1d", "1,5", "", "e5", "--1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Numbers.parseFinite(bad, "coordinate 1"));
            assertTrue(e.getMessage().contains("is not a number"), e.getMessage());
        }
        for (String bad : new String[] {"NaN", "-Infinity", "inf", "1e400"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Numbers.parseFinite(bad, "coordinate 1"));
            assertTrue(e.getMessage().contains("finite"), e.getMessage());
        }
    }

    @Test
    void tableNumbersHaveSixSignificantDigits() {
        assertEquals("0.019802", Numbers.table(2.0 / 101));
        assertEquals("-0.485", Numbers.table(-0.48500000000001));
        assertEquals("100", Numbers.table(100.0000000001));
        assertEquals("1.5e-08", Numbers.table(1.5e-8));
        assertEquals("1.23457e+09", Numbers.table(1234567890.0));
        assertEquals("0", Numbers.table(-0.0));
        assertEquals("NA", Numbers.table(Double.NaN));
    }

    @Test
    void csvNumbersRoundTrip() {
        double v = 2.0 / 101;
        assertEquals(v, Double.parseDouble(Numbers.csv(v)));
        assertEquals("", Numbers.csv(Double.POSITIVE_INFINITY));
    }
}
