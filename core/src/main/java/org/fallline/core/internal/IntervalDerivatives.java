package org.fallline.core.internal;

import java.util.List;
import org.fallline.core.interval.Interval;

/**
 * The interval extension of an expression with its gradient and Hessian: second-order forward-mode
 * automatic differentiation on the parse tree in interval arithmetic. Every node carries enclosures of its
 * value u, gradient ∇u and Hessian ∇²u over a box X, propagated by the chain rule — for u = f(a),
 * ∇u = f'(a)∇a and ∇²u = f'(a)∇²a + f''(a)∇a∇aᵀ with f, f', f'' evaluated on the enclosure of a; for
 * u = a·b, ∇²u = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ — so by the fundamental theorem of interval arithmetic the
 * results enclose V, ∇V and ∇²V at every point of X where they are defined.
 *
 * <p>{@link Enclosure#smooth()} is false when some point of X may lie outside the domain of an operation or
 * at a kink (log or √ of an interval reaching 0, a quotient by an interval holding 0, |a|, min and max where
 * the branch may change, tan near a pole). The gradient enclosure is then still valid on the part of X where
 * V is differentiable, but the Hessian enclosure need not bound the variation of ∇V over X.
 *
 * <p>References: R. E. Moore, R. B. Kearfott and M. J. Cloud, <i>Introduction to Interval Analysis</i>, SIAM
 * 2009, §5.3 and §6.4 (interval extensions, automatic differentiation); A. Griewank and A. Walther,
 * <i>Evaluating Derivatives</i>, 2nd ed., SIAM 2008, ch. 13.
 */
public final class IntervalDerivatives {

    private final Node root;
    private final int n;

    private IntervalDerivatives(Node root, int n) {
        this.root = root;
        this.n = n;
    }

    /**
     * The interval extension of {@code text} over the variables, in their order (parsed as
     * {@link org.fallline.core.field.Expression#parse(String, List)} does).
     */
    public static IntervalDerivatives of(String text, List<String> variables) {
        return new IntervalDerivatives(ExpressionParser.parse(text, variables).root, variables.size());
    }

    /** Enclosures of V, ∇V and ∇²V over a box, and whether V is smooth on all of it. */
    public record Enclosure(Interval value, Interval[] gradient, Interval[][] hessian, boolean smooth) {
    }

    /** Enclosures over the box X = X₁ × … × Xₙ. */
    public Enclosure over(Interval[] box) {
        Evaluation e = new Evaluation(box);
        T t = e.eval(root);
        return new Enclosure(t.v, t.g, t.h, e.smooth);
    }

    /** A value with its gradient and Hessian enclosures. */
    private static final class T {
        final Interval v;
        final Interval[] g;
        final Interval[][] h;

        T(Interval v, Interval[] g, Interval[][] h) {
            this.v = v;
            this.g = g;
            this.h = h;
        }
    }

    /** One evaluation over one box; records whether every operation was smooth there. */
    private final class Evaluation {
        private final Interval[] box;
        boolean smooth = true;

        Evaluation(Interval[] box) {
            this.box = box;
        }

        T constant(Interval c) {
            Interval[] g = new Interval[n];
            Interval[][] h = new Interval[n][n];
            for (int i = 0; i < n; i++) {
                g[i] = Interval.ZERO;
                for (int j = 0; j < n; j++) {
                    h[i][j] = Interval.ZERO;
                }
            }
            return new T(c, g, h);
        }

