package org.fallline.core.internal;

/** Operation codes of the tape (ints rather than an enum so that the evaluation loop switches on them directly). */
final class Op {

    static final int CONST = 0;
    static final int VAR = 1;
    /** c₀ + Σ cₖ aₖ. */
    static final int LIN = 2;
    static final int MUL = 3;
    static final int DIV = 4;
    /** a^b with both non-constant. */
    static final int POW = 5;
    static final int MIN = 6;
    static final int MAX = 7;
    static final int EXP = 8;
    static final int LOG = 9;
    static final int SQRT = 10;
    static final int SIN = 11;
    static final int COS = 12;
    static final int TAN = 13;
    static final int SINH = 14;
    static final int COSH = 15;
    static final int TANH = 16;
    static final int ATAN = 17;
    static final int ABS = 18;
    /** a². */
    static final int SQR = 19;
    /** a^c, c a constant. */
    static final int POWC = 20;
    /** c^a, c a constant. */
    static final int EXPC = 21;
    /** A parameter: an input that is not differentiated. */
    static final int PARAM = 22;

    private Op() {
    }

    /** The op code of a one-argument function. */
    static int of(Function f) {
        switch (f) {
            case EXP:
                return EXP;
            case LOG:
                return LOG;
            case SQRT:
                return SQRT;
            case SIN:
                return SIN;
            case COS:
                return COS;
            case TAN:
                return TAN;
            case SINH:
                return SINH;
            case COSH:
                return COSH;
            case TANH:
                return TANH;
            case ATAN:
                return ATAN;
            case ABS:
                return ABS;
            case MIN:
                return MIN;
            case MAX:
                return MAX;
            default:
                return POW;
        }
    }

    /** Value of a one-argument op at a (used for constant folding, so it must agree with the tape). */
    static double unary(int op, double a) {
        switch (op) {
            case EXP:
                return Math.exp(a);
            case LOG:
                return Math.log(a);
            case SQRT:
                return Math.sqrt(a);
            case SIN:
                return Math.sin(a);
            case COS:
                return Math.cos(a);
            case TAN:
                return Math.tan(a);
            case SINH:
                return Math.sinh(a);
            case COSH:
                return Math.cosh(a);
            case TANH:
                return Math.tanh(a);
            case ATAN:
                return Math.atan(a);
            case ABS:
                return a >= 0 ? a : -a;
            case SQR:
                return a * a;
            default:
                throw new IllegalArgumentException("not a one-argument op: " + op);
        }
    }

    /** Value of a two-argument op (used for constant folding). */
    static double binary(int op, double a, double b) {
        switch (op) {
            case MUL:
                return a * b;
            case DIV:
                return a / b;
            case POW:
                return Math.pow(a, b);
            case MIN:
                return a <= b || a != a ? a : b;
            case MAX:
                return a >= b || a != a ? a : b;
            default:
                throw new IllegalArgumentException("not a two-argument op: " + op);
        }
    }
}
