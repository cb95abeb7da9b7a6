package org.fallline.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.fallline.core.CoreException;

/**
 * The arrays of a {@link Tape}, computed from the compiler's slots: variables first (slot i is variable i),
 * then the parameters, then the constants, then the operations in topological order; for each slot its active
 * set (the variables it depends on), where its gradient and packed Hessian are stored, and whether they are
 * zero, fixed (computed once) or live (computed at every evaluation).
 */
final class TapeLayout {
    final int n;
    /** Number of parameters: inputs that are not differentiated. */
    final int np;
    int size;
    int firstOp;
    /** Operations from firstOp to firstSpatialOp − 1 depend on parameters and constants alone. */
    int firstSpatialOp;
    int root;
    int degree;
    int[] op;
    int[] argA;
    int[] argB;
    double[] cst;
    double[] cst2;
    int[] mapA;
    int[] mapB;
    int[] maps;
    int[] linBase;
    int[] linRange;
    int[] termA;
    int[] termB;
    double[] termCoef;
    int[] termMapA;
    int[] termMapB;
    int[] termH1;
    int[] termH2;
    int[] termH3;
    double[] termX;
    int[] nAct;
    int[] gOff;
    int[] act;
    int gSize;
    byte[] gKind;
    long[] hOff;
    long hSize;
    byte[] hKind;

    TapeLayout(List<TapeCompiler.Slot> slots, int oldRoot, int n, int np) {
        this.n = n;
        this.np = np;
        boolean[] live = markLive(slots, oldRoot);
        // new indices: variable i at i, parameter j at n + j, then constants, then the operations on
        // parameters and constants alone (computed once when the parameters are bound), then the others;
        // both groups of operations in their (topological) order
        boolean[] spatial = dependsOnVariables(slots, oldRoot);
        int[] index = new int[oldRoot + 1];
        int constants = 0;
        int operations = 0;
        for (int s = 0; s <= oldRoot; s++) {
            TapeCompiler.Slot slot = slots.get(s);
            if (slot.op == Op.VAR) {
                index[s] = slot.a;
            } else if (slot.op == Op.PARAM) {
                index[s] = n + slot.a;
            } else if (live[s] && slot.op == Op.CONST) {
                index[s] = n + np + constants++;
            } else if (live[s]) {
                operations++;
            }
        }
        firstOp = n + np + constants;
        size = firstOp + operations;
        int next = firstOp;
        for (int pass = 0; pass < 2; pass++) {
            for (int s = 0; s <= oldRoot; s++) {
                int o = slots.get(s).op;
                if (live[s] && o != Op.VAR && o != Op.PARAM && o != Op.CONST && spatial[s] == (pass == 1)) {
                    index[s] = next++;
                }
            }
            if (pass == 0) {
                firstSpatialOp = next;
            }
        }
        root = index[oldRoot];
        degree = slots.get(oldRoot).degree;
        allocate();
        int[][] active = new int[size][];
        int[] slotDegree = new int[size];
        for (int i = 0; i < n; i++) {
            op[i] = Op.VAR;
            argA[i] = i;
            active[i] = new int[] {i};
            slotDegree[i] = 1;
        }
        // a parameter is a number in the variables (degree 0) that changes from one evaluation to the next
        boolean[] parametric = new boolean[size];
        for (int j = 0; j < np; j++) {
            op[n + j] = Op.PARAM;
            argA[n + j] = j;
            active[n + j] = new int[0];
            parametric[n + j] = true;
        }
        List<int[]> linTerms = new ArrayList<>();
        for (int s = 0; s <= oldRoot; s++) {
            TapeCompiler.Slot slot = slots.get(s);
            if (!live[s] || slot.op == Op.VAR || slot.op == Op.PARAM) {
                continue;
            }
            int k = index[s];
            op[k] = slot.op;
            cst[k] = slot.c;
            cst2[k] = slot.c2;
            slotDegree[k] = slot.degree;
            if (slot.op == Op.CONST) {
                active[k] = new int[0];
            } else if (slot.op == Op.LIN) {
                int[][] sets = new int[2 * slot.termA.length][];
                for (int j = 0; j < slot.termA.length; j++) {
                    int a = index[slot.termA[j]];
                    int b = slot.termB[j] < 0 ? -1 : index[slot.termB[j]];
                    sets[2 * j] = active[a];
                    sets[2 * j + 1] = b < 0 ? new int[0] : active[b];
                    parametric[k] |= parametric[a] || b >= 0 && parametric[b];
                    linTerms.add(new int[] {k, a, b, j, s});
                }
                active[k] = TapeCompiler.sortedUnion(sets);
            } else if (slot.b >= 0) {
                argA[k] = index[slot.a];
                argB[k] = index[slot.b];
                active[k] = TapeCompiler.sortedUnion(active[argA[k]], active[argB[k]]);
                parametric[k] = parametric[argA[k]] || parametric[argB[k]];
            } else {
                argA[k] = index[slot.a];
                active[k] = active[argA[k]];
                parametric[k] = parametric[argA[k]];
            }
        }
        storage(active, slotDegree, parametric);
        mapOperands(active);
        mapTerms(active, linTerms, slots);
    }

