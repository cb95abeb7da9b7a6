package org.fallline.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random smooth expressions over three variables: the exact gradient and Hessian must agree with
 * extrapolated finite differences within their error estimates, and the value with a direct
 * recursive evaluation of the same random tree. This exercises every combination of the tape's
 * operations (shared subexpressions, products of general slots, mapped active sets). The building
 * blocks avoid cancellation such as log(1 + u²) for tiny u, whose computed values carry errors
 * far above ε·|V| that no finite-difference error estimate can see.
 */
class ExpressionRandomTest {

    /** A random expression and its value, built together. */
    private static final class Term {
        final String text;
        final java.util.function.ToDoubleFunction<double[]> value;

        Term(String text, java.util.function.ToDoubleFunction<double[]> value) {
            this.text = text;
            this.value = value;
        }
    }

    private static Term random(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            int k = r.nextInt(4);
            if (k == 3) {
                double c = Math.round((r.nextDouble() * 4 - 2) * 100) / 100.0;
                return new Term("(" + c + ")", p -> c);
            }
            String[] names = {"x", "y", "z"};
            return new Term(names[k], p -> p[k]);
        }
        Term a = random(r, depth - 1);
        Term b = random(r, depth - 1);
        switch (r.nextInt(11)) {
            case 0:
                return new Term("(" + a.text + " + " + b.text + ")", p -> a.value.applyAsDouble(p) + b.value.applyAsDouble(p));
            case 1:
                return new Term("(" + a.text + " - " + b.text + ")", p -> a.value.applyAsDouble(p) - b.value.applyAsDouble(p));
            case 2:
                return new Term("(" + a.text + " * " + b.text + ")", p -> a.value.applyAsDouble(p) * b.value.applyAsDouble(p));
            case 3:
                return new Term("(" + a.text + " / (2 + sin(" + b.text + ")))",
                    p -> a.value.applyAsDouble(p) / (2 + Math.sin(b.value.applyAsDouble(p))));
            case 4:
                return new Term("exp(tanh(" + a.text + "))", p -> Math.exp(Math.tanh(a.value.applyAsDouble(p))));
            case 5:
                return new Term("log(2 + (" + a.text + ")^2)", p -> Math.log(2 + Math.pow(a.value.applyAsDouble(p), 2)));
            case 6:
                return new Term("sqrt(1 + (" + a.text + ")^2)", p -> Math.sqrt(1 + Math.pow(a.value.applyAsDouble(p), 2)));
            case 7:
                return new Term("atan(" + a.text + ")", p -> Math.atan(a.value.applyAsDouble(p)));
            case 8:
                return new Term("cos(" + a.text + ") * " + b.text, p -> Math.cos(a.value.applyAsDouble(p)) * b.value.applyAsDouble(p));
            case 9:
                return new Term("(" + a.text + ")^3", p -> Math.pow(a.value.applyAsDouble(p), 3));
            default:
                return new Term("(1.5 + sin(" + a.text + "))^(1 + atan(" + b.text + ")^2 / 4)",
                    p -> Math.pow(1.5 + Math.sin(a.value.applyAsDouble(p)), 1 + Math.pow(Math.atan(b.value.applyAsDouble(p)), 2) / 4));
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            m = Math.max(m, maxAbs(row));
        }
        return m;
    }

    @Test
    void randomExpressionsHaveConsistentDerivatives() {
        Random r = new Random(314159);
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            Term t = random(r, 5);
            Expression e = Expression.parse(t.text, List.of("x", "y", "z"));
            for (int k = 0; k < 2; k++) {
                double[] p = {r.nextGaussian() * 0.8, r.nextGaussian() * 0.8, r.nextGaussian() * 0.8};
                double expected = t.value.applyAsDouble(p);
                if (!Double.isFinite(expected)) {
                    assertTrue(!Double.isFinite(e.value(p)), t.text);
                    continue;
                }
                // finite differences with steps of 1e-3 … 1e-5 cannot follow a field that turns
                // faster than that, and a field that does amplifies rounding beyond any fixed
                // tolerance: the comparisons are meaningful for moderately scaled fields only
                Derivatives d = e.derivatives(p);
                if (Math.abs(expected) > 1e3 || maxAbs(d.gradient()) > 1e3 || maxAbs(d.hessian()) > 1e3) {
                    continue;
                }
                assertEquals(expected, d.value(), 1e-12 * Math.max(1, Math.abs(expected)), t.text);
                GradientCheck.Report g = GradientCheck.gradient(e, p);
                assertTrue(g.consistent(), () -> t.text + " at " + java.util.Arrays.toString(p) + " " + g);
                GradientCheck.HessianReport h = GradientCheck.hessian(e, p);
                assertTrue(h.consistent(), () -> t.text + " " + h);
                checked++;
            }
        }
        assertTrue(checked > 500, "checked " + checked);
    }
}
