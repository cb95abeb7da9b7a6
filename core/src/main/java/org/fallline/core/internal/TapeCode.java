package org.fallline.core.internal;

/**
 * The straight-line code of a {@link Tape} and its evaluation kernels: the slots' operations and operands,
 * the terms of the linear combinations, and where each slot's gradient and packed Hessian live, with the
 * loops that propagate values, gradients and Hessians through them (the chain rules in {@link Tape}'s
 * documentation). Immutable; the work arrays are the caller's.
 */
final class TapeCode {

    final int n;
    final int size;
    /**
     * Slots before this one are variables (slot i is variable i), parameters and constants: no work at run
     * time.
     */
    final int firstOp;
    /** Operations before this one (from firstOp) depend on parameters and constants alone. */
    final int firstSpatialOp;
    final int root;
    final int degree;

    final int[] op;
    final int[] argA;
    final int[] argB;
    final double[] cst;
    final double[] cst2;
    /** Offsets into maps (binary ops): where operand a's, b's active variables sit in the slot's. */
    final int[] mapA;
    final int[] mapB;
    final int[] maps;

    /**
     * LIN slots: their terms grouped by kind, group k running from linRange[linBase[s] + k] to
     * linRange[linBase[s] + k + 1] (k = 0 … 5): products of two variables, variables, slots on one
     * variable, products of two slots on one variable each, other slots, other products. For the
     * first four kinds termMapA/B hold the position of the operand's variable in the slot's active
     * set; for the others, offsets into maps.
     */
    final int[] linBase;
    final int[] linRange;
    final int[] termA;
    final int[] termB;
    final double[] termCoef;
    final int[] termMapA;
    final int[] termMapB;
    /**
     * For the terms on one variable per operand: where their Hessian contributions land, relative to
     * the slot's packed Hessian (diagonal of a, diagonal of b, the cross entry), and the weight of
     * the cross entry (the coefficient, doubled on the diagonal).
     */
    final int[] termH1;
    final int[] termH2;
    final int[] termH3;
    final double[] termX;

    final int[] nAct;
    final int[] gOff;
    /** Variable index of each compact gradient entry (aligned with the gradient storage). */
    final int[] act;
    final byte[] gKind;

    /** Offset of each slot's packed Hessian (meaningful where hasHessian). */
    final int[] hOff;
    final long hSize;
    final int gSize;
    final byte[] hKind;
    /** Slots whose Hessian is not structurally zero. */
    final boolean[] hasHessian;
    /** Slots whose gradient, Hessian must be computed at each evaluation (not constant). */
    final boolean[] gLive;
    final boolean[] hLive;

    TapeCode(TapeLayout l) {
        this.n = l.n;
        this.size = l.size;
        this.firstOp = l.firstOp;
        this.firstSpatialOp = l.firstSpatialOp;
        this.root = l.root;
        this.degree = l.degree;
        this.op = l.op;
        this.argA = l.argA;
        this.argB = l.argB;
        this.cst = l.cst;
        this.cst2 = l.cst2;
        this.mapA = l.mapA;
        this.mapB = l.mapB;
        this.maps = l.maps;
        this.linBase = l.linBase;
        this.linRange = l.linRange;
        this.termA = l.termA;
        this.termB = l.termB;
        this.termCoef = l.termCoef;
        this.termMapA = l.termMapA;
        this.termMapB = l.termMapB;
        this.termH1 = l.termH1;
        this.termH2 = l.termH2;
        this.termH3 = l.termH3;
        this.termX = l.termX;
        this.nAct = l.nAct;
        this.gOff = l.gOff;
        this.act = l.act;
        this.gKind = l.gKind;
        this.hSize = l.hSize;
        this.gSize = l.gSize;
        this.hKind = l.hKind;
        this.hOff = new int[size];
        this.hasHessian = new boolean[size];
        this.gLive = new boolean[size];
        this.hLive = new boolean[size];
        for (int k = 0; k < size; k++) {
            hOff[k] = (int) Math.min(Math.max(l.hOff[k], 0), Integer.MAX_VALUE);
            hasHessian[k] = hKind[k] != Tape.ZERO;
            gLive[k] = gKind[k] == Tape.LIVE;
            hLive[k] = hKind[k] == Tape.LIVE;
        }
    }

