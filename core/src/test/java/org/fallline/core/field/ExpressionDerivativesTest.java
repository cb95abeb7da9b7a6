package org.fallline.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Exact derivatives of every function of the language against their closed forms: the automatic
 * differentiation must agree to rounding (a few ulps), which no finite-difference scheme could.
 */
class ExpressionDerivativesTest {

    /** Rounding-level agreement: the AD and the closed form evaluate the same formula differently. */
    private static final double TOL = 1e-14;

    private static void close(double expected, double actual, String what) {
        double scale = Math.max(1.0, Math.abs(expected));
        assertEquals(expected, actual, TOL * scale, what);
    }

    /** Checks value, first and second derivative of a one-variable expression at x. */
    private static void check1(String text, double x, DoubleUnaryOperator f, DoubleUnaryOperator f1,
            DoubleUnaryOperator f2) {
        Expression e = Expression.parse(text);
        assertEquals(List.of("x"), e.variables());
        Derivatives d = e.derivatives(new double[] {x});
        close(f.applyAsDouble(x), d.value(), text + " at " + x);
        close(f1.applyAsDouble(x), d.gradient()[0], text + "' at " + x);
        close(f2.applyAsDouble(x), d.hessian()[0][0], text + "'' at " + x);
        // the three entry points agree
        assertEquals(d.value(), e.value(new double[] {x}), 0.0);
        double[] g = new double[1];
        assertEquals(d.value(), e.gradient(new double[] {x}, g), 0.0);
        assertEquals(d.gradient()[0], g[0], 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.3, -0.4, 0.0, 0.7, 1.9})
    void elementaryFunctionsOnTheLine(double x) {
        check1("exp(x)", x, Math::exp, Math::exp, Math::exp);
        check1("sin(x)", x, Math::sin, Math::cos, t -> -Math.sin(t));
        check1("cos(x)", x, Math::cos, t -> -Math.sin(t), t -> -Math.cos(t));
        // d/dx tan = sec², d²/dx² tan = 2 sec² tan
        check1("tan(x)", x, Math::tan, t -> 1 / (Math.cos(t) * Math.cos(t)),
                t -> 2 * Math.tan(t) / (Math.cos(t) * Math.cos(t)));
        check1("sinh(x)", x, Math::sinh, Math::cosh, Math::sinh);
        check1("cosh(x)", x, Math::cosh, Math::sinh, Math::cosh);
        // tanh' = sech², tanh'' = −2 tanh sech²
        check1("tanh(x)", x, Math::tanh, t -> 1 / (Math.cosh(t) * Math.cosh(t)),
                t -> -2 * Math.tanh(t) / (Math.cosh(t) * Math.cosh(t)));
        // atan' = 1/(1+x²), atan'' = −2x/(1+x²)²
        check1("atan(x)", x, Math::atan, t -> 1 / (1 + t * t), t -> -2 * t / ((1 + t * t) * (1 + t * t)));
        check1("x^3", x, t -> t * t * t, t -> 3 * t * t, t -> 6 * t);
        check1("x^2", x, t -> t * t, t -> 2 * t, t -> 2);
        check1("2^x", x, t -> Math.pow(2, t), t -> Math.pow(2, t) * Math.log(2),
                t -> Math.pow(2, t) * Math.log(2) * Math.log(2));
        check1("e^x", x, Math::exp, Math::exp, Math::exp);
        check1("-x^2", x, t -> -t * t, t -> -2 * t, t -> -2);
        check1("exp(sin(x))", x, t -> Math.exp(Math.sin(t)), t -> Math.cos(t) * Math.exp(Math.sin(t)),
                t -> (Math.cos(t) * Math.cos(t) - Math.sin(t)) * Math.exp(Math.sin(t)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5, 17.0})
    void functionsOfPositiveArguments(double x) {
        check1("log(x)", x, Math::log, t -> 1 / t, t -> -1 / (t * t));
        // sqrt' = 1/(2√x), sqrt'' = −1/(4 x^{3/2})
        check1("sqrt(x)", x, Math::sqrt, t -> 0.5 / Math.sqrt(t), t -> -0.25 / (t * Math.sqrt(t)));
        check1("x^2.5", x, t -> Math.pow(t, 2.5), t -> 2.5 * Math.pow(t, 1.5), t -> 3.75 * Math.sqrt(t));
        check1("x^-1", x, t -> 1 / t, t -> -1 / (t * t), t -> 2 / (t * t * t));
        check1("1/x", x, t -> 1 / t, t -> -1 / (t * t), t -> 2 / (t * t * t));
        check1("x^x", x, t -> Math.pow(t, t), t -> Math.pow(t, t) * (Math.log(t) + 1),
                t -> Math.pow(t, t) * ((Math.log(t) + 1) * (Math.log(t) + 1) + 1 / t));
    }

    @Test
    void absTakesTheBranchOfItsSign() {
        check1("abs(x)", -1.5, Math::abs, t -> -1, t -> 0);
        check1("abs(x)", 2.0, Math::abs, t -> 1, t -> 0);
        // at the kink, the branch a ≥ 0
        check1("abs(x)", 0.0, Math::abs, t -> 1, t -> 0);
        check1("abs(x^3)", -2.0, t -> 8, t -> -12, t -> 12);
    }

    @Test
    void minAndMaxFollowTheBranchTaken() {
        Expression min = Expression.parse("min(x^2, y)");
        Derivatives below = min.derivatives(new double[] {1.5, 4.0});
        assertEquals(2.25, below.value());
        assertEquals(3.0, below.gradient()[0]);
        assertEquals(0.0, below.gradient()[1]);
        assertEquals(2.0, below.hessian()[0][0]);
        Derivatives above = min.derivatives(new double[] {3.0, 4.0});
        assertEquals(4.0, above.value());
        assertEquals(0.0, above.gradient()[0]);
        assertEquals(1.0, above.gradient()[1]);
        assertEquals(0.0, above.hessian()[0][0]);
        // a tie takes the first argument
        Derivatives tie = min.derivatives(new double[] {2.0, 4.0});
        assertEquals(4.0, tie.gradient()[0]);
        Expression max = Expression.parse("max(x*y, 1)");
        Derivatives d = max.derivatives(new double[] {2.0, 3.0});
        assertEquals(6.0, d.value());
        assertEquals(3.0, d.gradient()[0]);
        assertEquals(1.0, d.hessian()[0][1]);
        Derivatives flat = max.derivatives(new double[] {0.1, 0.2});
        assertEquals(1.0, flat.value());
        assertEquals(0.0, flat.gradient()[0]);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.3, 2.0})
    void powerOfTwoVariables(double x) {
        for (double y : new double[] {-1.2, 0.5, 3.0}) {
            for (String text : new String[] {"pow(x, y)", "x^y"}) {
                Derivatives d = Expression.parse(text).derivatives(new double[] {x, y});
                double lnx = Math.log(x);
                double v = Math.pow(x, y);
                close(v, d.value(), text);
                close(y * Math.pow(x, y - 1), d.gradient()[0], "∂x " + text);
                close(v * lnx, d.gradient()[1], "∂y " + text);
                close(y * (y - 1) * Math.pow(x, y - 2), d.hessian()[0][0], "∂xx " + text);
                close(v * lnx * lnx, d.hessian()[1][1], "∂yy " + text);
                // the mixed partial x^{y−1}(1 + y ln x)
                close(Math.pow(x, y - 1) * (1 + y * lnx), d.hessian()[0][1], "∂xy " + text);
                assertEquals(d.hessian()[0][1], d.hessian()[1][0], 0.0);
            }
        }
    }

