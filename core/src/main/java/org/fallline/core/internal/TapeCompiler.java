package org.fallline.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a parsed expression to straight-line code: one slot per distinct operation, operands
 * before users. On the way it folds constants, flattens sums (with their constant factors) into one
 * n-ary linear combination c₀ + Σ cₖ aₖ, flattens products into chains, merges repeated
 * subexpressions, and records the polynomial degree of every slot (capped at 3, which stands for
 * "3 or more, or not a polynomial").
 *
 * <p>Recursion follows the parsed tree, whose depth the parser bounds; chains such as x+x+…+x are
 * n-ary nodes and are walked with loops.
 */
public final class TapeCompiler {

    /** Degree standing for "cubic or higher, or not a polynomial". */
    static final int HIGH = 3;

    /** One operation before layout. */
    static final class Slot {
        int op;
        int a = -1;
        int b = -1;
        double c;
        double c2;
        /** LIN: term k is coefs[k] · termA[k] (termB[k] &lt; 0) or coefs[k] · termA[k] · termB[k]. */
        int[] termA;
        int[] termB;
        double[] coefs;
        int degree;
    }

    private final int[] variableIndex;
    /** Number of differentiated variables; coordinates from n on are parameters. */
    private final int n;
    private final List<Slot> slots = new ArrayList<>();
    private final Map<List<Object>, Integer> known = new HashMap<>();

    private TapeCompiler(int[] variableIndex, int n) {
        this.variableIndex = variableIndex;
        this.n = n;
    }

    /**
     * Compiles {@code root}.
     *
     * @param variableIndex maps the parser's variable indices to coordinates of the point
     * @param n             number of coordinates
     */
    public static Tape compile(Node root, int[] variableIndex, int n) {
        return compile(root, variableIndex, n, 0);
    }

    /**
     * Compiles {@code root} over n variables and np parameters: the parser's indices map to
     * 0 … n + np − 1, those from n on being parameters (inputs that are not differentiated).
     */
    public static Tape compile(Node root, int[] variableIndex, int n, int np) {
        TapeCompiler compiler = new TapeCompiler(variableIndex, n);
        int r = compiler.lower(root);
        return Tape.layout(compiler.slots, r, n, np);
    }

    // ---- lowering -----------------------------------------------------------------------------

    private int lower(Node node) {
        if (node instanceof Node.Num) {
            return constant(((Node.Num) node).value);
        }
        if (node instanceof Node.Var) {
            int i = variableIndex[((Node.Var) node).index];
            Slot s = new Slot();
            if (i >= n) {
                // a parameter: a number as far as the variables are concerned, so of degree 0
                s.op = Op.PARAM;
                s.a = i - n;
                return add(s, List.of(Op.PARAM, s.a));
            }
            s.op = Op.VAR;
            s.a = i;
            s.degree = 1;
            return add(s, List.of(Op.VAR, i));
        }
        if (node instanceof Node.Pow) {
            return power((Node.Pow) node);
        }
        if (node instanceof Node.Call) {
            return call((Node.Call) node);
        }
        Linear sum = new Linear();
        addLinear(sum, node, 1.0);
        return sum.build();
    }

    /** Adds coef × node to a linear combination, flattening sums, signs and constant factors. */
    private void addLinear(Linear sum, Node node, double coef) {
        if (node instanceof Node.Sum) {
            Node.Sum s = (Node.Sum) node;
            for (int k = 0; k < s.terms.size(); k++) {
                addLinear(sum, s.terms.get(k), s.negative[k] ? -coef : coef);
            }
        } else if (node instanceof Node.Neg) {
            addLinear(sum, ((Node.Neg) node).operand, -coef);
        } else if (node instanceof Node.Product) {
            Factors f = new Factors();
            collect(node, false, f);
            if (f.nodes.size() == 1 && !f.divide.get(0)) {
                addLinear(sum, f.nodes.get(0), coef * f.k);
                return;
            }
            List<Integer> numerator = new ArrayList<>();
            List<Integer> denominator = new ArrayList<>();
            for (int j = 0; j < f.nodes.size(); j++) {
                int slot = lower(f.nodes.get(j));
                boolean divide = f.divide.get(j);
                if (isConstant(slot)) {
                    f.k = divide ? f.k / constantValue(slot) : f.k * constantValue(slot);
                } else {
                    (divide ? denominator : numerator).add(slot);
                }
            }
            if (numerator.isEmpty() && denominator.isEmpty()) {
                sum.c0 += coef * f.k;
            } else if (denominator.isEmpty() && numerator.size() >= 2) {
                // the last two factors become one product term of the sum: no slot of their own
                int last = numerator.remove(numerator.size() - 1);
                sum.add(coef * f.k, chain(numerator, denominator), last);
            } else {
                sum.add(coef * f.k, chain(numerator, denominator));
            }
        } else if (node instanceof Node.Pow && isSquare((Node.Pow) node)) {
            int a = lower(((Node.Pow) node).base);
            if (isConstant(a)) {
                sum.c0 += coef * Op.unary(Op.SQR, constantValue(a));
            } else {
                sum.add(coef, a, a);
            }
        } else {
            sum.add(coef, lower(node));
        }
    }