    /** Whether each slot depends on a variable (rather than on parameters and constants alone). */
    private static boolean[] dependsOnVariables(List<TapeCompiler.Slot> slots, int root) {
        boolean[] spatial = new boolean[root + 1];
        for (int s = 0; s <= root; s++) {
            TapeCompiler.Slot slot = slots.get(s);
            if (slot.op == Op.VAR) {
                spatial[s] = true;
            } else if (slot.op == Op.PARAM || slot.op == Op.CONST) {
                spatial[s] = false;
            } else if (slot.termA != null) {
                for (int j = 0; j < slot.termA.length; j++) {
                    spatial[s] |= spatial[slot.termA[j]] || slot.termB[j] >= 0 && spatial[slot.termB[j]];
                }
            } else {
                spatial[s] = spatial[slot.a] || slot.b >= 0 && spatial[slot.b];
            }
        }
        return spatial;
    }

    private static boolean[] markLive(List<TapeCompiler.Slot> slots, int root) {
        boolean[] live = new boolean[root + 1];
        live[root] = true;
        for (int s = root; s >= 0; s--) {
            TapeCompiler.Slot slot = slots.get(s);
            if (!live[s] || slot.op == Op.VAR || slot.op == Op.PARAM || slot.op == Op.CONST) {
                continue;
            }
            if (slot.termA != null) {
                for (int j = 0; j < slot.termA.length; j++) {
                    live[slot.termA[j]] = true;
                    if (slot.termB[j] >= 0) {
                        live[slot.termB[j]] = true;
                    }
                }
            } else {
                live[slot.a] = true;
                if (slot.b >= 0) {
                    live[slot.b] = true;
                }
            }
        }
        return live;
    }

    private void allocate() {
        op = new int[size];
        argA = new int[size];
        argB = new int[size];
        cst = new double[size];
        cst2 = new double[size];
        mapA = new int[size];
        mapB = new int[size];
        linBase = new int[size];
        nAct = new int[size];
        gOff = new int[size];
        gKind = new byte[size];
        hKind = new byte[size];
        hOff = new long[size];
    }

    /**
     * Offsets of each slot's gradient and Hessian, and the kinds (constant or not) of both. A slot that
     * depends on a parameter has its gradient and Hessian computed at every evaluation unless they are
     * structurally zero: t·x has degree 1 in x, a zero Hessian, but the gradient t.
     */
    private void storage(int[][] active, int[] slotDegree, boolean[] parametric) {
        long gTotal = 0;
        long hTotal = 0;
        for (int k = 0; k < size; k++) {
            nAct[k] = active[k].length;
            gOff[k] = (int) Math.min(gTotal, Integer.MAX_VALUE);
            gTotal += nAct[k];
            int d = slotDegree[k];
            gKind[k] = d <= 1 && !parametric[k] ? Tape.FIXED : Tape.LIVE;
            hKind[k] = d <= 1 ? Tape.ZERO : d == 2 && !parametric[k] ? Tape.FIXED : Tape.LIVE;
            hOff[k] = hTotal;
            if (hKind[k] != Tape.ZERO) {
                hTotal += (long) nAct[k] * (nAct[k] + 1) / 2;
            }
        }
        // one entry that stays 0: the Hessian of every slot whose Hessian is zero points to it
        for (int k = 0; k < size; k++) {
            if (hKind[k] == Tape.ZERO) {
                hOff[k] = hTotal;
            }
        }
        hTotal++;
        if (gTotal > Integer.MAX_VALUE - 8) {
            throw new CoreException("expression too large to compile (" + gTotal + " gradient entries)");
        }
        gSize = (int) gTotal;
        hSize = hTotal;
        act = new int[gSize];
        for (int k = 0; k < size; k++) {
            System.arraycopy(active[k], 0, act, gOff[k], nAct[k]);
        }
    }

