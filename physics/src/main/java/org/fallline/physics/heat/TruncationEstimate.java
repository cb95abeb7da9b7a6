package org.fallline.physics.heat;

/**
 * An estimate of the spatial truncation error of the 3-point stencil, τ = max|Σ_a (D h_a²/12)·∂⁴u/∂x_a⁴|
 * (the leading term of D(u_{j+1} − 2u_j + u_{j−1})/h² − D u''; LeVeque 2007, §1.5), with the fourth
 * derivatives taken as fourth differences of the current solution over five nodes a stride s ≈ m/64
 * apart (so that rounding, 16ε|u|/(sh)⁴, stays far below the derivative on fine grids), at a lattice
 * of centres that reaches the sides.
 * <p>
 * <b>The sides are part of the estimate.</b> Near a Dirichlet side the five nodes are shifted inward
 * so that the first is the boundary node with its value g(x, t) (a fourth divided difference is ∂⁴u at
 * some point of its span, so a shifted stencil still measures ∂⁴u there); on a Neumann or Robin side,
 * whose boundary node is an unknown, the stencil is shifted inward to start there. (Ghost values
 * u₋ₖ = uₖ + 2kh·q beyond such a side would be wrong by (2/3)(kh)³u''' and inflate the estimate by
 * O(u'''/(sh)) for any data with u''' ≠ 0 at the side, loosening the time error past the spatial one.)
 * Initial data that do not meet Dirichlet conditions (u₀ = 1 against u = 0) have a boundary layer at
 * t = 0 that the grid resolves no better than O(1) near the side: its fourth differences there are large, and so is the grid's own error. Reading only interior nodes, as an
 * estimate away from the sides would, sees a smooth u (zero fourth differences for u₀ = 1) and asks the
 * time integrator for an accuracy the grid itself does not have — the step then shrinks to nothing.
 * With the sides included, the target follows the grid's error: large while the layer lasts (the
 * time error committed there is in the stiff modes of the layer, which an L-stable step damps as fast
 * as the layer itself decays), and back to the interior value once the layer has diffused.
 * <p>
 * The time steppers keep their local error per unit time below τ/2, so the time error stays below the
 * grid's own error.
 */
final class TruncationEstimate {

    private static final int MIN_SPREAD_POINTS = 64;

    private final HeatOperator op;
    private final int[] spread;
    private final double[] x;

    TruncationEstimate(HeatOperator op) {
        this.op = op;
        spread = new int[op.axes.length];
        for (int a = 0; a < spread.length; a++) {
            spread[a] = Math.max(1, op.axes[a].m / MIN_SPREAD_POINTS);
        }
        x = new double[op.axes.length];
    }

    /** τ for the state u at time t (0 when no axis has five nodes). */
    double estimate(double t, double[] u) {
        int d = op.axes.length;
        int[] m = {1, 1, 1};
        int[] s = {0, 0, 0};
        double[] weight = new double[3];
        boolean any = false;
        for (int a = 0; a < d; a++) {
            AxisOperator ax = op.axes[a];
            m[a] = ax.m;
            if (span(ax) >= 4 * spread[a] + 1) {
                s[a] = spread[a];
                double hs = ax.h * spread[a];
                weight[a] = op.problem.diffusivity() * ax.h * ax.h / 12 / (hs * hs * hs * hs);
                any = true;
            }
        }
        if (!any) {
            return 0;
        }
        // centres reach a Dirichlet side; beside a Neumann or Robin side they stop 2s short of it, where a
        // centred stencil still fits (the boundary nodes there are unknowns the closure governs)
        int[] lo = new int[3];
        int[] hi = new int[3];
        boolean[] toLast = new boolean[3];
        for (int a = 0; a < 3; a++) {
            hi[a] = m[a];
            if (a < d && s[a] > 0 && !op.axes[a].periodic) {
                AxisOperator ax = op.axes[a];
                lo[a] = ax.low.kind() == BoundaryCondition.Kind.DIRICHLET ? 0 : 2 * s[a];
                toLast[a] = ax.high.kind() == BoundaryCondition.Kind.DIRICHLET;
                hi[a] = toLast[a] ? m[a] : m[a] - 2 * s[a];
            }
        }
        int stride1 = m[0];
        int stride2 = m[0] * m[1];
        double largest = 0;
        for (int k = lo[2]; k < hi[2]; k = next(k, s[2], hi[2], toLast[2])) {
            for (int j = lo[1]; j < hi[1]; j = next(j, s[1], hi[1], toLast[1])) {
                for (int i = lo[0]; i < hi[0]; i = next(i, s[0], hi[0], toLast[0])) {
                    double sum = 0;
                    if (s[0] > 0) {
                        sum += weight[0] * fourth(0, t, u, j * stride1 + k * stride2, i, s[0]);
                    }
                    if (s[1] > 0) {
                        sum += weight[1] * fourth(1, t, u, i + k * stride2, j, s[1]);
                    }
                    if (s[2] > 0) {
                        sum += weight[2] * fourth(2, t, u, i + j * stride1, k, s[2]);
                    }
                    largest = Math.max(largest, Math.abs(sum));
                }
            }
        }
        return largest;
    }

