package org.fallline.core.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The inclusion property f(x) ∈ F(X) for x ∈ X (Moore, Kearfott and Cloud 2009, Thm 5.1), tested for every
 * operation on random intervals and points — including the endpoints, where outward rounding matters — and
 * the sharpness of the enclosures at the extrema that monotonicity alone would miss. {@link Math}'s functions
 * are semi-monotonic, so their value at a point of X may be compared with the bounds exactly.
 */
class IntervalTest {

    private static final int TRIALS = 4000;

    private static Interval randomInterval(Random r, double scale) {
        double a = (r.nextDouble() * 2 - 1) * scale;
        double w = r.nextInt(5) == 0 ? 0 : r.nextDouble() * scale * (r.nextInt(3) == 0 ? 1e-6 : 1);
        return Interval.of(a, a + w);
    }

    private static double[] pointsOf(Random r, Interval x) {
        return new double[] {x.lo(), x.hi(), x.lo() + r.nextDouble() * (x.hi() - x.lo()), x.midpoint()};
    }

    private static void unary(String name, UnaryOperator<Interval> big, DoubleUnaryOperator small, double scale,
                              long seed) {
        Random r = new Random(seed);
        for (int t = 0; t < TRIALS; t++) {
            Interval x = randomInterval(r, scale);
            Interval fx = big.apply(x);
            for (double p : pointsOf(r, x)) {
                double v = small.applyAsDouble(p);
                if (Double.isFinite(v)) {
                    assertTrue(fx.contains(v), () -> name + x + " = " + fx + " misses " + name + "(" + p + ") = " + v);
                }
            }
        }
    }

    private static void binary(String name, BinaryOperator<Interval> big, DoubleBinaryOperator small, long seed) {
        Random r = new Random(seed);
        for (int t = 0; t < TRIALS; t++) {
            Interval x = randomInterval(r, 10);
            Interval y = randomInterval(r, 10);
            Interval fxy = big.apply(x, y);
            for (double p : pointsOf(r, x)) {
                for (double q : pointsOf(r, y)) {
                    double v = small.applyAsDouble(p, q);
                    if (Double.isFinite(v)) {
                        assertTrue(fxy.contains(v), () -> x + " " + name + " " + y + " = " + fxy + " misses " + v);
                    }
                }
            }
        }
    }

    @Test
    void arithmeticEnclosesEveryPointResult() {
        binary("+", Interval::add, (a, b) -> a + b, 1);
        binary("-", Interval::subtract, (a, b) -> a - b, 2);
        binary("*", Interval::multiply, (a, b) -> a * b, 3);
        binary("/", Interval::divide, (a, b) -> a / b, 4);
        binary("min", Interval::min, Math::min, 5);
        binary("max", Interval::max, Math::max, 6);
        unary("neg", Interval::negate, a -> -a, 10, 7);
        unary("sqr", Interval::square, a -> a * a, 10, 8);
    }

    @Test
    void powersEncloseMathPow() {
        double[] exponents = {3, 4, 5, -1, -2, -3, 0.5, 1.5, 2.5, -0.5, 1.0 / 3, 7};
        for (double c : exponents) {
            unary("pow(" + c + ")", x -> x.pow(c), a -> Math.pow(a, c), 3, 20 + (long) (c * 7));
        }
    }

    @Test
    void elementaryFunctionsEncloseTheirPointValues() {
        unary("exp", Interval::exp, Math::exp, 20, 31);
        unary("log", Interval::log, Math::log, 20, 32);
        unary("sqrt", Interval::sqrt, Math::sqrt, 20, 33);
        unary("abs", Interval::abs, Math::abs, 20, 34);
        unary("sin", Interval::sin, Math::sin, 10, 35);
        unary("cos", Interval::cos, Math::cos, 10, 36);
        unary("tan", Interval::tan, Math::tan, 3, 37);
        unary("sinh", Interval::sinh, Math::sinh, 20, 38);
        unary("cosh", Interval::cosh, Math::cosh, 20, 39);
        unary("tanh", Interval::tanh, Math::tanh, 20, 40);
        unary("atan", Interval::atan, Math::atan, 20, 41);
        unary("sin far out", Interval::sin, Math::sin, 1e6, 42);
    }

    /** Extrema inside the interval: cos on [−0.1, 3.2] reaches 1 at 0 and −1 at π; sin on [1, 2] reaches 1 at π/2. */
    @Test
    void interiorExtremaAreIncluded() {
        Interval c = Interval.of(-0.1, 3.2).cos();
        assertEquals(-1, c.lo());
        assertEquals(1, c.hi());
        Interval s = Interval.of(1, 2).sin();
        assertEquals(1, s.hi());
        assertTrue(s.lo() <= Math.sin(1) && s.lo() > Math.sin(1) - 1e-15);
        assertEquals(1, Interval.of(-2, 3).cosh().lo());
        assertEquals(0, Interval.of(-2, 3).square().lo());
        assertEquals(0, Interval.of(-2, 3).pow(4).lo());
        assertEquals(Interval.ENTIRE, Interval.of(1, 2).tan());
        assertEquals(Interval.ENTIRE, Interval.of(1, 2).divide(Interval.of(-1, 1)));
    }

    /** Outward rounding: the enclosure of a point result is at most a few ulps wide, and never empty. */
    @Test
    void pointEnclosuresAreTight() {
        Random r = new Random(50);
        for (int t = 0; t < TRIALS; t++) {
            double a = r.nextDouble() * 4 + 0.1;
            Interval x = Interval.of(a);
            for (Interval y : new Interval[] {x.exp(), x.log(), x.sqrt(), x.sin(), x.cos(), x.atan(), x.tanh(),
                x.multiply(x), x.divide(Interval.of(3)), x.pow(2.5), x.sinh()}) {
                assertTrue(y.width() <= 8 * Math.ulp(y.magnitude()) + Double.MIN_NORMAL, y::toString);
            }
        }
    }

    @Test
    void domainsAreRespected() {
        assertTrue(Interval.of(-2, -1).log().isEmpty());
        assertTrue(Interval.of(-2, -1).sqrt().isEmpty());
        assertEquals(Double.NEGATIVE_INFINITY, Interval.of(-1, 1).log().lo());
        assertEquals(0, Interval.of(-1, 4).sqrt().lo());
        assertTrue(Interval.of(-2, -1).pow(0.5).isEmpty());
        assertTrue(Interval.of(1, 2).divide(Interval.ZERO).isEmpty());
        assertTrue(Interval.EMPTY.add(Interval.of(1)).isEmpty());
        assertTrue(Interval.of(1, 2).inInteriorOf(Interval.of(0, 3)));
        assertTrue(!Interval.of(0, 2).inInteriorOf(Interval.of(0, 3)));
    }
}
