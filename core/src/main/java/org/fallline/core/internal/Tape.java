package org.fallline.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.fallline.core.CoreException;

/**
 * A compiled expression: straight-line code over slots, evaluated in one loop with second-order
 * forward-mode automatic differentiation. Every slot carries its value, its gradient and (when
 * asked for) its Hessian, restricted to the variables the slot depends on (its active set), so
 * that a term such as 3·x₁·x₂ costs two gradient entries whatever the number of variables.
 * Gradients are stored compactly slot after slot, Hessians as packed lower triangles. The chain
 * rule for u = f(a):
 * <pre>
 *   ∇u = f'(a) ∇a,   ∇²u = f'(a) ∇²a + f''(a) ∇a ∇aᵀ
 * </pre>
 * and for u = g(a, b):
 * <pre>
 *   ∇u  = g_a ∇a + g_b ∇b,
 *   ∇²u = g_a ∇²a + g_b ∇²b + g_aa ∇a∇aᵀ + g_bb ∇b∇bᵀ + g_ab (∇a∇bᵀ + ∇b∇aᵀ).
 * </pre>
 * Structure found at compile time is exploited: variables and constants cost nothing at run time;
 * sums are one n-ary operation whose terms may be products of two factors (so a quadratic written
 * term by term is a single operation); a slot of polynomial degree ≤ 1 has a constant gradient and
 * a zero Hessian, one of degree 2 a constant Hessian — these are computed once, at the origin, and
 * never propagated again. Reference: A. Griewank and A. Walther, <i>Evaluating Derivatives</i>,
 * 2nd ed., SIAM 2008, ch. 13 (Taylor propagation of second order).
 *
 * <p>Parameters are inputs that are not differentiated (time t, a user's constant): they sit in the
 * slots after the variables, with empty active sets, and every slot that depends on one has its
 * gradient and Hessian computed at each evaluation. The operations on parameters and constants alone
 * (e^(−2π²t), say) are done once, when the parameters are bound, not at every point.
 *
 * <p>The tape itself is immutable. Evaluation writes into a {@link Workspace} (value, gradient and
 * Hessian per slot) that belongs to one thread at a time: callers that evaluate many points make one
 * and reuse it, so that nothing is allocated and nothing is shared between threads; the methods
 * without a workspace use one per thread, found through a thread-local. The kernels ({@link TapeCode})
 * are written for the small cases that dominate (slots on one or two variables): fast paths for them,
 * and tests before loops that may be empty, measured to matter on HotSpot.
 */
public final class Tape {

    /** Kinds of a slot's gradient or Hessian. */
    static final byte ZERO = 0;
    static final byte FIXED = 1;
    static final byte LIVE = 2;

    private final TapeCode code;
    private final int n;
    private final int np;
    private final int root;
    private final int degree;
    private final int[] nAct;
    private final int[] gOff;
    /** Variable index of each compact gradient entry (aligned with the gradient storage). */
    private final int[] act;
    /** Offset of each slot's packed Hessian. */
    private final int[] hOff;
    private final byte[] hKind;
    /** Slots whose gradient, Hessian must be computed at each evaluation (not constant). */
    private final boolean[] gLive;
    private final boolean[] hLive;

    /** Values with the constants filled in. */
    private final double[] vTemplate;
    /** Gradient storage with the constant gradients filled in. */
    private final double[] gTemplate;
    /** ∇V when it is constant (degree ≤ 1), else null. */
    private final double[] rootGradient;

    /** Hessian storage with the constant Hessians filled in; made on first use. */
    private volatile double[] hTemplate;
    /** ∇²V when it is constant (degree 2), made with hTemplate. */
    private volatile double[][] rootHessian;

    /** The work arrays of the methods without a workspace argument, one set per thread. */
    private final ThreadLocal<Workspace> workspaces;

    /**
     * Work arrays of one evaluation at a time: the value of every slot (with the parameters bound),
     * and, made on first use, their gradients and Hessians. Not thread-safe: one thread uses a
     * workspace at a time. Static, holding no reference back to the tape, so that a thread's map of
     * thread-locals does not keep a dropped expression alive.
     */
    public static final class Workspace {
        final double[] v;
        double[] g;
        double[] h;

        Workspace(double[] vTemplate) {
            v = vTemplate.clone();
        }
    }