        T eval(Node node) {
            if (node.constant) {
                // folded in double arithmetic, as the tape folds it: the constant is part of the function
                return constant(Interval.of(ConstantValue.of(node)));
            }
            if (node instanceof Node.Var var) {
                T t = constant(box[var.index]);
                t.g[var.index] = Interval.of(1);
                return t;
            }
            if (node instanceof Node.Sum sum) {
                T acc = null;
                for (int k = 0; k < sum.terms.size(); k++) {
                    T term = eval(sum.terms.get(k));
                    if (sum.negative[k]) {
                        term = negate(term);
                    }
                    acc = acc == null ? term : add(acc, term);
                }
                return acc;
            }
            if (node instanceof Node.Product product) {
                T acc = null;
                for (int k = 0; k < product.factors.size(); k++) {
                    T factor = eval(product.factors.get(k));
                    if (product.divide[k]) {
                        factor = reciprocal(factor);
                        if (acc == null) {
                            acc = factor;
                            continue;
                        }
                    }
                    acc = acc == null ? factor : multiply(acc, factor);
                }
                return acc;
            }
            if (node instanceof Node.Neg neg) {
                return negate(eval(neg.operand));
            }
            if (node instanceof Node.Pow pow) {
                return power(pow);
            }
            Node.Call call = (Node.Call) node;
            T a = eval(call.args.get(0));
            switch (call.function) {
                case MIN:
                    return minMax(a, eval(call.args.get(1)), true);
                case MAX:
                    return minMax(a, eval(call.args.get(1)), false);
                default:
                    return unary(call.function, a);
            }
        }

        T power(Node.Pow pow) {
            if (pow.exponent.constant) {
                double c = ConstantValue.of(pow.exponent);
                if (c == 0) {
                    return constant(Interval.of(1)); // the tape's a^0 = 1, whatever a is
                }
                T a = eval(pow.base);
                if (c == 1) {
                    return a;
                }
                if (c == 2) {
                    return chain(a, a.v.square(), a.v.multiply(2), Interval.of(2));
                }
                boolean integer = c == Math.rint(c);
                if ((!integer && !(a.v.lo() > 0)) || (integer && c < 0 && a.v.contains(0))) {
                    smooth = false;
                }
                Interval d1 = c == 0 ? Interval.ZERO : a.v.pow(c - 1).multiply(c);
                Interval d2 = c == 0 || c == 1 ? Interval.ZERO : a.v.pow(c - 2).multiply(c * (c - 1));
                return chain(a, a.v.pow(c), d1, d2);
            }
            if (pow.base.constant) {
                double c = ConstantValue.of(pow.base);
                T a = eval(pow.exponent);
                if (!(c > 0)) {
                    smooth = false;
                    return chain(a, Interval.ENTIRE, Interval.ENTIRE, Interval.ENTIRE);
                }
                Interval logc = Interval.of(c).log();
                Interval f = a.v.multiply(logc).exp();
                return chain(a, f, f.multiply(logc), f.multiply(logc.square()));
            }
            // a^b = exp(b log a), defined for a > 0 (the derivatives in b need it)
            T base = eval(pow.base);
            T exponent = eval(pow.exponent);
            return unary(Function.EXP, multiply(exponent, unary(Function.LOG, base)));
        }

        T unary(Function f, T a) {
            Interval x = a.v;
            switch (f) {
                case EXP: {
                    Interval e = x.exp();
                    return chain(a, e, e, e);
                }
                case LOG:
                    smooth &= x.lo() > 0;
                    return chain(a, x.log(), Interval.of(1).divide(x), Interval.of(-1).divide(x.square()));
                case SQRT: {
                    smooth &= x.lo() > 0;
                    Interval s = x.sqrt();
                    return chain(a, s, Interval.of(0.5).divide(s), Interval.of(-0.25).divide(s.multiply(x)));
                }
                case SIN:
                    return chain(a, x.sin(), x.cos(), x.sin().negate());
                case COS:
                    return chain(a, x.cos(), x.sin().negate(), x.cos().negate());
                case TAN: {
                    Interval t = x.tan();
                    smooth &= t.lo() > Double.NEGATIVE_INFINITY;
                    Interval d = Interval.of(1).add(t.square());
                    return chain(a, t, d, t.multiply(d).multiply(2));
                }
                case SINH:
                    return chain(a, x.sinh(), x.cosh(), x.sinh());
                case COSH:
                    return chain(a, x.cosh(), x.sinh(), x.cosh());
                case TANH: {
                    Interval t = x.tanh();
                    Interval d = Interval.of(1).subtract(t.square());
                    return chain(a, t, d, t.multiply(d).multiply(-2));
                }
                case ATAN: {
                    Interval q = Interval.of(1).add(x.square());
                    return chain(a, x.atan(), Interval.of(1).divide(q), x.multiply(-2).divide(q.square()));
                }
                case ABS: {
                    if (x.contains(0)) {
                        smooth = false;
                    }
                    Interval d = x.lo() > 0 ? Interval.of(1) : x.hi() < 0 ? Interval.of(-1) : Interval.of(-1, 1);
                    return chain(a, x.abs(), d, Interval.ZERO);
                }
                default:
                    throw new IllegalStateException("not a one-argument function: " + f);
            }
        }