    // the nodes a stencil may use on a line: the unknowns (which include the boundary nodes of Neumann
    // and Robin sides), plus the Dirichlet boundary nodes; periodic lines wrap
    private static int span(AxisOperator ax) {
        if (ax.periodic) {
            return ax.m;
        }
        return ax.m + (ax.low.kind() == BoundaryCondition.Kind.DIRICHLET ? 1 : 0)
                + (ax.high.kind() == BoundaryCondition.Kind.DIRICHLET ? 1 : 0);
    }

    // the next centre along an axis: every s-th node, and the last one when the side beyond it is
    // Dirichlet (every node on an axis too short for the stencil)
    private static int next(int i, int s, int end, boolean toLast) {
        if (s == 0) {
            return i + 1;
        }
        if (!toLast) {
            return i + s;
        }
        return i + s < end || i == end - 1 ? i + s : end - 1;
    }

    // the fourth difference u_{p} − 4u_{p+s} + 6u_{p+2s} − 4u_{p+3s} + u_{p+4s} of the line through base
    // along axis a, centred at i where the nodes allow, shifted inward at a Dirichlet side
    private double fourth(int a, double t, double[] u, int base, int i, int s) {
        AxisOperator ax = op.axes[a];
        int start = i - 2 * s;
        if (!ax.periodic) {
            int first = ax.low.kind() == BoundaryCondition.Kind.DIRICHLET ? -1 : 0;
            int last = ax.high.kind() == BoundaryCondition.Kind.DIRICHLET ? ax.m : ax.m - 1;
            start = Math.min(Math.max(start, first), last - 4 * s);
        }
        return value(a, t, u, base, start) - 4 * value(a, t, u, base, start + s)
                + 6 * value(a, t, u, base, start + 2 * s) - 4 * value(a, t, u, base, start + 3 * s)
                + value(a, t, u, base, start + 4 * s);
    }

    // u at position p of the line (p = −1 and p = m are the Dirichlet boundary nodes with their data)
    private double value(int a, double t, double[] u, int base, int p) {
        AxisOperator ax = op.axes[a];
        int stride = op.stride(a);
        int m = ax.m;
        if (ax.periodic) {
            return u[base + Math.floorMod(p, m) * stride];
        }
        if (p >= 0 && p < m) {
            return u[base + p * stride];
        }
        boolean low = p < 0;
        return data(a, low ? ax.low : ax.high, low, base, t);
    }

    // the side's datum at the boundary point of the line (0 without data)
    private double data(int a, BoundaryCondition bc, boolean low, int base, double t) {
        if (bc.data() == null) {
            return 0;
        }
        op.grid.coordinates(base, x);
        x[a] = low ? 0 : op.problem.length();
        return bc.data().value(x, t);
    }
}