    private boolean isSquare(Node.Pow p) {
        return p.exponent instanceof Node.Num && ((Node.Num) p.exponent).value == 2;
    }

    /** The factors of a product: a constant k times non-constant factors, each multiplying or dividing. */
    private static final class Factors {
        double k = 1.0;
        final List<Node> nodes = new ArrayList<>();
        final List<Boolean> divide = new ArrayList<>();
    }

    private void collect(Node node, boolean divide, Factors f) {
        if (node instanceof Node.Product) {
            Node.Product p = (Node.Product) node;
            for (int j = 0; j < p.factors.size(); j++) {
                collect(p.factors.get(j), divide ^ p.divide[j], f);
            }
        } else if (node instanceof Node.Neg) {
            f.k = -f.k;
            collect(((Node.Neg) node).operand, divide, f);
        } else if (node.constant) {
            // a constant sum, power or call: lowering folds it to a number
            double v = constantValue(lower(node));
            f.k = divide ? f.k / v : f.k * v;
        } else {
            f.nodes.add(node);
            f.divide.add(divide);
        }
    }

    /** (Π numerator) / (Π denominator), as a chain of binary products and one division. */
    private int chain(List<Integer> numerator, List<Integer> denominator) {
        int num = -1;
        for (int s : numerator) {
            num = num < 0 ? s : multiply(num, s);
        }
        int den = -1;
        for (int s : denominator) {
            den = den < 0 ? s : multiply(den, s);
        }
        if (den < 0) {
            return num;
        }
        if (num < 0) {
            num = constant(1.0);
        }
        return binary(Op.DIV, num, den, HIGH);
    }

    private int multiply(int a, int b) {
        if (a == b) {
            return square(a);
        }
        // a·b = b·a exactly, so order the operands to let x*y and y*x share a slot
        return binary(Op.MUL, Math.min(a, b), Math.max(a, b),
                Math.min(HIGH, degree(a) + degree(b)));
    }

    private int square(int a) {
        if (isConstant(a)) {
            return constant(Op.unary(Op.SQR, constantValue(a)));
        }
        return unary(Op.SQR, a, 0, 0, Math.min(HIGH, 2 * degree(a)));
    }

    private int power(Node.Pow p) {
        int a = lower(p.base);
        int b = lower(p.exponent);
        if (isConstant(a) && isConstant(b)) {
            return constant(Math.pow(constantValue(a), constantValue(b)));
        }
        if (isConstant(b)) {
            double c = constantValue(b);
            if (c == 0) {
                return constant(1.0);
            }
            if (c == 1) {
                return a;
            }
            if (c == 2) {
                return square(a);
            }
            boolean natural = c > 0 && c == Math.rint(c);
            int degree = natural && c < HIGH ? (int) Math.min(HIGH, degree(a) * c) : HIGH;
            return unary(Op.POWC, a, c, 0, degree);
        }
        if (isConstant(a)) {
            double base = constantValue(a);
            return unary(Op.EXPC, b, base, Math.log(base), HIGH);
        }
        return binary(Op.POW, a, b, HIGH);
    }

    private int call(Node.Call call) {
        int op = Op.of(call.function);
        if (call.function.arity() == 1) {
            int a = lower(call.args.get(0));
            if (isConstant(a)) {
                return constant(Op.unary(op, constantValue(a)));
            }
            return unary(op, a, 0, 0, HIGH);
        }
        int a = lower(call.args.get(0));
        int b = lower(call.args.get(1));
        if (isConstant(a) && isConstant(b)) {
            return constant(Op.binary(op, constantValue(a), constantValue(b)));
        }
        return binary(op, a, b, HIGH);
    }

