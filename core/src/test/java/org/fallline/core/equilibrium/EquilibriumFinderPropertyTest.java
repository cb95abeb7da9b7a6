package org.fallline.core.equilibrium;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fallline.core.field.Box;
import org.fallline.core.field.Expression;
import org.junit.jupiter.api.Test;

/**
 * Seeded property test of the critical-point search: on hundreds (320) of random polynomial and transcendental
 * fields in 2–4 variables over random boxes the search never fails with an exception, and every point it
 * reports is a critical point (|∇V| within the finder's tolerance) inside the box. The first family is the
 * one the defect was found on: random polynomials in x, y, z with an x·y·z term over [−3, 3]³, on which
 * commons-math3's eigen-decomposition used to throw "convergence failed" for 22 fields in 60.
 */
class EquilibriumFinderPropertyTest {

    private static final String[] NAMES = {"x", "y", "z", "w"};

    private static double coefficient(Random r) {
        return Math.round((r.nextDouble() * 6 - 3) * 100) / 100.0;
    }

    /** c·x·y·z + a sum of random monomials of degree ≤ 2 in x, y, z, each written as in the issue. */
    private static String cubicWithTripleProduct(Random r) {
        StringBuilder s = new StringBuilder("(" + coefficient(r) + ")*x*y*z");
        String[] monomials = {"x", "y", "z", "x^2", "y^2", "z^2", "x*y", "x*z", "y*z"};
        for (String m : monomials) {
            if (r.nextInt(2) == 0) {
                s.append(" + (").append(coefficient(r)).append(")*").append(m);
            }
        }
        return s.toString();
    }

    /** A random polynomial of degree ≤ 4 plus random smooth transcendental terms in n variables. */
    private static String mixed(Random r, int n) {
        StringBuilder s = new StringBuilder();
        int terms = 2 + r.nextInt(4);
        for (int t = 0; t < terms; t++) {
            s.append(t == 0 ? "" : " + ").append('(').append(coefficient(r)).append(")*");
            String u = NAMES[r.nextInt(n)];
            String v = NAMES[r.nextInt(n)];
            double a = Math.round((r.nextDouble() * 2 + 0.25) * 100) / 100.0;
            double b = coefficient(r);
            switch (r.nextInt(12)) {
                case 0 -> s.append(u).append('^').append(1 + r.nextInt(4));
                case 1 -> s.append(u).append('*').append(v);
                case 2 -> s.append(u).append('^').append(2).append('*').append(v);
                case 3 -> s.append("sin(").append(a).append('*').append(u).append(" + (").append(b).append("))");
                case 4 -> s.append("cos(").append(a).append('*').append(u).append(" - ").append(v).append(')');
                case 5 -> s.append("exp(-(").append(u).append(" - (").append(b).append("))^2)");
                case 6 -> s.append("atan(").append(u).append('*').append(v).append(')');
                case 7 -> s.append("tanh(").append(u).append(" - (").append(b).append("))");
                case 8 -> s.append("log(1 + ").append(u).append("^2)");
                case 9 -> s.append("sqrt(1 + ").append(u).append("^2 + ").append(v).append("^2)");
                case 10 -> s.append("cosh(").append(a / 2).append('*').append(u).append(')');
                default -> s.append(u).append("*sin(").append(v).append(')');
            }
        }
        for (int i = 0; i < n; i++) {
            // every variable appears, so that the field has n variables
            s.append(" + (").append(coefficient(r)).append(")*").append(NAMES[i]).append("^2");
        }
        return s.toString();
    }

