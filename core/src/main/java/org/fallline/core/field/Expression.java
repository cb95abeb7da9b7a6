package org.fallline.core.field;

import org.fallline.core.CoreException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fallline.core.internal.ExpressionParser;
import org.fallline.core.internal.Function;
import org.fallline.core.internal.NaturalOrder;
import org.fallline.core.internal.Tape;
import org.fallline.core.internal.TapeCompiler;

/**
 * A scalar field written as an expression over named variables, such as
 * {@code exp(x)*cos(y) - x - 1}, with exact first and second derivatives.
 *
 * <h2>The language</h2>
 * <ul>
 * <li>operators {@code + - * / ^}, with the usual precedence; {@code ^} is right-associative and
 * binds tighter than unary minus, so {@code 2^3^2} = 2⁹ = 512 and {@code -x^2} = −(x²); unary
 * {@code -} and {@code +} may follow any operator ({@code 2*-3}, {@code x^-1});</li>
 * <li>parentheses;</li>
 * <li>functions {@code exp log sqrt sin cos tan sinh cosh tanh atan abs} of one argument and
 * {@code min max pow} of two ({@code log} is the natural logarithm, {@code pow(a, b)} = a^b);</li>
 * <li>constants {@code pi} and {@code e};</li>
 * <li>numbers such as {@code 3}, {@code 1.5e-3}, {@code .5}, {@code 2E+4};</li>
 * <li>variables: any other name made of a letter or '_' followed by letters, digits or '_'.</li>
 * </ul>
 * Texts longer than 100,000 characters, and texts nested more than 500 levels deep (parentheses,
 * signs, powers and function calls), are refused with an {@link ExpressionException}.
 *
 * <h2>Derivatives</h2>
 * The gradient and Hessian are computed by second-order forward-mode automatic differentiation:
 * every operation propagates its value, gradient and Hessian by the chain rule — for u = f(a),
 * ∇u = f'(a)∇a and ∇²u = f'(a)∇²a + f''(a)∇a∇aᵀ; for u = a·b, ∇²u = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ —
 * so the derivatives are exact up to rounding, with no step size and no truncation error
 * (A. Griewank and A. Walther, <i>Evaluating Derivatives</i>, 2nd ed., SIAM 2008, ch. 13).
 * Where a function has a kink the derivative is that of the branch taken: {@code abs(a)} uses the
 * branch a ≥ 0 at a = 0, {@code min(a, b)} the argument a when a ≤ b and {@code max(a, b)} the
 * argument a when a ≥ b. Derivatives of a^b with respect to a non-constant exponent b need a &gt; 0.
 *
 * <h2>Outside the domain</h2>
 * Evaluating where the expression is undefined — the logarithm or square root of a negative number,
 * a division by zero, an overflow — yields an infinite or NaN value (and derivatives), as Java's
 * arithmetic does; nothing is thrown. Callers that walk the field (descent, Newton's method) are
 * expected to check for non-finite values and report divergence.
 *
 * <h2>Performance</h2>
 * The text is parsed and compiled once, into straight-line code over slots with constant folding,
 * flattened sums and products, shared repeated subexpressions, and derivative work restricted to
 * the variables each slot depends on. Terms that are linear in the variables have constant
 * gradients and zero Hessians, quadratic ones constant Hessians; those are computed once at
 * compile time. Evaluation allocates nothing and is thread-safe: each thread has its own work
 * arrays, and threads share nothing mutable.
 *
 * <h2>Space and time</h2>
 * {@link #field(List, List)} compiles the text over spatial variables and parameters (such as t) that
 * are bound per evaluation and not differentiated, with batch evaluation over point lists and tensor
 * grids: a {@link ParametricField}.
 */
public final class Expression implements ScalarField {

    private final String text;
    private final List<String> variables;
    private final Tape tape;

    private Expression(String text, List<String> variables, Tape tape) {
        this.text = text;
        this.variables = variables;
        this.tape = tape;
    }

