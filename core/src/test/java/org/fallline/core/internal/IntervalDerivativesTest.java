package org.fallline.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.fallline.core.field.Expression;
import org.fallline.core.interval.Interval;
import org.junit.jupiter.api.Test;

/**
 * The interval extension of V, ∇V and ∇²V encloses the exact derivatives (the tape's forward-mode AD) at every
 * point of the box, for random expressions that use every operation and function of the language; and at a
 * point (a box of width 0) it is tight, so that the enclosure is not trivially the whole line.
 */
class IntervalDerivativesTest {

    private static final List<String> VARIABLES = List.of("x", "y", "z");

    private static String random(Random r, int depth) {
        if (depth == 0 || r.nextInt(5) == 0) {
            return r.nextInt(4) == 0 ? "(" + Math.round((r.nextDouble() * 4 - 2) * 100) / 100.0 + ")"
                    : VARIABLES.get(r.nextInt(3));
        }
        String a = random(r, depth - 1);
        String b = random(r, depth - 1);
        String[] unary = {"exp", "log", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "atan", "abs"};
        switch (r.nextInt(12)) {
            case 0: return "(" + a + " + " + b + ")";
            case 1: return "(" + a + " - " + b + ")";
            case 2: return "(" + a + " * " + b + ")";
            case 3: return "(" + a + " / " + b + ")";
            case 4: return "(" + a + ")^" + (r.nextInt(7) - 2);
            case 5: return "(" + a + ")^" + (r.nextInt(2) == 0 ? "0.5" : "1.5");
            case 6: return "1.7^(" + a + ")";
            case 7: return "pow(1 + (" + a + ")^2, " + b + ")";
            case 8: return (r.nextInt(2) == 0 ? "min(" : "max(") + a + ", " + b + ")";
            case 9: return "-" + a;
            default: {
                String f = unary[r.nextInt(unary.length)];
                // keep exp, sinh and cosh from overflowing on nested arguments
                return f.equals("exp") || f.equals("sinh") || f.equals("cosh") ? f + "(atan(" + a + "))"
                        : f + "(" + a + ")";
            }
        }
    }

    @Test
    void enclosuresHoldTheValueGradientAndHessianAtEveryPoint() {
        Random r = new Random(2027);
        int checked = 0;
        for (int trial = 0; trial < 600; trial++) {
            String text = random(r, 4);
            Expression f = Expression.parse(text, VARIABLES);
            IntervalDerivatives ext = IntervalDerivatives.of(text, VARIABLES);
            Interval[] box = new Interval[3];
            for (int i = 0; i < 3; i++) {
                double lo = r.nextDouble() * 4 - 2;
                box[i] = Interval.of(lo, lo + (r.nextBoolean() ? 1e-3 : r.nextDouble() * 2));
            }
            IntervalDerivatives.Enclosure e = ext.over(box);
            for (int k = 0; k < 10; k++) {
                double[] p = new double[3];
                for (int i = 0; i < 3; i++) {
                    p[i] = box[i].lo() + r.nextDouble() * (box[i].hi() - box[i].lo());
                }
                double[] g = new double[3];
                double[][] h = new double[3][3];
                double v = f.hessian(p, g, h);
                if (!Double.isFinite(v)) {
                    continue;
                }
                checked++;
                String where = text + " at " + java.util.Arrays.toString(p);
                assertTrue(e.value().contains(v), () -> where + ": V = " + v + " not in " + e.value());
                for (int i = 0; i < 3; i++) {
                    final int ii = i;
                    if (Double.isFinite(g[i])) {
                        assertTrue(e.gradient()[i].contains(g[i]), () -> where + ": ∇V" + ii + " = " + g[ii]
                                + " not in " + e.gradient()[ii]);
                    }
                    for (int j = 0; j < 3 && e.smooth(); j++) {
                        final int jj = j;
                        if (Double.isFinite(h[i][j])) {
                            assertTrue(e.hessian()[i][j].contains(h[i][j]), () -> where + ": ∇²V" + ii + jj + " = "
                                    + h[ii][jj] + " not in " + e.hessian()[ii][jj]);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 3000, "points checked: " + checked);
    }

    /** At a point the enclosures shrink to a few ulps around the tape's values. */
    @Test
    void pointEnclosuresAreTight() {
        String text = "exp(x)*cos(y) - x - 1 + atan(x*y)^3 + sqrt(1 + z^2)/(2 + sin(z)) + 1.5^z + pow(x^2 + 1, y)";
        Expression f = Expression.parse(text, VARIABLES);
        IntervalDerivatives ext = IntervalDerivatives.of(text, VARIABLES);
        double[] p = {0.3, -1.2, 0.7};
        double[] g = new double[3];
        double[][] h = new double[3][3];
        double v = f.hessian(p, g, h);
        IntervalDerivatives.Enclosure e = ext.over(new Interval[] {Interval.of(0.3), Interval.of(-1.2), Interval.of(0.7)});
        assertTrue(e.smooth());
        assertTrue(e.value().contains(v) && e.value().width() < 1e-13, e.value()::toString);
        for (int i = 0; i < 3; i++) {
            assertTrue(e.gradient()[i].contains(g[i]) && e.gradient()[i].width() < 1e-13);
            for (int j = 0; j < 3; j++) {
                assertTrue(e.hessian()[i][j].contains(h[i][j]) && e.hessian()[i][j].width() < 1e-12);
            }
        }
    }

    @Test
    void kinksAndDomainEdgesAreNotSmooth() {
        Interval[] across = {Interval.of(-1, 1), Interval.of(1, 2), Interval.of(1, 2)};
        for (String text : new String[] {"abs(x)", "log(x + 1)", "sqrt(x + 1)", "1/x", "min(x, 0)", "x^0.5"}) {
            assertTrue(!IntervalDerivatives.of(text, VARIABLES).over(across).smooth(), text);
        }
        assertTrue(IntervalDerivatives.of("log(y) + sqrt(z) + 1/y + abs(y) + min(y, 0)", VARIABLES).over(across).smooth());
    }
}
