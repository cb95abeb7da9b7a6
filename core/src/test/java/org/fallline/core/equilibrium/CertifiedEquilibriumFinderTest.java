package org.fallline.core.equilibrium;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.fallline.core.CoreException;
import org.fallline.core.field.Box;
import org.fallline.core.field.Expression;
import org.junit.jupiter.api.Test;

class CertifiedEquilibriumFinderTest {

    private static final CertifiedEquilibriumFinder CERTIFIED = CertifiedEquilibriumFinder.builder().build();

    private static EquilibriumSearch certify(String text, double[] lo, double[] hi) {
        return CERTIFIED.search(Expression.parse(text), new Box(lo, hi), (done, total) -> { });
    }

    /**
     * sin x sin y on [−7, 7]²: 25 saddles at (jπ, kπ), |j|, |k| ≤ 2, and 16 extrema at (±π/2 or ±3π/2)², V = ±1
     * (see MultistartStoppingRuleTest); certified complete, each point inside its proved enclosure.
     */
    @Test
    void sinSinIsCertifiedCompleteWith41Points() {
        EquilibriumSearch s = certify("sin(x)*sin(y)", new double[] {-7, -7}, new double[] {7, 7});
        assertTrue(s.complete());
        assertEquals(EquilibriumSearch.Method.CERTIFIED, s.method());
        assertEquals(41, s.equilibria().size());
        EquilibriumSearch.Certification c = s.certification().orElseThrow();
        assertTrue(c.undecided().isEmpty());
        assertEquals(41, c.enclosures().size());
        int saddles = 0;
        for (int k = 0; k < 41; k++) {
            Equilibrium e = s.equilibria().get(k);
            double[] p = e.point();
            assertTrue(c.enclosures().get(k).contains(p));
            double qx = p[0] / (Math.PI / 2);
            double qy = p[1] / (Math.PI / 2);
            assertEquals(Math.rint(qx), qx, 1e-12, e::toString);
            assertEquals(Math.rint(qy), qy, 1e-12, e::toString);
            boolean even = Math.rint(qx) % 2 == 0;
            assertEquals(even, Math.rint(qy) % 2 == 0, e::toString);
            assertEquals(even ? EquilibriumType.SADDLE : Math.sin(p[0]) * Math.sin(p[1]) > 0 ? EquilibriumType.MAXIMUM
                    : EquilibriumType.MINIMUM, e.type(), e::toString);
            saddles += even ? 1 : 0;
        }
        assertEquals(25, saddles);
    }

    /**
     * V = x² + y² − 2exp(−((x − 0.6)² + (y − 0.3)²)/10⁻⁶): besides the minimum at 0, the narrow well (width 10⁻³)
     * holds a minimum near (0.6, 0.3) and a saddle on its rim toward 0 — at most a few 10⁻⁶ of the box drains
     * into them, and 10,000 Newton starts find only the minimum at 0. The certified search proves all three.
     */
    @Test
    void narrowWellMissedByTenThousandStartsIsFound() {
        String text = "x^2 + y^2 - 2*exp(-((x-0.6)^2 + (y-0.3)^2)/0.000001)";
        Box box = new Box(new double[] {-1, -1}, new double[] {1, 1});
        List<Equilibrium> multistart = EquilibriumFinder.builder().starts(10_000).build().find(Expression.parse(text), box);
        assertEquals(1, multistart.size(), multistart::toString);
        EquilibriumSearch s = CERTIFIED.search(Expression.parse(text), box, (done, total) -> { });
        assertTrue(s.complete());
        assertEquals(3, s.equilibria().size(), s::toString);
        Equilibrium well = s.equilibria().get(0);
        assertEquals(EquilibriumType.MINIMUM, well.type());
        // the well's minimum: ∇V = 0 gives (x, y) = (0.6, 0.3)/(1 + 2e^{−r²/σ²}/σ²) ≈ (0.6, 0.3)(1 − σ²/2)
        assertArrayEquals(new double[] {0.6, 0.3}, well.point(), 1e-6);
        Equilibrium origin = s.equilibria().get(1);
        assertArrayEquals(new double[] {0, 0}, origin.point(), 1e-15);
        assertEquals(EquilibriumType.SADDLE, s.equilibria().get(2).type());
        for (Equilibrium e : s.equilibria()) {
            assertTrue(org.fallline.core.internal.Vectors.norm(Expression.parse(text).gradient(e.point())) < 1e-6, e::toString);
        }
    }

