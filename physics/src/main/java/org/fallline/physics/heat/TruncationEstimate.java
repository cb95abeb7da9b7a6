package org.fallline.physics.heat;

/**
 * An estimate of the spatial truncation error of the 3-point stencil, τ = (D h²/12)·max|Σ_a ∂⁴u/∂x_a⁴|
 * (the leading term of D(u_{j+1} − 2u_j + u_{j−1})/h² − D u''; LeVeque 2007, §1.5), with the fourth
 * derivatives taken as fourth differences of the current solution. The differences use a stride of
 * about m/64 nodes so that rounding (16ε|u|/(sh)⁴) stays far below the derivative on fine grids; only
 * nodes whose five-point stencils fit on every axis are used. The time steppers keep their local error
 * per unit time below τ/2, so the time error stays below the grid's own error.
 */
final class TruncationEstimate {

    private final HeatOperator op;
    private final int[] spread;

    TruncationEstimate(HeatOperator op) {
        this.op = op;
        spread = new int[op.axes.length];
        for (int a = 0; a < spread.length; a++) {
            spread[a] = Math.max(1, op.axes[a].m / 64);
        }
    }

    /** τ for the state u (0 when no axis has five nodes). */
    double estimate(double[] u) {
        int d = op.axes.length;
        int[] m = new int[3];
        int[] s = new int[3];
        double[] scale = new double[3];
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            if (a < d && op.axes[a].m > 4 * spread[a]) {
                m[a] = op.axes[a].m;
                s[a] = spread[a];
                double hs = op.axes[a].h * spread[a];
                scale[a] = 1 / (hs * hs * hs * hs);
                lo[a] = op.axes[a].periodic ? 0 : 2 * spread[a];
                hi[a] = op.axes[a].periodic ? m[a] : m[a] - 2 * spread[a];
            } else {
                m[a] = a < d ? op.axes[a].m : 1;
                s[a] = 0;
                lo[a] = 0;
                hi[a] = m[a];
            }
        }
        if (s[0] == 0 && s[1] == 0 && s[2] == 0) {
            return 0;
        }
        int stride1 = m[0];
        int stride2 = m[0] * m[1];
        double largest = 0;
        for (int k = lo[2]; k < hi[2]; k += Math.max(1, s[2])) {
            for (int j = lo[1]; j < hi[1]; j += Math.max(1, s[1])) {
                for (int i = lo[0]; i < hi[0]; i += Math.max(1, s[0])) {
                    double sum = 0;
                    if (s[0] > 0) {
                        sum += scale[0] * fourth(u, j * stride1 + k * stride2, i, s[0], 1, m[0]);
                    }
                    if (s[1] > 0) {
                        sum += scale[1] * fourth(u, i + k * stride2, j, s[1], stride1, m[1]);
                    }
                    if (s[2] > 0) {
                        sum += scale[2] * fourth(u, i + j * stride1, k, s[2], stride2, m[2]);
                    }
                    largest = Math.max(largest, Math.abs(sum));
                }
            }
        }
        double h = op.axes[0].h;
        return op.problem.diffusivity() * h * h / 12 * largest;
    }

    // u_{i−2s} − 4u_{i−s} + 6u_i − 4u_{i+s} + u_{i+2s} along a line (indices wrap: used only where
    // they fit, or on periodic axes)
    private static double fourth(double[] u, int base, int i, int s, int stride, int m) {
        return u[base + Math.floorMod(i - 2 * s, m) * stride] - 4 * u[base + Math.floorMod(i - s, m) * stride]
                + 6 * u[base + i * stride] - 4 * u[base + Math.floorMod(i + s, m) * stride]
                + u[base + Math.floorMod(i + 2 * s, m) * stride];
    }
}