    private Tape(TapeLayout l) {
        this.code = new TapeCode(l);
        this.n = l.n;
        this.np = l.np;
        this.root = code.root;
        this.degree = code.degree;
        this.nAct = code.nAct;
        this.gOff = code.gOff;
        this.act = code.act;
        this.hOff = code.hOff;
        this.hKind = code.hKind;
        this.gLive = code.gLive;
        this.hLive = code.hLive;
        this.vTemplate = l.cst.clone();
        // the operations on parameters alone, at p = 0, so that a workspace is consistent before its first binding
        code.runParameters(vTemplate);
        // constant gradients: one forced pass at the origin computes every gradient
        double[] g = new double[code.gSize];
        for (int i = 0; i < n; i++) {
            g[gOff[i]] = 1.0;
        }
        double[] v = vTemplate.clone();
        copy(new double[n], v, n);
        code.run(v, g, null, TapeCode.all(code.size), null, false);
        this.gTemplate = g;
        if (code.gKind[root] == LIVE) {
            this.rootGradient = null;
        } else {
            this.rootGradient = new double[n];
            for (int k = 0; k < nAct[root]; k++) {
                rootGradient[act[gOff[root] + k]] = g[gOff[root] + k];
            }
        }
        double[] values = this.vTemplate;
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(values));
    }

    /** Polynomial degree of the expression, or 3 for "3 or more, or not a polynomial". */
    public int degree() {
        return degree;
    }

    /** The number of parameters. */
    public int parameterCount() {
        return np;
    }

    /** New work arrays for this tape, with every parameter 0. */
    public Workspace workspace() {
        return new Workspace(vTemplate);
    }

    /**
     * Binds the parameters p (length {@link #parameterCount()}) in w, for the evaluations that follow. The
     * operations on parameters alone are redone only when p differs from the values already bound (a
     * workspace always holds them consistent with its parameters, from 0 at the start).
     */
    public void bind(Workspace w, double[] p) {
        double[] v = w.v;
        boolean same = true;
        for (int j = 0; j < np; j++) {
            same &= Double.doubleToRawLongBits(v[n + j]) == Double.doubleToRawLongBits(p[j]);
            v[n + j] = p[j];
        }
        if (!same) {
            code.runParameters(v);
        }
    }

    /** V(x) with the parameters bound in w: values only, no derivative work. */
    public double value(Workspace w, double[] x) {
        double[] v = w.v;
        copy(x, v, n);
        code.runValue(v);
        return v[root];
    }

    /** Fills gradient[offset … offset + n − 1] with ∇V(x), the parameters bound in w; returns V(x). */
    public double gradient(Workspace w, double[] x, double[] gradient, int offset) {
        double[] v = w.v;
        double[] g = w.g;
        if (g == null) {
            g = gTemplate.clone();
            w.g = g;
        }
        copy(x, v, n);
        code.run(v, g, null, gLive, hLive, false);
        writeGradient(g, gradient, offset);
        return v[root];
    }

    /** Fills gradient with ∇V(x) and hessian with ∇²V(x), the parameters bound in w; returns V(x). */
    public double hessian(Workspace w, double[] x, double[] gradient, double[][] hessian) {
        double[] h = hessianRun(w, x);
        writeGradient(w.g, gradient, 0);
        writeHessian(h, hessian);
        return w.v[root];
    }

    /** ΔV(x) = tr ∇²V(x), the parameters bound in w; no n × n array is made. */
    public double laplacian(Workspace w, double[] x) {
        byte kind = hKind[root];
        if (kind == ZERO) {
            return 0.0;
        }
        if (kind == FIXED) {
            double[][] fixed = rootHessian();
            double trace = 0.0;
            for (int i = 0; i < n; i++) {
                trace += fixed[i][i];
            }
            return trace;
        }
        double[] h = hessianRun(w, x);
        double trace = 0.0;
        for (int k = 0, d = hOff[root]; k < nAct[root]; k++, d += k + 1) {
            trace += h[d];
        }
        return trace;
    }

    /** This thread's workspace, for single evaluations (bind the parameters before each). */
    public Workspace threadWorkspace() {
        return workspaces.get();
    }

    /** V(x), for a tape without parameters, in this thread's workspace. */
    public double value(double[] x) {
        return value(workspaces.get(), x);
    }

    /** Fills gradient with ∇V(x); returns V(x); for a tape without parameters, in this thread's workspace. */
    public double gradient(double[] x, double[] gradient) {
        return gradient(workspaces.get(), x, gradient, 0);
    }

    /**
     * Fills gradient with ∇V(x) and hessian with ∇²V(x); returns V(x); for a tape without parameters,
     * in this thread's workspace.
     */
    public double hessian(double[] x, double[] gradient, double[][] hessian) {
        return hessian(workspaces.get(), x, gradient, hessian);
    }

    /** One evaluation of values, gradients and Hessians in w; returns the Hessian storage. */
    private double[] hessianRun(Workspace w, double[] x) {
        double[] h = w.h;
        if (h == null) {
            h = hessianTemplate().clone();
            w.h = h;
        }
        if (w.g == null) {
            w.g = gTemplate.clone();
        }
        double[] v = w.v;
        copy(x, v, n);
        code.run(v, w.g, h, gLive, hLive, true);
        return h;
    }

    /** ∇²V when it is constant, made on first use. */
    private double[][] rootHessian() {
        hessianTemplate();
        return rootHessian;
    }

    private void writeGradient(double[] g, double[] out, int offset) {
        if (rootGradient != null) {
            for (int i = 0; i < n; i++) {
                out[offset + i] = rootGradient[i];
            }
            return;
        }
        int m = nAct[root];
        int go = gOff[root];
        if (m == n) {
            // the root depends on every variable: its active set is 0 … n-1 in order
            for (int i = 0; i < n; i++) {
                out[offset + i] = g[go + i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[offset + i] = 0.0;
        }
        for (int k = 0; k < m; k++) {
            out[offset + act[go + k]] = g[go + k];
        }
    }

    private void writeHessian(double[] h, double[][] out) {
        byte kind = hKind[root];
        if (kind == FIXED) {
            double[][] fixed = rootHessian;
            for (int i = 0; i < n; i++) {
                copy(fixed[i], out[i], n);
            }
        } else if (kind == ZERO) {
            for (double[] row : out) {
                for (int j = 0; j < n; j++) {
                    row[j] = 0.0;
                }
            }
        } else {
            scatterHessian(h, root, out);
        }
    }

    /** Unpacks slot s's Hessian (packed lower triangle over its active set) into a full n × n array. */
    private void scatterHessian(double[] h, int s, double[][] out) {
        int m = nAct[s];
        int row = hOff[s];
        if (m == n) {
            // the slot depends on every variable: its active set is 0 … n-1 in order
            for (int i = 0; i < n; i++, row += i) {
                double[] outI = out[i];
                for (int j = 0; j < i; j++) {
                    double value = h[row + j];
                    outI[j] = value;
                    out[j][i] = value;
                }
                outI[i] = h[row + i];
            }
            return;
        }
        for (double[] r : out) {
            for (int j = 0; j < n; j++) {
                r[j] = 0.0;
            }
        }
        int go = gOff[s];
        for (int k = 0; k < m; k++, row += k) {
            int i = act[go + k];
            double[] outI = out[i];
            for (int l = 0; l < k; l++) {
                int j = act[go + l];
                double value = h[row + l];
                outI[j] = value;
                out[j][i] = value;
            }
            outI[i] = h[row + k];
        }
    }


    /** The Hessian storage with the constant Hessians filled in (computed once, on first use). */
    private double[] hessianTemplate() {
        double[] t = hTemplate;
        if (t == null) {
            synchronized (this) {
                t = hTemplate;
                if (t == null) {
                    if (code.hSize > Integer.MAX_VALUE - 8) {
                        throw new CoreException("the Hessian of this expression needs too much working memory ("
                                + code.hSize + " numbers)");
                    }
                    t = new double[(int) code.hSize];
                    double[] v = vTemplate.clone();
                    copy(new double[n], v, n);
                    code.run(v, gTemplate.clone(), t, TapeCode.all(code.size), code.hasHessian, true);
                    if (hKind[root] == FIXED) {
                        double[][] fixed = new double[n][n];
                        scatterHessian(t, root, fixed);
                        rootHessian = fixed;
                    }
                    hTemplate = t;
                }
            }
        }
        return t;
    }

    /** Copies the first n entries; for the few entries of a point a loop beats the arraycopy stub. */
    private static void copy(double[] from, double[] to, int n) {
        for (int i = 0; i < n; i++) {
            to[i] = from[i];
        }
    }

    // ---- layout -----------------------------------------------------------------------------------

    /**
     * Lays out the live slots (those the root depends on) over n variables and np parameters: variables,
     * parameters, constants, then operations.
     */
    static Tape layout(List<TapeCompiler.Slot> slots, int root, int n, int np) {
        return new Tape(new TapeLayout(slots, root, n, np));
    }
}