    static boolean[] all(int size) {
        boolean[] b = new boolean[size];
        java.util.Arrays.fill(b, true);
        return b;
    }

    // ---- evaluation -------------------------------------------------------------------------------

    /** Values only, with the variables and parameters already in v (and the operations on parameters done). */
    void runValue(double[] v) {
        runValue(v, firstSpatialOp, size);
    }

    /**
     * The operations on parameters and constants alone, with the parameters already in v: once per binding
     * of the parameters, not once per point. They have no derivatives in the variables.
     */
    void runParameters(double[] v) {
        runValue(v, firstOp, firstSpatialOp);
    }

    private void runValue(double[] v, int from, int to) {
        final int[] op = this.op;
        final int[] argA = this.argA;
        final int[] argB = this.argB;
        for (int s = from; s < to; s++) {
            int o = op[s];
            switch (o) {
                case Op.LIN:
                    v[s] = linearValue(s, v);
                    break;
                case Op.MUL:
                    v[s] = v[argA[s]] * v[argB[s]];
                    break;
                case Op.DIV:
                    v[s] = v[argA[s]] / v[argB[s]];
                    break;
                case Op.POW:
                    v[s] = Math.pow(v[argA[s]], v[argB[s]]);
                    break;
                case Op.MIN:
                case Op.MAX:
                    v[s] = Op.binary(o, v[argA[s]], v[argB[s]]);
                    break;
                case Op.POWC:
                    v[s] = Math.pow(v[argA[s]], cst[s]);
                    break;
                case Op.EXPC:
                    v[s] = cst[s] == Math.E ? Math.exp(v[argA[s]]) : Math.pow(cst[s], v[argA[s]]);
                    break;
                default:
                    v[s] = Op.unary(o, v[argA[s]]);
                    break;
            }
        }
    }

    /**
     * Values and gradients (and Hessians when {@code hessian}), with the variables and parameters
     * already in v. {@code gLive[s]} says whether slot s's gradient is to be computed, {@code hLive[s]}
     * its Hessian: the constant ones are not, except in the one pass that fills them in.
     */
    void run(double[] v, double[] g, double[] h, boolean[] gLive, boolean[] hLive, boolean hessian) {
        final int[] op = this.op;
        final int[] argA = this.argA;
        final int[] argB = this.argB;
        for (int s = firstSpatialOp; s < size; s++) {
            boolean gs = gLive[s];
            boolean hs = hessian && hLive[s];
            switch (op[s]) {
                case Op.LIN:
                    // value and derivatives in one pass over the terms (same sums in the same order
                    // as linearValue, so that value() agrees with gradient() and hessian() exactly)
                    v[s] = gs || hs ? linearDerivatives(s, v, g, h, hs) : linearValue(s, v);
                    break;
                case Op.MUL: {
                    double a = v[argA[s]];
                    double b = v[argB[s]];
                    v[s] = a * b;
                    binary(s, b, a, 0.0, 0.0, 1.0, g, h, gs, hs);
                    break;
                }
                case Op.DIV: {
                    double a = v[argA[s]];
                    double b = v[argB[s]];
                    double q = a / b;
                    v[s] = q;
                    double r = 1.0 / b;
                    binary(s, r, -q * r, 0.0, 2.0 * q * r * r, -r * r, g, h, gs, hs);
                    break;
                }
                case Op.POW:
                    power(s, v, g, h, gs, hs);
                    break;
                case Op.MIN:
                case Op.MAX: {
                    double a = v[argA[s]];
                    double b = v[argB[s]];
                    // the branch taken: a when a ≤ b (min) or a ≥ b (max), or when a is NaN
                    boolean takeA = (op[s] == Op.MIN ? a <= b : a >= b) || a != a;
                    v[s] = takeA ? a : b;
                    binary(s, takeA ? 1.0 : 0.0, takeA ? 0.0 : 1.0, 0.0, 0.0, 0.0, g, h, gs, hs);
                    break;
                }
                default:
                    elementary(s, v, g, h, gs, hs);
                    break;
            }
        }
    }

