package org.fallline.core.field;

import org.fallline.core.CoreException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar (precedence, associativity, numbers, names) and every error with its column. */
class ExpressionParserTest {

    private static double eval(String text, double... x) {
        return Expression.parse(text).value(x);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "2^3^2; 512",
        "(2^3)^2; 64",
        "-2^2; -4",
        "(-2)^2; 4",
        "2*-3; -6",
        "2^-1; 0.5",
        "-2^-2; -0.25",
        "--3; 3",
        "+-+3; -3",
        "1-2-3; -4",
        "8/2/2; 2",
        "2*3+4*5; 26",
        "2+3*4^2; 50",
        "(1+2)*(3+4); 21",
        "1.5e-3*1000; 1.5",
        ".5+.25; 0.75",
        "2E+4; 20000",
        "3e2; 300",
        "7.; 7",
        "pow(2, 10); 1024",
        "max(1, min(5, 3)); 3",
        "abs(-2.5); 2.5",
        "exp(0) + log(1) + sqrt(16) + sin(0) + cos(0) + tan(0) + sinh(0) + cosh(0) + tanh(0) + atan(0); 7",
    })
    void precedenceAssociativityAndNumbers(String text, double expected) {
        assertEquals(expected, eval(text), 1e-15 * Math.max(1, Math.abs(expected)), text);
    }

    @Test
    void constants() {
        assertEquals(Math.PI, eval("pi"));
        assertEquals(Math.E, eval("e"));
        assertEquals(-9.0, eval("-x^2", 3));
        assertEquals(1.0 + 2.0 * 3.0, eval("  1 +\t2 \n* 3 "));
    }

    @Test
    void variablesAreInNaturalOrder() {
        assertEquals(List.of("x", "y"), Expression.parse("y^2+x").variables());
        assertEquals(List.of("x1", "x2", "x10"), Expression.parse("x10 + x2 + x1").variables());
        assertEquals(List.of("a2b", "a10a"), Expression.parse("a10a*a2b").variables());
        assertEquals(List.of("A", "a", "b_1", "beta"), Expression.parse("beta + b_1 + a + A").variables());
        assertEquals(List.of("x", "x01", "x1"), Expression.parse("x1 + x01 + x").variables());
        // coordinates follow the order: ∂/∂x1 is component 0 although x10 comes first in the text
        Expression e = Expression.parse("x10^2 + 3*x2 + x1");
        assertEquals(List.of(1.0, 3.0, 20.0), List.of(e.gradient(new double[] {5, 6, 10})[0],
                e.gradient(new double[] {5, 6, 10})[1], e.gradient(new double[] {5, 6, 10})[2]));
    }

    @Test
    void explicitVariablesKeepTheirOrder() {
        Expression e = Expression.parse("x - 2*y", List.of("y", "x"));
        assertEquals(List.of("y", "x"), e.variables());
        assertEquals(-5.0, e.value(new double[] {3, 1}));
        assertEquals(-2.0, e.gradient(new double[] {3, 1})[0]);
    }

    /** Asserts the message, the column and the caret of a syntax or naming error. */
    private static ExpressionException fails(String text, String message, int column) {
        ExpressionException ex = assertThrows(ExpressionException.class, () -> Expression.parse(text));
        assertEquals(message, ex.getMessage());
        assertEquals(column, ex.column());
        assertEquals(text, ex.text());
        assertFalse(ex.getMessage().contains("\n"));
        return ex;
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        fails("sin(x+y*(2-x)", "expected ')' at column 14", 14);
        fails("(x+y", "expected ')' at column 5", 5);
        fails("(x+y))", "unexpected ')' at column 6", 6);
        fails("sin(x) +", "unexpected end of expression at column 9", 9);
        fails("x * / y", "unexpected '/' at column 5", 5);
        fails("x y", "unexpected 'y' at column 3; expected an operator", 3);
        fails("2x", "unexpected 'x' at column 2; expected an operator", 2);
        // no implicit multiplication, and an exponent needs digits: 2e is the number 2, then e
        fails("2e", "unexpected 'e' at column 2; expected an operator", 2);
        fails("x # y", "unexpected character '#' at column 3", 3);
        fails("", "empty expression", 1);
        fails("   ", "empty expression", 1);
        fails("()", "unexpected ')' at column 2", 2);
        fails("x,y", "unexpected ',' at column 2; expected an operator", 2);
    }

    @Test
    void namingErrorsSuggestTheNearestFunction() {
        fails("sinn(x)", "unknown function 'sinn' at column 1; did you mean 'sin'?", 1);
        fails("2 * Exp(x)", "unknown function 'Exp' at column 5; did you mean 'exp'?", 5);
        fails("sqr(x)", "unknown function 'sqr' at column 1; did you mean 'sqrt'?", 1);
        fails("foo(x)", "unknown function 'foo' at column 1", 1);
        fails("pi(2)", "'pi' is a constant, not a function, at column 1", 1);
        fails("sin x", "expected '(' after function 'sin' at column 5", 5);
        fails("min(x)", "function 'min' takes 2 arguments but was given 1 at column 1", 1);
        fails("exp(x, y)", "function 'exp' takes 1 argument but was given 2 at column 1", 1);
        fails("max(x y)", "expected ',' at column 7", 7);
        fails("x + sin()", "function 'sin' takes 1 argument but was given 0 at column 5", 5);
    }

    @Test
    void unknownVariablesWhenTheListIsGiven() {
        ExpressionException ex = assertThrows(ExpressionException.class,
                () -> Expression.parse("x + z", List.of("x", "y")));
        assertEquals("unknown variable 'z' at column 5; the variables are x, y", ex.getMessage());
        assertEquals(5, ex.column());
        ExpressionException none = assertThrows(ExpressionException.class, () -> Expression.parse("t", List.of()));
        assertEquals("unknown variable 't' at column 1; there are no variables", none.getMessage());
    }

    @Test
    void badVariableListsAreRefused() {
        for (List<String> bad : List.of(List.of("x", "x"), List.of("1x"), List.of("x-y"), List.of(""),
                List.of("sin"), List.of("pi"), List.of("e"))) {
            CoreException ex = assertThrows(CoreException.class, () -> Expression.parse("1", bad), bad::toString);
            assertFalse(ex instanceof ExpressionException, bad::toString);
            assertTrue(ex.getMessage().contains("'"), ex.getMessage());
        }
    }

    @Test
    void numbersOutOfRange() {
        fails("1e999", "number out of range at column 1", 1);
        fails("x + 2.5E400*y", "number out of range at column 5", 5);
        // underflow is not an error: the number is 0
        assertEquals(0.0, eval("1e-999"));
    }

    @Test
    void caretPointsAtTheColumn() {
        ExpressionException ex = fails("sinn(x)", "unknown function 'sinn' at column 1; did you mean 'sin'?", 1);
        assertEquals("sinn(x)\n^", ex.caret());
        ExpressionException end = fails("(x+y", "expected ')' at column 5", 5);
        assertEquals("(x+y\n    ^", end.caret());
        ExpressionException tab = fails("x\t#", "unexpected character '#' at column 3", 3);
        assertEquals("x #\n  ^", tab.caret());
        // long expressions are shown around the column
        String text = "x+".repeat(200) + "#" + "+x".repeat(200);
        ExpressionException far = fails(text, "unexpected character '#' at column 401", 401);
        String[] lines = far.caret().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].length() <= 106, lines[0]);
        assertEquals('#', lines[0].charAt(lines[1].length() - 1));
        assertTrue(lines[0].startsWith("...") && lines[0].endsWith("..."));
    }

    @Test
    void absurdSizesAreRefusedClearly() {
        String megabyte = "x+".repeat(500_000) + "x";
        ExpressionException big = assertThrows(ExpressionException.class, () -> Expression.parse(megabyte));
        assertEquals("expression too long: 1000001 characters (the limit is 100000)", big.getMessage());
        assertEquals(100_001, big.column());

        String parentheses = "(".repeat(10_000) + "x" + ")".repeat(10_000);
        fails(parentheses, "expression nested deeper than 500 levels at column 501", 501);
        String minus = "-".repeat(10_000) + "x";
        fails(minus, "expression nested deeper than 500 levels at column 501", 501);
        // x^x^…^x: the 501st '^' is at column 1002
        String tower = "x" + "^x".repeat(10_000);
        fails(tower, "expression nested deeper than 500 levels at column 1002", 1002);
        String calls = "sin(".repeat(10_000) + "x" + ")".repeat(10_000);
        // the '(' of the 501st call
        fails(calls, "expression nested deeper than 500 levels at column 2004", 2004);
        // 500 levels are allowed
        String deep = "(".repeat(500) + "x" + ")".repeat(500);
        assertEquals(2.0, Expression.parse(deep).value(new double[] {2.0}));
        String deepMinus = "-".repeat(500) + "x";
        assertEquals(2.0, Expression.parse(deepMinus).value(new double[] {2.0}));
        String deepTower = "x" + "^x".repeat(500);
        assertEquals(1.0, Expression.parse(deepTower).value(new double[] {1.0}));
        assertEquals(1.0, Expression.parse(deepTower).gradient(new double[] {1.0})[0]);
    }

    @Test
    void pointsOfTheWrongSizeAreRefused() {
        Expression e = Expression.parse("x + y");
        CoreException ex = assertThrows(CoreException.class, () -> e.value(new double[] {1}));
        assertEquals("the point has 1 coordinates; the field has 2 variables (x, y)", ex.getMessage());
        assertThrows(CoreException.class, () -> e.gradient(new double[] {1, 2}, new double[3]));
        assertThrows(CoreException.class, () -> e.hessian(new double[] {1, 2}, new double[2], new double[2][1]));
    }

    @Test
    void textAndToString() {
        Expression e = Expression.parse(" x^2 ");
        assertEquals(" x^2 ", e.text());
        assertEquals(" x^2 ", e.toString());
    }
}