    private static boolean isBinary(int o) {
        return o == Op.MUL || o == Op.DIV || o == Op.POW || o == Op.MIN || o == Op.MAX;
    }

    /** maps for binary operations: position of each operand's active variable in the slot's. */
    private void mapOperands(int[][] active) {
        IntList m = new IntList();
        int[] position = new int[n];
        for (int k = firstOp; k < size; k++) {
            if (!isBinary(op[k])) {
                continue;
            }
            for (int j = 0; j < nAct[k]; j++) {
                position[active[k][j]] = j;
            }
            mapA[k] = m.size();
            m.addPositions(active[argA[k]], position);
            mapB[k] = m.size();
            m.addPositions(active[argB[k]], position);
        }
        maps = m.toArray();
    }

    /** The terms of the linear combinations, grouped by kind, with their maps. */
    private void mapTerms(int[][] active, List<int[]> linTerms, List<TapeCompiler.Slot> slots) {
        int count = linTerms.size();
        termA = new int[count];
        termB = new int[count];
        termCoef = new double[count];
        termMapA = new int[count];
        termMapB = new int[count];
        termH1 = new int[count];
        termH2 = new int[count];
        termH3 = new int[count];
        termX = new double[count];
        IntList ranges = new IntList();
        IntList m = new IntList();
        for (int i = 0; i < maps.length; i++) {
            m.add(maps[i]);
        }
        int[] position = new int[n];
        int t = 0;
        int i = 0;
        while (i < count) {
            int k = linTerms.get(i)[0];
            int end = i;
            while (end < count && linTerms.get(end)[0] == k) {
                end++;
            }
            for (int j = 0; j < nAct[k]; j++) {
                position[active[k][j]] = j;
            }
            linBase[k] = ranges.size();
            for (int kind = 0; kind < 6; kind++) {
                ranges.add(t);
                for (int e = i; e < end; e++) {
                    int[] term = linTerms.get(e);
                    int a = term[1];
                    int b = term[2];
                    if (kindOf(a, b) != kind) {
                        continue;
                    }
                    termA[t] = a;
                    termB[t] = b;
                    termCoef[t] = slots.get(term[4]).coefs[term[3]];
                    if (kind <= 3) {
                        // operands on one variable: store that variable's position directly
                        int pa = position[active[a][0]];
                        int pb = b < 0 ? pa : position[active[b][0]];
                        termMapA[t] = pa;
                        termMapB[t] = pb;
                        termH1[t] = pa * (pa + 1) / 2 + pa;
                        termH2[t] = pb * (pb + 1) / 2 + pb;
                        termH3[t] = Math.max(pa, pb) * (Math.max(pa, pb) + 1) / 2 + Math.min(pa, pb);
                        termX[t] = pa == pb ? 2.0 * termCoef[t] : termCoef[t];
                    } else {
                        termMapA[t] = m.size();
                        m.addPositions(active[a], position);
                        if (b >= 0) {
                            termMapB[t] = m.size();
                            m.addPositions(active[b], position);
                        }
                    }
                    t++;
                }
            }
            ranges.add(t);
            i = end;
        }
        linRange = ranges.toArray();
        maps = m.toArray();
    }

    /**
     * 0: product of two variables, 1: a variable, 2: a slot on one variable, 3: product of two slots
     * on one variable each, 4: another slot, 5: another product.
     */
    private int kindOf(int a, int b) {
        if (b < 0) {
            return a < n ? 1 : nAct[a] == 1 ? 2 : 4;
        }
        if (a < n && b < n) {
            return 0;
        }
        return nAct[a] == 1 && nAct[b] == 1 ? 3 : 5;
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] data = new int[16];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        void addPositions(int[] variables, int[] position) {
            for (int v : variables) {
                add(position[v]);
            }
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