    /**
     * x⁴ + y² and x³ + y² have one critical point, 0, where ∇²V = diag(0, 2) is singular: no Krawczyk test can
     * prove it, so the search is not complete and says where — a tiny box around 0, undecided for a singular
     * Hessian — and every other part of the box is excluded.
     */
    @Test
    void degenerateCriticalPointLeavesAnUndecidedBox() {
        for (String text : new String[] {"x^4 + y^2", "x^3 + y^2"}) {
            EquilibriumSearch s = certify(text, new double[] {-1, -1}, new double[] {2, 1});
            assertFalse(s.complete(), text);
            assertTrue(s.equilibria().isEmpty(), text);
            List<EquilibriumSearch.UndecidedBox> undecided = s.certification().orElseThrow().undecided();
            assertEquals(1, undecided.size(), text);
            assertEquals(EquilibriumSearch.Reason.SINGULAR, undecided.get(0).reason());
            Box u = undecided.get(0).box();
            assertTrue(u.contains(new double[] {0, 0}), u::toString);
            assertTrue(u.width(0) < 1e-6 && u.width(1) < 1e-6, u::toString);
        }
    }

    @Test
    void timeLimitLeavesTheBoxUndecided() {
        EquilibriumSearch s = CertifiedEquilibriumFinder.builder().timeLimit(Duration.ofNanos(1)).build()
                .search(Expression.parse("sin(x)*sin(y)"), new Box(new double[] {-7, -7}, new double[] {7, 7}),
                        (done, total) -> { });
        assertFalse(s.complete());
        EquilibriumSearch.UndecidedBox u = s.certification().orElseThrow().undecided().get(0);
        assertEquals(EquilibriumSearch.Reason.TIME_LIMIT, u.reason());
        // the longest limit must not overflow into an immediate stop
        EquilibriumSearch unlimited = CertifiedEquilibriumFinder.builder().timeLimit(Duration.ofNanos(Long.MAX_VALUE))
                .build().search(Expression.parse("x^2 + y^2"), new Box(new double[] {-1, -1}, new double[] {1, 1}),
                        (done, total) -> { });
        assertTrue(unlimited.complete());
        assertEquals(1, unlimited.equilibria().size());
    }

    /**
     * min(x, y)² + x is x² + x where x &lt; y: every point of the half-line x = −½, y &gt; −½ is critical. No box on it
     * can be decided, and the search stops after the allowed number of undecided boxes instead of listing the line
     * box by box.
     */
    @Test
    void lineOfCriticalPointsStopsAtTheUndecidedLimit() {
        EquilibriumSearch s = CertifiedEquilibriumFinder.builder().maxUndecided(50).build()
                .search(Expression.parse("min(x, y)^2 + x"), new Box(new double[] {-1, -1}, new double[] {1, 1}),
                        (done, total) -> { });
        assertFalse(s.complete());
        List<EquilibriumSearch.UndecidedBox> undecided = s.certification().orElseThrow().undecided();
        assertTrue(undecided.size() >= 50 && undecided.size() <= 50 + CertifiedEquilibriumFinder.DEFAULT_MAX_DEPTH + 1,
                () -> Integer.toString(undecided.size()));
        assertEquals(EquilibriumSearch.Reason.UNDECIDED_LIMIT, undecided.get(undecided.size() - 1).reason());
    }

    /** √x is not differentiable at 0: the boxes along x = 0 stay undecided as not smooth. */
    @Test
    void domainEdgeIsReportedNotSmooth() {
        EquilibriumSearch s = CertifiedEquilibriumFinder.builder().maxDepth(12).build()
                .search(Expression.parse("sqrt(x) + (x - 1)^2 + y^2"), new Box(new double[] {-1, -1}, new double[] {2, 1}),
                        (done, total) -> { });
        assertFalse(s.complete());
        assertTrue(s.certification().orElseThrow().undecided().stream()
                .allMatch(u -> u.reason() == EquilibriumSearch.Reason.NOT_SMOOTH && u.box().lower()[0] <= 0));
        // ∂V/∂x = 1/(2√x) + 2(x − 1) changes sign in (0.01, 0.3) (a saddle) and in (0.3, 1) (the minimum)
        double saddle = rootOfDerivative(0.01, 0.3);
        double minimum = rootOfDerivative(0.3, 1);
        assertEquals(2, s.equilibria().size(), s::toString);
        assertArrayEquals(new double[] {minimum, 0}, s.equilibria().get(0).point(), 1e-12);
        assertEquals(EquilibriumType.MINIMUM, s.equilibria().get(0).type());
        assertArrayEquals(new double[] {saddle, 0}, s.equilibria().get(1).point(), 1e-12);
        assertEquals(EquilibriumType.SADDLE, s.equilibria().get(1).type());
    }

    /** Bisection on the sign change of 1/(2√x) + 2(x − 1) in [lo, hi]. */
    private static double rootOfDerivative(double lo, double hi) {
        double signLo = Math.signum(1 / (2 * Math.sqrt(lo)) + 2 * (lo - 1));
        for (int k = 0; k < 200; k++) {
            double m = 0.5 * (lo + hi);
            if (Math.signum(1 / (2 * Math.sqrt(m)) + 2 * (m - 1)) == signLo) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(CoreException.class, () -> CertifiedEquilibriumFinder.builder().maxDepth(0));
        assertThrows(CoreException.class, () -> CertifiedEquilibriumFinder.builder().timeLimit(Duration.ZERO));
        assertThrows(CoreException.class, () -> certify("x + y", new double[] {0}, new double[] {1}));
    }
}