    private static Box randomBox(Random r, int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = -4 * r.nextDouble();
            hi[i] = lo[i] + 0.5 + 5.5 * r.nextDouble();
        }
        return new Box(lo, hi);
    }

    private static void checkCriticalPointsInside(String text, Box box, EquilibriumFinder finder) {
        Expression f = Expression.parse(text);
        List<Equilibrium> found;
        try {
            found = finder.find(f, box);
        } catch (RuntimeException e) {
            fail(text + " over " + box + ": " + e, e);
            return;
        }
        for (Equilibrium e : found) {
            double[] x = e.point();
            assertTrue(box.contains(x), () -> text + ": " + e + " is outside " + box);
            double g = org.fallline.core.internal.Vectors.norm(f.gradient(x));
            assertTrue(g <= finder.gradientTolerance(), () -> text + ": |∇V| = " + g + " at " + e);
            assertEquals(f.value(x), e.value(), 0.0, text);
            double[] lambda = e.eigenvalues();
            for (int j = 1; j < lambda.length; j++) {
                assertTrue(lambda[j - 1] <= lambda[j], text);
            }
        }
    }

    @Test
    void tripleProductPolynomialsInTheCubeNeverFail() {
        Random r = new Random(20260603L);
        Box cube = new Box(new double[] {-3, -3, -3}, new double[] {3, 3, 3});
        EquilibriumFinder finder = EquilibriumFinder.builder().starts(16).build();
        for (int k = 0; k < 60; k++) {
            checkCriticalPointsInside(cubicWithTripleProduct(r), cube, finder);
        }
    }

    @Test
    void randomFieldsOverRandomBoxesNeverFail() {
        Random r = new Random(6L);
        EquilibriumFinder finder = EquilibriumFinder.builder().starts(16).build();
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            int n = 2 + k % 3;
            String text = mixed(r, n);
            texts.add(text);
            checkCriticalPointsInside(text, randomBox(r, n), finder);
        }
        assertEquals(200, texts.stream().distinct().count());
    }

    /**
     * The certified search on random fields of the same families, each with a short time limit: it never fails
     * with an exception, every point it proves is a critical point inside the box and inside its enclosure, and
     * when it says the list is complete, multistart Newton finds no point that the list lacks.
     */
    @Test
    void certifiedSearchOnRandomFieldsNeverFails() {
        Random r = new Random(7L);
        // a depth limit, not the time limit, bounds the work, so that the outcome does not depend on the machine
        CertifiedEquilibriumFinder certified = CertifiedEquilibriumFinder.builder().maxDepth(18).build();
        EquilibriumFinder multistart = EquilibriumFinder.builder().starts(16).build();
        int proved = 0;
        int complete = 0;
        for (int k = 0; k < 60; k++) {
            int n = 2 + k % 2;
            String text = k % 4 == 3 ? cubicWithTripleProduct(r) : mixed(r, n);
            Expression f = Expression.parse(text);
            Box box = randomBox(r, f.dimension());
            EquilibriumSearch s;
            try {
                s = certified.search(f, box, (done, total) -> { });
            } catch (RuntimeException e) {
                fail(text + " over " + box + ": " + e, e);
                return;
            }
            List<Box> enclosures = s.certification().orElseThrow().enclosures();
            complete += s.complete() ? 1 : 0;
            assertEquals(s.equilibria().size(), enclosures.size());
            assertEquals(s.complete(), s.certification().orElseThrow().undecided().isEmpty());
            for (int i = 0; i < enclosures.size(); i++) {
                double[] x = s.equilibria().get(i).point();
                assertTrue(box.contains(x) && enclosures.get(i).contains(x), text);
                double[][] h = f.hessian(x);
                double scale = 1;
                for (double[] row : h) {
                    for (double v : row) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                }
                double g = org.fallline.core.internal.Vectors.norm(f.gradient(x));
                assertTrue(g <= 1e-9 * scale, text + ": |∇V| = " + g + " at " + s.equilibria().get(i));
                proved++;
            }
            if (s.complete()) {
                for (Equilibrium e : multistart.find(f, box)) {
                    double[] p = e.point();
                    assertTrue(s.equilibria().stream().anyMatch(c -> distance(c.point(), p, box) < 1e-6),
                            () -> text + " over " + box + ": multistart found " + e + ", missing from the certified "
                                    + s.equilibria());
                }
            }
        }
        assertTrue(proved > 0 && complete > 0, "points proved: " + proved + ", complete searches: " + complete);
    }

    /** max |pᵢ − qᵢ|/(hiᵢ − loᵢ). */
    private static double distance(double[] p, double[] q, Box box) {
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            d = Math.max(d, Math.abs(p[i] - q[i]) / box.width(i));
        }
        return d;
    }

    /**
     * The field of the defect report: ∇V = (2.34yz + 2.55y, 2.34xz + 0.78y + 2.55x, 2.34xy − 0.5z) vanishes only
     * at 0 (y = 0 forces z = 0 and x = 0; z = −2.55/2.34 forces y = 0 and then xy ≠ 0 is impossible), where
     * ∇²V = [[0, 2.55, 0], [2.55, 0.78, 0], [0, 0, −0.5]] has eigenvalues −0.5 and (0.78 ± √(0.78² + 4·2.55²))/2.
     */
    @Test
    void reportedFieldHasOneSaddleAtTheOrigin() {
        Expression f = Expression.parse("(2.34)*x*y*z + (0.39)*y^2 + (2.55)*x*y + (-0.25)*z^2");
        List<Equilibrium> found = new EquilibriumFinder().find(f, new Box(new double[] {-3, -3, -3}, new double[] {3, 3, 3}));
        assertEquals(1, found.size(), found::toString);
        assertArrayEquals(new double[] {0, 0, 0}, found.get(0).point(), 1e-12);
        double root = Math.sqrt(0.78 * 0.78 + 4 * 2.55 * 2.55);
        assertArrayEquals(new double[] {(0.78 - root) / 2, -0.5, (0.78 + root) / 2}, found.get(0).eigenvalues(), 1e-12);
        assertEquals(EquilibriumType.SADDLE, found.get(0).type());
        assertEquals(2, found.get(0).index());
    }
}
