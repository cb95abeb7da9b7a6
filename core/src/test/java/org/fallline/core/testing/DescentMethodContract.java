package org.fallline.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.core.CoreException;
import org.fallline.core.descent.DescentMethod;
import org.fallline.core.descent.DescentResult;
import org.fallline.core.descent.StopReason;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.core.field.QuadraticField;
import org.fallline.core.field.ScalarField;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DescentMethod} keeps, run by each method's test class by extending this one: on the
 * strongly convex quadratic B1 (eigenvalues 1 and 100, minimiser (−0.485, 0.515)) it converges to the minimiser
 * within the gradient tolerance it was given, the reported final gradient norm is the field's, a start at the
 * minimiser stops at once, the result names the method and its parameters, two runs give the same result (the
 * method is immutable), and a non-finite start is refused as bad input.
 */
public abstract class DescentMethodContract {

    /** The method under test, with parameters suited to the field (e.g. a step below 2/L for B1). */
    protected abstract DescentMethod method(ScalarField field);

    @Test
    void convergesToTheMinimizerOfAStronglyConvexQuadratic() {
        QuadraticField f = Benchmarks.b1();
        DescentMethod m = method(f);
        DescentResult r = m.minimize(f, new double[] {0, 0}, new StoppingCriteria(1e-10, 100_000));
        assertEquals(StopReason.CONVERGED, r.stopReason(), m.name());
        assertTrue(r.finalGradientNorm() <= 1e-10, () -> m.name() + ": |grad| " + r.finalGradientNorm());
        double[] g = f.gradient(r.finalPoint());
        double norm = Math.hypot(g[0], g[1]);
        assertEquals(norm, r.finalGradientNorm(), 1e-12, "reported gradient norm is the field's");
        // |x − x*| ≤ |∇V| / μ with μ = 1 the smallest eigenvalue
        double[] xStar = f.minimizer();
        assertTrue(Math.hypot(r.finalPoint()[0] - xStar[0], r.finalPoint()[1] - xStar[1]) <= 1.0001e-10);
    }

    @Test
    void aStartAtTheMinimizerStopsAtOnce() {
        QuadraticField f = Benchmarks.b1();
        DescentResult r = method(f).minimize(f, f.minimizer(), StoppingCriteria.DEFAULT);
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertEquals(0, r.iterations());
    }

    @Test
    void theResultNamesTheMethodAndItsParameters() {
        QuadraticField f = Benchmarks.b1();
        DescentMethod m = method(f);
        DescentResult r = m.minimize(f, new double[] {1, 1}, StoppingCriteria.DEFAULT);
        assertEquals(m.name(), r.method());
        assertEquals(m.algorithm().label(), m.name());
        assertEquals(m.parameters(), r.parameters());
    }

    @Test
    void runsAreRepeatable() {
        QuadraticField f = Benchmarks.b1();
        DescentMethod m = method(f);
        DescentResult a = m.minimize(f, new double[] {3, -2}, StoppingCriteria.DEFAULT);
        DescentResult b = m.minimize(f, new double[] {3, -2}, StoppingCriteria.DEFAULT);
        assertEquals(a.iterations(), b.iterations());
        assertEquals(a.finalValue(), b.finalValue());
    }

    @Test
    void aNonFiniteStartIsBadInput() {
        QuadraticField f = Benchmarks.b1();
        CoreException e = assertThrows(CoreException.class,
                () -> method(f).minimize(f, new double[] {Double.NaN, 0}, StoppingCriteria.DEFAULT));
        assertEquals(CoreException.Kind.BAD_INPUT, e.kind());
    }
}