    // ---- slots ----------------------------------------------------------------------------------

    private int constant(double value) {
        Slot s = new Slot();
        s.op = Op.CONST;
        s.c = value;
        return add(s, List.of(Op.CONST, value));
    }

    private int unary(int op, int a, double c, double c2, int degree) {
        Slot s = new Slot();
        s.op = op;
        s.a = a;
        s.c = c;
        s.c2 = c2;
        s.degree = degree;
        return add(s, List.of(op, a, c));
    }

    private int binary(int op, int a, int b, int degree) {
        Slot s = new Slot();
        s.op = op;
        s.a = a;
        s.b = b;
        s.degree = degree;
        return add(s, List.of(op, a, b));
    }

    /** Adds the slot unless an identical one exists (same op, operands and constants). */
    private int add(Slot s, List<Object> key) {
        Integer existing = known.get(key);
        if (existing != null) {
            return existing;
        }
        slots.add(s);
        known.put(key, slots.size() - 1);
        return slots.size() - 1;
    }

    private boolean isConstant(int slot) {
        return slots.get(slot).op == Op.CONST;
    }

    private double constantValue(int slot) {
        return slots.get(slot).c;
    }

    private int degree(int slot) {
        return slots.get(slot).degree;
    }

    /**
     * c₀ + Σ cₖ aₖ + Σ cₖ aₖ bₖ under construction: terms are single slots or products of two; terms
     * on the same slot (or pair of slots) are merged.
     */
    private final class Linear {
        double c0;
        /** Coefficient by term; a term is the pair (a, b) packed in a long, b = -1 for a single slot. */
        final Map<Long, Double> terms = new LinkedHashMap<>();

        void add(double coef, int slot) {
            if (isConstant(slot)) {
                c0 += coef * constantValue(slot);
            } else {
                terms.merge(pack(slot, -1), coef, Double::sum);
            }
        }

        void add(double coef, int a, int b) {
            if (isConstant(a)) {
                add(coef * constantValue(a), b);
            } else if (isConstant(b)) {
                add(coef * constantValue(b), a);
            } else {
                terms.merge(pack(Math.min(a, b), Math.max(a, b)), coef, Double::sum);
            }
        }

        int build() {
            if (terms.isEmpty()) {
                return constant(c0);
            }
            if (terms.size() == 1 && c0 == 0) {
                Map.Entry<Long, Double> only = terms.entrySet().iterator().next();
                if (only.getValue() == 1.0) {
                    int a = (int) (only.getKey() >> 32);
                    int b = (int) (long) only.getKey() - 1;
                    return b < 0 ? a : multiply(a, b);
                }
            }
            int size = terms.size();
            int[] termA = new int[size];
            int[] termB = new int[size];
            double[] coefs = new double[size];
            int k = 0;
            int degree = 0;
            List<Object> key = new ArrayList<>();
            key.add(Op.LIN);
            key.add(c0);
            for (Map.Entry<Long, Double> t : terms.entrySet()) {
                termA[k] = (int) (t.getKey() >> 32);
                termB[k] = (int) (long) t.getKey() - 1;
                coefs[k] = t.getValue();
                int d = degree(termA[k]) + (termB[k] < 0 ? 0 : degree(termB[k]));
                degree = Math.max(degree, Math.min(HIGH, d));
                key.add(t.getKey());
                key.add(coefs[k]);
                k++;
            }
            Slot s = new Slot();
            s.op = Op.LIN;
            s.c = c0;
            s.termA = termA;
            s.termB = termB;
            s.coefs = coefs;
            s.degree = degree;
            return TapeCompiler.this.add(s, key);
        }
    }

    private static long pack(int a, int b) {
        return ((long) a << 32) | (b + 1);
    }

    static int[] sortedUnion(int[]... sets) {
        int total = 0;
        for (int[] s : sets) {
            total += s.length;
        }
        int[] all = new int[total];
        int k = 0;
        for (int[] s : sets) {
            System.arraycopy(s, 0, all, k, s.length);
            k += s.length;
        }
        Arrays.sort(all);
        int m = 0;
        for (int i = 0; i < all.length; i++) {
            if (m == 0 || all[m - 1] != all[i]) {
                all[m++] = all[i];
            }
        }
        return Arrays.copyOf(all, m);
    }
}