    /** One-argument ops: value, and f', f'' at the argument. */
    private void elementary(int s, double[] v, double[] g, double[] h, boolean gs, boolean hs) {
        double a = v[argA[s]];
        double u;
        double d1;
        double d2;
        switch (op[s]) {
            case Op.EXP:
                u = Math.exp(a);
                d1 = u;
                d2 = u;
                break;
            case Op.LOG:
                u = Math.log(a);
                d1 = 1.0 / a;
                d2 = -d1 * d1;
                break;
            case Op.SQRT:
                u = Math.sqrt(a);
                d1 = 0.5 / u;
                d2 = -0.5 * d1 / a;
                break;
            case Op.SIN:
                u = Math.sin(a);
                d1 = Math.cos(a);
                d2 = -u;
                break;
            case Op.COS:
                u = Math.cos(a);
                d1 = -Math.sin(a);
                d2 = -u;
                break;
            case Op.TAN:
                u = Math.tan(a);
                d1 = 1.0 + u * u;
                d2 = 2.0 * u * d1;
                break;
            case Op.SINH:
                u = Math.sinh(a);
                d1 = Math.cosh(a);
                d2 = u;
                break;
            case Op.COSH:
                u = Math.cosh(a);
                d1 = Math.sinh(a);
                d2 = u;
                break;
            case Op.TANH:
                u = Math.tanh(a);
                d1 = 1.0 - u * u;
                d2 = -2.0 * u * d1;
                break;
            case Op.ATAN: {
                u = Math.atan(a);
                double q = 1.0 / (1.0 + a * a);
                d1 = q;
                d2 = -2.0 * a * q * q;
                break;
            }
            case Op.ABS:
                // the derivative at the kink a = 0 is that of the branch a ≥ 0
                if (a >= 0) {
                    u = a;
                    d1 = 1.0;
                } else {
                    u = -a;
                    d1 = -1.0;
                }
                d2 = 0.0;
                break;
            case Op.SQR:
                u = a * a;
                d1 = 2.0 * a;
                d2 = 2.0;
                break;
            case Op.POWC: {
                double c = cst[s];
                u = Math.pow(a, c);
                double p1;
                double p2;
                if (a != 0 && Math.abs(u) >= Double.MIN_NORMAL && Math.abs(u) <= Double.MAX_VALUE) {
                    // a^(c-1) = a^c / a saves two calls of pow; safe while a^c is a normal number
                    p1 = u / a;
                    p2 = p1 / a;
                } else {
                    p1 = Math.pow(a, c - 1.0);
                    p2 = Math.pow(a, c - 2.0);
                }
                d1 = c * p1;
                d2 = c * (c - 1.0) * p2;
                break;
            }
            case Op.EXPC: {
                double base = cst[s];
                double lnBase = cst2[s];
                u = base == Math.E ? Math.exp(a) : Math.pow(base, a);
                // c^a → 0 with all its derivatives where it underflows or where c = 0
                d1 = u == 0 ? 0.0 : u * lnBase;
                d2 = u == 0 ? 0.0 : d1 * lnBase;
                break;
            }
            default:
                throw new IllegalStateException("unknown op " + op[s]);
        }
        v[s] = u;
        if (argA[s] < n) {
            // a function of a variable: its gradient is f' and its Hessian f'' at that variable
            if (gs) {
                g[gOff[s]] = d1;
            }
            if (hs) {
                h[hOff[s]] = d2;
            }
            return;
        }
        if (gs) {
            unaryGradient(s, d1, g);
        }
        if (hs) {
            unaryHessian(s, d1, d2, g, h);
        }
    }