    /**
     * Parses {@code text}, taking as variables every name in it that is not a function or a
     * constant, in natural order: sorted by name, with runs of digits compared as numbers, so that
     * {@code y^2 + x} has variables [x, y] and {@code x10 + x2 + x1} has [x1, x2, x10]. Other
     * characters compare by their UTF-16 code (upper case before lower case).
     *
     * @throws ExpressionException if the text does not parse
     */
    public static Expression parse(String text) {
        Objects.requireNonNull(text, "text");
        ExpressionParser.Result parsed = ExpressionParser.parse(text, null);
        List<String> sorted = new ArrayList<>(parsed.variables);
        sorted.sort(NaturalOrder.INSTANCE);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            position.put(sorted.get(i), i);
        }
        int[] index = new int[parsed.variables.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = position.get(parsed.variables.get(i));
        }
        return new Expression(text, List.copyOf(sorted), TapeCompiler.compile(parsed.root, index, sorted.size()));
    }

    /**
     * Parses {@code text} over the given variables, in the given order. Every name in the text that is
     * not a function or a constant must be in the list; a listed variable the text does not use is
     * allowed (its derivatives are 0).
     *
     * @throws ExpressionException if the text does not parse or uses a variable not in the list
     * @throws CoreException       if the list names a variable twice, or holds a name that is not an
     *                             identifier or that is the name of a function or a constant
     */
    public static Expression parse(String text, List<String> variables) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(variables, "variables");
        checkNames(variables, List.of());
        List<String> names = List.copyOf(variables);
        ExpressionParser.Result parsed = ExpressionParser.parse(text, names);
        int[] identity = new int[names.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new Expression(text, names, TapeCompiler.compile(parsed.root, identity, names.size()));
    }

    /**
     * This expression compiled over the given spatial variables and parameters (such as t): the
     * parameters are bound at each evaluation and not differentiated, so that gradients, Hessians and
     * Laplacians are over the variables only. Every name in the text must be in one of the lists; a
     * listed name the text does not use is allowed. For example
     * {@code Expression.parse("sin(pi*x)*exp(-t)").field(List.of("x", "y"), List.of("t"))}.
     *
     * @throws ExpressionException if the text uses a name in neither list; the message names it, its
     *                             column and the names allowed
     * @throws CoreException       if a name is listed twice (in either list or both), or is not an
     *                             identifier, or is the name of a function or a constant
     */
    public ParametricField field(List<String> variables, List<String> parameters) {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(parameters, "parameters");
        checkNames(variables, parameters);
        List<String> names = List.copyOf(variables);
        List<String> params = List.copyOf(parameters);
        ExpressionParser.Result parsed = ExpressionParser.parse(text, names, params);
        int[] identity = new int[names.size() + params.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new ParametricField(text, names, params,
                TapeCompiler.compile(parsed.root, identity, names.size(), params.size()));
    }

    private static void checkNames(List<String> variables, List<String> parameters) {
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>(variables);
        all.addAll(parameters);
        for (int k = 0; k < all.size(); k++) {
            String v = all.get(k);
            String what = k < variables.size() ? "variable" : "parameter";
            if (v == null || !ExpressionParser.isIdentifier(v)) {
                throw new CoreException("invalid " + what + " name " + (v == null ? "null" : "'" + v + "'")
                        + "; a name is a letter or '_' followed by letters, digits or '_'");
            }
            if (Function.bySymbol(v) != null) {
                throw new CoreException(what + " name '" + v + "' is the name of a function");
            }
            if (Function.isConstant(v)) {
                throw new CoreException(what + " name '" + v + "' is the name of a constant");
            }
            if (!seen.add(v)) {
                throw new CoreException(what + " '" + v + "' is listed twice");
            }
        }
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public int dimension() {
        return variables.size();
    }

    @Override
    public double value(double[] x) {
        checkPoint(x);
        return tape.value(x);
    }

    @Override
    public double gradient(double[] x, double[] gradient) {
        checkPoint(x);
        checkLength(gradient, "gradient");
        return tape.gradient(x, gradient);
    }

    @Override
    public double hessian(double[] x, double[] gradient, double[][] hessian) {
        checkPoint(x);
        checkLength(gradient, "gradient");
        if (hessian.length != variables.size()) {
            throw new CoreException("the Hessian array has " + hessian.length + " rows; the field has "
                    + variables.size() + " variables");
        }
        for (double[] row : hessian) {
            checkLength(row, "Hessian row");
        }
        return tape.hessian(x, gradient, hessian);
    }

    /**
     * True when the expression is, structurally, a polynomial of degree at most 2 in its variables:
     * constants have degree 0, variables 1, a sum the largest degree of its terms, a product the sum
     * of the degrees of its factors, a quotient by a constant the degree of its numerator and a
     * power with a non-negative integer constant exponent k the degree of its base times k; anything
     * else (functions, other quotients and powers) is not a polynomial. The decision is made on the
     * expression as written (after folding constants), so {@code sqrt(x)^2} does not count.
     */
    @Override
    public boolean hasConstantHessian() {
        return tape.degree() <= 2;
    }

    /** The text. */
    @Override
    public String toString() {
        return text;
    }

    private void checkPoint(double[] x) {
        if (x.length != variables.size()) {
            throw new CoreException("the point has " + x.length + " coordinates; the field has "
                    + variables.size() + " variables (" + String.join(", ", variables) + ")");
        }
    }

    private void checkLength(double[] a, String what) {
        if (a.length != variables.size()) {
            throw new CoreException("the " + what + " array has length " + a.length + "; the field has "
                    + variables.size() + " variables");
        }
    }
}
