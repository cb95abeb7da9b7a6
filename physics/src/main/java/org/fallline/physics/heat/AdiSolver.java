package org.fallline.physics.heat;

import org.fallline.core.linear.Tridiagonal;

/**
 * Solves the stage equations (I + cK) x = b of the implicit methods, K = Σ_a A_a + λ. In 1-D the
 * matrix is tridiagonal and the solve is direct (Thomas, {@link Tridiagonal}). In 2-D and 3-D the
 * matrix is replaced by its approximate factorisation M = Π_a (I + c(A_a + λ/d)), whose inverse is
 * a sweep of tridiagonal solves along the lines of each axis (alternating directions: Douglas and
 * Gunn, Numer. Math. 6, 1964), used in delta form as the iteration x ← x + M⁻¹(b − (I + cK)x) from
 * the previous time level. M − (I + cK) = O(c²), so one sweep already keeps second order; further
 * sweeps (until the correction falls below the step's share of the error tolerance) remove the
 * splitting error from the smooth modes, which are the ones the tolerance sees.
 */
final class AdiSolver {

    private static final int MAX_SWEEPS = 8;

    private final HeatOperator op;
    private final double[] residual;
    private final double[] work;
    private double factoredC = Double.NaN;
    private Tridiagonal[] factors;
    private int sweeps;

    AdiSolver(HeatOperator op) {
        this.op = op;
        this.residual = new double[op.points];
        this.work = new double[op.points];
    }

    /** The line sweeps made so far. */
    int sweeps() {
        return sweeps;
    }

    /**
     * x ← (I + cK)⁻¹ b; on entry x holds the starting guess. In 2-D and 3-D the sweeps stop when the
     * largest correction is at most {@code tolerance}.
     */
    void solve(double c, double[] b, double[] x, double tolerance) {
        factor(c);
        int d = op.axes.length;
        if (d == 1) {
            factors[0].solve(b, x);
            sweeps++;
            return;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            op.applyK(x, work);
            for (int i = 0; i < op.points; i++) {
                residual[i] = b[i] - x[i] - c * work[i];
            }
            for (int a = 0; a < d; a++) {
                int s = op.stride(a);
                int block = op.axes[a].m * s;
                for (int base = 0; base < op.points; base += block) {
                    if (s == 1) {
                        factors[a].solve(residual, residual, base, 1);
                    } else {
                        // the s lines of this block are adjacent: solve them together, in memory order
                        factors[a].solveLines(residual, residual, base, s, s);
                    }
                }
            }
            double largest = 0;
            for (int i = 0; i < op.points; i++) {
                x[i] += residual[i];
                largest = Math.max(largest, Math.abs(residual[i]));
            }
            sweeps++;
            if (largest <= tolerance) {
                return;
            }
        }
    }

    private void factor(double c) {
        if (c == factoredC) {
            return;
        }
        int d = op.axes.length;
        factors = new Tridiagonal[d];
        for (int a = 0; a < d; a++) {
            AxisOperator ax = op.axes[a];
            double[] sub = new double[ax.m];
            double[] diag = new double[ax.m];
            double[] sup = new double[ax.m];
            for (int i = 0; i < ax.m; i++) {
                sub[i] = c * ax.sub[i];
                sup[i] = c * ax.sup[i];
                diag[i] = 1 + c * (ax.diag[i] + op.decay / d);
            }
            factors[a] = ax.periodic ? Tridiagonal.factorCyclic(sub, diag, sup) : Tridiagonal.factor(sub, diag, sup);
        }
        factoredC = c;
    }
}