        /** min(a, b) or max(a, b): the branch that holds on all of the box, else the hull (not smooth). */
        T minMax(T a, T b, boolean min) {
            if (a.v.hi() <= b.v.lo()) {
                return min ? a : b;
            }
            if (b.v.hi() <= a.v.lo()) {
                return min ? b : a;
            }
            smooth = false;
            Interval[] g = new Interval[n];
            Interval[][] h = new Interval[n][n];
            for (int i = 0; i < n; i++) {
                g[i] = a.g[i].hull(b.g[i]);
                for (int j = 0; j < n; j++) {
                    h[i][j] = Interval.ENTIRE;
                }
            }
            return new T(min ? a.v.min(b.v) : a.v.max(b.v), g, h);
        }

        /** 1/a: f' = −1/a², f'' = 2/a³. */
        T reciprocal(T a) {
            Interval x = a.v;
            if (x.contains(0)) {
                smooth = false;
            }
            Interval x2 = x.square();
            return chain(a, Interval.of(1).divide(x), Interval.of(-1).divide(x2),
                    Interval.of(2).divide(x2.multiply(x)));
        }

        /** u = f(a) with enclosures f, f', f'' of f and its derivatives over the enclosure of a. */
        T chain(T a, Interval f, Interval d1, Interval d2) {
            Interval[] g = new Interval[n];
            Interval[][] h = new Interval[n][n];
            for (int i = 0; i < n; i++) {
                g[i] = d1.multiply(a.g[i]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    Interval hij = d1.multiply(a.h[i][j]).add(d2.multiply(a.g[i].multiply(a.g[j])));
                    h[i][j] = hij;
                    h[j][i] = hij;
                }
            }
            return new T(f, g, h);
        }

        T add(T a, T b) {
            Interval[] g = new Interval[n];
            Interval[][] h = new Interval[n][n];
            for (int i = 0; i < n; i++) {
                g[i] = a.g[i].add(b.g[i]);
                for (int j = 0; j < n; j++) {
                    h[i][j] = a.h[i][j].add(b.h[i][j]);
                }
            }
            return new T(a.v.add(b.v), g, h);
        }

        T negate(T a) {
            Interval[] g = new Interval[n];
            Interval[][] h = new Interval[n][n];
            for (int i = 0; i < n; i++) {
                g[i] = a.g[i].negate();
                for (int j = 0; j < n; j++) {
                    h[i][j] = a.h[i][j].negate();
                }
            }
            return new T(a.v.negate(), g, h);
        }

        T multiply(T a, T b) {
            Interval[] g = new Interval[n];
            Interval[][] h = new Interval[n][n];
            for (int i = 0; i < n; i++) {
                g[i] = a.v.multiply(b.g[i]).add(b.v.multiply(a.g[i]));
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    Interval hij = a.v.multiply(b.h[i][j]).add(b.v.multiply(a.h[i][j]))
                            .add(a.g[i].multiply(b.g[j])).add(b.g[i].multiply(a.g[j]));
                    h[i][j] = hij;
                    h[j][i] = hij;
                }
            }
            return new T(a.v.multiply(b.v), g, h);
        }
    }
}