    @Test
    void quotientAndProduct() {
        double x = 1.7;
        double y = -0.8;
        Derivatives q = Expression.parse("x/y").derivatives(new double[] {x, y});
        close(x / y, q.value(), "x/y");
        close(1 / y, q.gradient()[0], "∂x x/y");
        close(-x / (y * y), q.gradient()[1], "∂y x/y");
        close(0, q.hessian()[0][0], "∂xx x/y");
        close(-1 / (y * y), q.hessian()[0][1], "∂xy x/y");
        close(2 * x / (y * y * y), q.hessian()[1][1], "∂yy x/y");
        Derivatives s = Expression.parse("sin(x*y)").derivatives(new double[] {x, y});
        double c = Math.cos(x * y);
        double sn = Math.sin(x * y);
        close(y * c, s.gradient()[0], "∂x sin(xy)");
        close(x * c, s.gradient()[1], "∂y sin(xy)");
        close(-y * y * sn, s.hessian()[0][0], "∂xx sin(xy)");
        close(c - x * y * sn, s.hessian()[0][1], "∂xy sin(xy)");
        close(-x * x * sn, s.hessian()[1][1], "∂yy sin(xy)");
        Derivatives p = Expression.parse("x*y*exp(x)/(1+y^2)").derivatives(new double[] {x, y});
        double w = 1 + y * y;
        close(x * y * Math.exp(x) / w, p.value(), "value");
        close(y * (1 + x) * Math.exp(x) / w, p.gradient()[0], "∂x");
        close(x * Math.exp(x) * (1 - y * y) / (w * w), p.gradient()[1], "∂y");
        close(y * (2 + x) * Math.exp(x) / w, p.hessian()[0][0], "∂xx");
        close((1 + x) * Math.exp(x) * (1 - y * y) / (w * w), p.hessian()[0][1], "∂xy");
        close(x * Math.exp(x) * 2 * y * (y * y - 3) / (w * w * w), p.hessian()[1][1], "∂yy");
    }