    /** a^b with both non-constant. */
    private void power(int s, double[] v, double[] g, double[] h, boolean gs, boolean hs) {
        double a = v[argA[s]];
        double b = v[argB[s]];
        double u = Math.pow(a, b);
        v[s] = u;
        double lnA = Math.log(a);
        double p1 = Math.pow(a, b - 1.0);
        double ua = b * p1;
        double uaa = b * (b - 1.0) * Math.pow(a, b - 2.0);
        // limits as a → 0⁺ where a^b vanishes: the derivatives in b vanish too
        double ub = u == 0 ? 0.0 : u * lnA;
        double ubb = u == 0 ? 0.0 : ub * lnA;
        double uab = p1 == 0 ? 0.0 : p1 * (1.0 + b * lnA);
        binary(s, ua, ub, uaa, ubb, uab, g, h, gs, hs);
    }

    /*
     * In the two methods below a derivative f' or f'' that is exactly 0 contributes 0 even where the
     * argument's derivatives overflowed: tanh of a huge argument is flat, whatever the argument's
     * gradient, and 0 · ∞ would otherwise make it NaN.
     */

    private void unaryGradient(int s, double d1, double[] g) {
        int m = nAct[s];
        int go = gOff[s];
        int ga = gOff[argA[s]];
        if (m == 1) {
            g[go] = d1 == 0 ? 0.0 : d1 * g[ga];
        } else if (d1 == 0) {
            zero(g, go, go + m);
        } else {
            for (int k = 0; k < m; k++) {
                g[go + k] = d1 * g[ga + k];
            }
        }
    }

    private void unaryHessian(int s, double d1, double d2, double[] g, double[] h) {
        int m = nAct[s];
        int a = argA[s];
        int ga = gOff[a];
        int ho = hOff[s];
        boolean curved = hasHessian[a] && d1 != 0;
        int ha = hOff[a];
        if (m == 1) {
            double ga0 = g[ga];
            h[ho] = (curved ? d1 * h[ha] : 0.0) + (d2 == 0 ? 0.0 : d2 * ga0 * ga0);
            return;
        }
        int t = m * (m + 1) / 2;
        if (curved) {
            for (int p = 0; p < t; p++) {
                h[ho + p] = d1 * h[ha + p];
            }
        } else {
            zero(h, ho, ho + t);
        }
        if (d2 != 0) {
            for (int k = 0, row = ho; k < m; row += ++k) {
                double gk = d2 * g[ga + k];
                for (int l = 0; l <= k; l++) {
                    h[row + l] += gk * g[ga + l];
                }
            }
        }
    }

    private void binary(int s, double ua, double ub, double uaa, double ubb, double uab, double[] g, double[] h,
            boolean gs, boolean hs) {
        int a = argA[s];
        int b = argB[s];
        int ma = mapA[s];
        int mb = mapB[s];
        if (gs) {
            int go = gOff[s];
            if (nAct[a] == 1 && nAct[b] == 1) {
                int pa = maps[ma];
                int pb = maps[mb];
                g[go + pa] = 0.0;
                g[go + pb] = 0.0;
                g[go + pa] += ua * g[gOff[a]];
                g[go + pb] += ub * g[gOff[b]];
            } else {
                zero(g, go, go + nAct[s]);
                addGradient(g, go, a, ma, ua);
                addGradient(g, go, b, mb, ub);
            }
        }
        if (hs) {
            int m = nAct[s];
            int ho = hOff[s];
            zero(h, ho, ho + m * (m + 1) / 2);
            addCurvature(h, ho, g, a, ma, ua, uaa);
            addCurvature(h, ho, g, b, mb, ub, ubb);
            addCross(h, ho, g, a, ma, b, mb, uab);
        }
    }

