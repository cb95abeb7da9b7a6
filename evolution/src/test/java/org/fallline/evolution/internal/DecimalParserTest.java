package org.fallline.evolution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast decimal parser gives the same double as Double.parseDouble, bit for bit. */
class DecimalParserTest {

    private static void same(String s) {
        long expected = Double.doubleToRawLongBits(Double.parseDouble(s));
        assertEquals(expected, Double.doubleToRawLongBits(DecimalParser.parse(s)), s);
    }

    @Test
    void agreesWithTheJdkOnRandomDecimals() {
        Random rnd = new Random(42);
        for (int i = 0; i < 25_000; i++) {
            double v = Math.scalb(rnd.nextDouble(), rnd.nextInt(80) - 40) * (rnd.nextBoolean() ? 1 : -1);
            int digits = 1 + rnd.nextInt(19);
            same(String.format(Locale.ROOT, "%." + digits + "g", v));
            same(String.format(Locale.ROOT, "%." + rnd.nextInt(8) + "f", v));
            same(Double.toString(v));
            same(Long.toString(rnd.nextLong() >> rnd.nextInt(64)));
        }
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"0", "-0", "+1", "1.", ".5", "-.5", "0.000123", "1e5", "1E-5", "1e+22", "1e23",
            "9007199254740993", "123456789012345678901234567890", "4.9e-324", "1.7976931348623157e308",
            "0.1", "00012.50", "2.2250738585072014E-308"}) {
            same(s);
        }
    }

    @Test
    void rejectsWhatIsNotAPlainDecimal() {
        for (String s : new String[] {"", "-", ".", "e5", "1e", "1e+", "abc", "1.5d", "1f", "Infinity", "NaN", "0x1p3",
            "1,5", "1 5", "--1", "1.2.3"}) {
            assertTrue(Double.isNaN(DecimalParser.parse(s)), s);
        }
    }

    @Test
    void parsesASpanInPlaceAsItsSubstring() {
        String line = "12.5,-3e2,,1.5d,123456789012345678901234567890,0.1";
        int from = 0;
        for (String cell : line.split(",", -1)) {
            int to = from + cell.length();
            assertEquals(Double.doubleToRawLongBits(DecimalParser.parse(cell)),
                    Double.doubleToRawLongBits(DecimalParser.parse(line, from, to)), cell);
            from = to + 1;
        }
    }
}