    @Test
    void listedVariablesTheTextDoesNotUseHaveZeroDerivatives() {
        Expression e = Expression.parse("x^2 * z", List.of("z", "y", "x"));
        assertEquals(List.of("z", "y", "x"), e.variables());
        Derivatives d = e.derivatives(new double[] {3.0, 5.0, 2.0});
        assertEquals(12.0, d.value());
        assertEquals(4.0, d.gradient()[0]);
        assertEquals(0.0, d.gradient()[1]);
        assertEquals(12.0, d.gradient()[2]);
        assertEquals(0.0, d.hessian()[1][1]);
        assertEquals(0.0, d.hessian()[0][1]);
        assertEquals(4.0, d.hessian()[0][2]);
        assertEquals(6.0, d.hessian()[2][2]);
    }

    @Test
    void constantExpressions() {
        Expression e = Expression.parse("2*pi - e^2", List.of("x"));
        Derivatives d = e.derivatives(new double[] {1.0});
        assertEquals(2 * Math.PI - Math.exp(2), d.value(), 1e-15);
        assertEquals(0.0, d.gradient()[0]);
        assertEquals(0.0, d.hessian()[0][0]);
        assertTrue(e.hasConstantHessian());
        assertEquals(List.of(), Expression.parse("sin(pi/2)").variables());
        assertEquals(1.0, Expression.parse("sin(pi/2)").value(new double[0]));
    }

    @Test
    void outsideTheDomainValuesAreNotFinite() {
        assertTrue(Double.isNaN(Expression.parse("log(x)").value(new double[] {-1})));
        assertTrue(Double.isNaN(Expression.parse("sqrt(x)").value(new double[] {-4})));
        assertTrue(Double.isInfinite(Expression.parse("1/x").value(new double[] {0})));
        Derivatives d = Expression.parse("log(x)").derivatives(new double[] {0});
        assertFalse(Double.isFinite(d.value()));
        assertFalse(Double.isFinite(d.gradient()[0]));
    }

    @Test
    void polynomialDegreeDecidesTheConstantHessian() {
        for (String text : new String[] {"x", "3", "x*y", "(x+y)^2/4 - 3*x", "exp(1)*x^2", "x^2*1/2",
                "-(x-1)*(y+2)", "(x^1)^2", "x^0*y^2"}) {
            assertTrue(Expression.parse(text).hasConstantHessian(), text);
        }
        for (String text : new String[] {"x^3", "x*y*z", "x/y", "sqrt(x)^2", "2^x", "x^0.5", "abs(x)",
                "min(x, y)", "(x*y)^2", "x^-2", "exp(x)"}) {
            assertFalse(Expression.parse(text).hasConstantHessian(), text);
        }
    }
}