    /** g_s += c ∇a, mapped into the slot's active set. */
    private void addGradient(double[] g, int go, int a, int map, double c) {
        int ga = gOff[a];
        for (int k = 0, na = nAct[a]; k < na; k++) {
            g[go + maps[map + k]] += c * g[ga + k];
        }
    }

    /** H_s += du ∇²a + d2u ∇a∇aᵀ, mapped into the slot's packed Hessian at ho. */
    private void addCurvature(double[] h, int ho, double[] g, int a, int map, double du, double d2u) {
        boolean curved = hasHessian[a] && du != 0;
        if (!curved && d2u == 0) {
            return;
        }
        int ga = gOff[a];
        int na = nAct[a];
        int ha = hOff[a];
        for (int k = 0; k < na; k++) {
            int i = maps[map + k];
            int row = ho + i * (i + 1) / 2;
            int rowA = ha + k * (k + 1) / 2;
            double gk = d2u * g[ga + k];
            for (int l = 0; l <= k; l++) {
                double add = gk * g[ga + l];
                if (curved) {
                    add += du * h[rowA + l];
                }
                h[row + maps[map + l]] += add;
            }
        }
    }

    /** H_s += c (∇a∇bᵀ + ∇b∇aᵀ), mapped into the slot's packed Hessian at ho. */
    private void addCross(double[] h, int ho, double[] g, int a, int mapOfA, int b, int mapOfB, double c) {
        if (c == 0) {
            return;
        }
        int ga = gOff[a];
        int gb = gOff[b];
        int na = nAct[a];
        int nb = nAct[b];
        for (int k = 0; k < na; k++) {
            int i = maps[mapOfA + k];
            double gk = c * g[ga + k];
            for (int l = 0; l < nb; l++) {
                int j = maps[mapOfB + l];
                double t = gk * g[gb + l];
                // on the diagonal both halves land on the same entry
                if (i > j) {
                    h[ho + i * (i + 1) / 2 + j] += t;
                } else if (i < j) {
                    h[ho + j * (j + 1) / 2 + i] += t;
                } else {
                    h[ho + i * (i + 1) / 2 + i] += 2.0 * t;
                }
            }
        }
    }

    /**
     * c₀ + Σ cₖ aₖ + Σ cₖ aₖbₖ. The terms come in six groups, so that each loop below runs without
     * tests: products of two variables, variables, slots on one variable, products of two slots on
     * one variable each, other slots, other products. (Dispatching on the kind of each term costs
     * more than the arithmetic of the small cases; so does entering an empty loop, hence the tests
     * before each.)
     */
    private double linearValue(int s, double[] v) {
        final int base = linBase[s];
        final int[] range = this.linRange;
        final int[] termA = this.termA;
        final int[] termB = this.termB;
        final double[] termCoef = this.termCoef;
        final int vv = range[base];
        final int p11 = range[base + 3];
        final int pGeneral = range[base + 5];
        final int end = range[base + 6];
        double acc = cst[s];
        if (vv < range[base + 1]) {
            for (int t = vv; t < range[base + 1]; t++) {
                acc += termCoef[t] * v[termA[t]] * v[termB[t]];
            }
        }
        if (range[base + 1] < p11) {
            for (int t = range[base + 1]; t < p11; t++) {
                acc += termCoef[t] * v[termA[t]];
            }
        }
        if (p11 < range[base + 4]) {
            for (int t = p11; t < range[base + 4]; t++) {
                acc += termCoef[t] * v[termA[t]] * v[termB[t]];
            }
        }
        if (range[base + 4] < pGeneral) {
            for (int t = range[base + 4]; t < pGeneral; t++) {
                acc += termCoef[t] * v[termA[t]];
            }
        }
        if (pGeneral < end) {
            for (int t = pGeneral; t < end; t++) {
                acc += termCoef[t] * v[termA[t]] * v[termB[t]];
            }
        }
        return acc;
    }

