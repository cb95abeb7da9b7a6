package org.fallline.core.internal;

/**
 * The value in double arithmetic of a parse-tree node that mentions no variable, computed with the same
 * operations as the tape's constant folding ({@link Op#unary}, {@link Op#binary}, {@link Math#pow}), so that a
 * constant exponent or base means the same number to every evaluator.
 */
final class ConstantValue {

    private ConstantValue() {
    }

    static double of(Node node) {
        if (node instanceof Node.Num num) {
            return num.value;
        }
        if (node instanceof Node.Sum sum) {
            double s = 0;
            for (int k = 0; k < sum.terms.size(); k++) {
                double t = of(sum.terms.get(k));
                s = sum.negative[k] ? s - t : s + t;
            }
            return s;
        }
        if (node instanceof Node.Product product) {
            double p = 1;
            for (int k = 0; k < product.factors.size(); k++) {
                double f = of(product.factors.get(k));
                p = product.divide[k] ? p / f : p * f;
            }
            return p;
        }
        if (node instanceof Node.Neg neg) {
            return -of(neg.operand);
        }
        if (node instanceof Node.Pow pow) {
            return Math.pow(of(pow.base), of(pow.exponent));
        }
        if (node instanceof Node.Call call) {
            int op = Op.of(call.function);
            return call.function.arity() == 1 ? Op.unary(op, of(call.args.get(0)))
                    : Op.binary(op, of(call.args.get(0)), of(call.args.get(1)));
        }
        throw new IllegalArgumentException("not a constant node: " + node.getClass().getSimpleName());
    }
}
