package org.fallline.core.internal;

import java.util.List;

/**
 * A node of a parsed expression. Sums and products are n-ary, so that a long chain such as
 * x+x+...+x is one node with many children rather than a deep left-leaning tree: the depth of the
 * tree is bounded by the nesting depth of the text, which the parser limits.
 */
public abstract class Node {

    /** True when the subtree mentions no variable (so it folds to a number). */
    public final boolean constant;

    Node(boolean constant) {
        this.constant = constant;
    }

    static boolean allConstant(List<Node> nodes) {
        for (Node n : nodes) {
            if (!n.constant) {
                return false;
            }
        }
        return true;
    }

    /** A number literal or named constant. */
    public static final class Num extends Node {
        public final double value;

        Num(double value) {
            super(true);
            this.value = value;
        }
    }

    /** A variable, by its index in the field's variable list. */
    public static final class Var extends Node {
        public final int index;

        Var(int index) {
            super(false);
            this.index = index;
        }
    }

    /** t₁ ± t₂ ± … ; {@code negative[k]} says whether term k is subtracted. */
    public static final class Sum extends Node {
        public final List<Node> terms;
        public final boolean[] negative;

        Sum(List<Node> terms, boolean[] negative) {
            super(allConstant(terms));
            this.terms = terms;
            this.negative = negative;
        }
    }

    /** f₁ ×/÷ f₂ ×/÷ … ; {@code divide[k]} says whether factor k divides. */
    public static final class Product extends Node {
        public final List<Node> factors;
        public final boolean[] divide;

        Product(List<Node> factors, boolean[] divide) {
            super(allConstant(factors));
            this.factors = factors;
            this.divide = divide;
        }
    }

    /** −a. */
    public static final class Neg extends Node {
        public final Node operand;

        Neg(Node operand) {
            super(operand.constant);
            this.operand = operand;
        }
    }

    /** a^b (also {@code pow(a, b)}). */
    public static final class Pow extends Node {
        public final Node base;
        public final Node exponent;

        Pow(Node base, Node exponent) {
            super(base.constant && exponent.constant);
            this.base = base;
            this.exponent = exponent;
        }
    }

    /** A call of one of the built-in functions other than pow. */
    public static final class Call extends Node {
        public final Function function;
        public final List<Node> args;

        Call(Function function, List<Node> args) {
            super(allConstant(args));
            this.function = function;
            this.args = args;
        }
    }
}