    /** Value, gradient (and Hessian when {@code hs}) of a linear combination, term group by term group. */
    private double linearDerivatives(int s, double[] v, double[] g, double[] h, boolean hs) {
        final int base = linBase[s];
        final int[] range = this.linRange;
        final int[] termA = this.termA;
        final int[] termB = this.termB;
        final double[] termCoef = this.termCoef;
        final int[] termMapA = this.termMapA;
        final int[] termMapB = this.termMapB;
        final int[] gOff = this.gOff;
        final int[] hOff = this.hOff;
        final int go = gOff[s];
        final int m = nAct[s];
        final int ho = hOff[s];
        double acc = cst[s];
        zero(g, go, go + m);
        if (hs) {
            zero(h, ho, ho + m * (m + 1) / 2);
        }
        int from = range[base];
        int to = range[base + 1];
        if (from < to) {
            // c·xᵢ·xⱼ
            for (int t = from; t < to; t++) {
                double c = termCoef[t];
                double va = v[termA[t]];
                double vb = v[termB[t]];
                acc += c * va * vb;
                g[go + termMapA[t]] += c * vb;
                g[go + termMapB[t]] += c * va;
                if (hs) {
                    h[ho + termH3[t]] += termX[t];
                }
            }
        }
        from = to;
        to = range[base + 2];
        if (from < to) {
            // c·xᵢ
            for (int t = from; t < to; t++) {
                acc += termCoef[t] * v[termA[t]];
                g[go + termMapA[t]] += termCoef[t];
            }
        }
        from = to;
        to = range[base + 3];
        if (from < to) {
            // c·a, a on one variable (a slot without Hessian points to an entry that stays 0)
            for (int t = from; t < to; t++) {
                double c = termCoef[t];
                int a = termA[t];
                acc += c * v[a];
                g[go + termMapA[t]] += c * g[gOff[a]];
                if (hs) {
                    h[ho + termH1[t]] += c * h[hOff[a]];
                }
            }
        }
        from = to;
        to = range[base + 4];
        if (from < to) {
            // c·a·b, a and b on one variable each: c·b·∇²a + c·a·∇²b + c (∇a∇bᵀ + ∇b∇aᵀ)
            for (int t = from; t < to; t++) {
                double c = termCoef[t];
                int a = termA[t];
                int b = termB[t];
                double ga = g[gOff[a]];
                double gb = g[gOff[b]];
                double cva = c * v[a];
                double cvb = c * v[b];
                acc += cva * v[b];
                g[go + termMapA[t]] += cvb * ga;
                g[go + termMapB[t]] += cva * gb;
                if (hs) {
                    h[ho + termH1[t]] += cvb * h[hOff[a]];
                    h[ho + termH2[t]] += cva * h[hOff[b]];
                    h[ho + termH3[t]] += termX[t] * ga * gb;
                }
            }
        }
        from = to;
        to = range[base + 5];
        if (from < to) {
            // c·a, general
            for (int t = from; t < to; t++) {
                acc += termCoef[t] * v[termA[t]];
                addGradient(g, go, termA[t], termMapA[t], termCoef[t]);
                if (hs) {
                    addCurvature(h, ho, g, termA[t], termMapA[t], termCoef[t], 0.0);
                }
            }
        }
        from = to;
        to = range[base + 6];
        if (from < to) {
            // c·a·b, general
            for (int t = from; t < to; t++) {
                double c = termCoef[t];
                int a = termA[t];
                int b = termB[t];
                acc += c * v[a] * v[b];
                addGradient(g, go, a, termMapA[t], c * v[b]);
                addGradient(g, go, b, termMapB[t], c * v[a]);
                if (hs) {
                    addCurvature(h, ho, g, a, termMapA[t], c * v[b], 0.0);
                    addCurvature(h, ho, g, b, termMapB[t], c * v[a], 0.0);
                    addCross(h, ho, g, a, termMapA[t], b, termMapB[t], c);
                }
            }
        }
        return acc;
    }

    private static void zero(double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = 0.0;
        }
    }
}
