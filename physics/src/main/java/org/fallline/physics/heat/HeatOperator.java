package org.fallline.physics.heat;

import java.util.Arrays;

/**
 * The semi-discrete heat equation u' = −K u + F(t) on a {@link HeatGrid}: K = Σ_a A_a + λI is the
 * Kronecker sum of the 1-D operators {@link AxisOperator} A_a = −D ∂²_a (5-point stencil in 2-D,
 * 7-point in 3-D) plus the decay, and F(t) holds the source f(x, t) and the side data g entering
 * through the boundary rows. Also computes the invariants of the flow: the discrete energy
 * ½ Σ D|∇_h u|² ω h^d + ½λ Σ w u² h^d (with the Robin boundary term), the total heat Σ w u h^d and
 * max|u|, w and ω the trapezoidal weights of nodes and edges.
 */
final class HeatOperator {

    final HeatProblem problem;
    final HeatGrid grid;
    final AxisOperator[] axes;
    final int points;
    final double decay;
    private final int[] stride;
    private final double[] cached;      // F when it does not depend on t
    private final double[] cachedSource; // the source part of F when only the sides depend on t
    private final double[] weights;

    HeatOperator(HeatProblem problem) {
        this.problem = problem;
        this.grid = problem.grid();
        this.points = grid.points();
        this.decay = problem.decay();
        int d = grid.dimension();
        axes = new AxisOperator[d];
        stride = new int[d];
        int s = 1;
        for (int a = 0; a < d; a++) {
            axes[a] = new AxisOperator(grid.axis(a), problem.diffusivity(), problem.boundaries().get(2 * a),
                    problem.boundaries().get(2 * a + 1));
            stride[a] = s;
            s *= axes[a].m;
        }
        weights = new double[points];
        for (int i = 0; i < points; i++) {
            double w = 1;
            int rest = i;
            for (AxisOperator ax : axes) {
                w *= ax.weight[rest % ax.m];
                rest /= ax.m;
            }
            weights[i] = w;
        }
        boolean sidesTimed = problem.boundaries().stream().anyMatch(b -> b.data() != null && b.data().dependsOnTime());
        boolean sourceTimed = problem.source() != null && problem.source().dependsOnTime();
        if (!sidesTimed && !sourceTimed) {
            cached = new double[points];
            addForcing(0, cached, true, true);
            cachedSource = null;
        } else {
            cached = null;
            if (problem.source() != null && !sourceTimed) {
                cachedSource = new double[points];
                addForcing(0, cachedSource, true, false);
            } else {
                cachedSource = null;
            }
        }
    }

    int stride(int a) {
        return stride[a];
    }

    /** True when F ≠ 0 for some t. */
    boolean forced() {
        return !problem.homogeneous();
    }

    /** y = K u = (Σ A_a + λ) u. */
    void applyK(double[] u, double[] y) {
        for (int i = 0; i < points; i++) {
            y[i] = decay * u[i];
        }
        for (int a = 0; a < axes.length; a++) {
            addAxis(a, u, y);
        }
    }

    // y += A_a u along axis a, line by line, the innermost loop contiguous
    private void addAxis(int a, double[] u, double[] y) {
        AxisOperator op = axes[a];
        int m = op.m;
        int s = stride[a];
        int block = m * s;
        if (s == 1) {
            addContiguous(op, u, y);
            return;
        }
        for (int base = 0; base < points; base += block) {
            for (int i = 0; i < m; i++) {
                int row = base + i * s;
                int prev = i > 0 ? row - s : op.periodic ? base + (m - 1) * s : -1;
                int next = i < m - 1 ? row + s : op.periodic ? base : -1;
                double lo = op.sub[i];
                double di = op.diag[i];
                double hi = op.sup[i];
                if (prev >= 0 && next >= 0) {
                    for (int q = 0; q < s; q++) {
                        y[row + q] += lo * u[prev + q] + di * u[row + q] + hi * u[next + q];
                    }
                } else if (prev >= 0) {
                    for (int q = 0; q < s; q++) {
                        y[row + q] += lo * u[prev + q] + di * u[row + q];
                    }
                } else {
                    for (int q = 0; q < s; q++) {
                        y[row + q] += di * u[row + q] + hi * u[next + q];
                    }
                }
            }
        }
    }

    // y += A_0 u for the x axis, whose lines are contiguous: one tight loop per line
    private void addContiguous(AxisOperator op, double[] u, double[] y) {
        int m = op.m;
        double[] lo = op.sub;
        double[] di = op.diag;
        double[] hi = op.sup;
        for (int base = 0; base < points; base += m) {
            int last = base + m - 1;
            y[base] += di[0] * u[base] + hi[0] * u[base + 1] + (op.periodic ? lo[0] * u[last] : 0);
            for (int i = 1, p = base + 1; i < m - 1; i++, p++) {
                y[p] += lo[i] * u[p - 1] + di[i] * u[p] + hi[i] * u[p + 1];
            }
            y[last] += lo[m - 1] * u[last - 1] + di[m - 1] * u[last] + (op.periodic ? hi[m - 1] * u[base] : 0);
        }
    }

    /** f = F(t). */
    void forcing(double t, double[] f) {
        if (cached != null) {
            System.arraycopy(cached, 0, f, 0, points);
            return;
        }
        if (cachedSource != null) {
            System.arraycopy(cachedSource, 0, f, 0, points);
            addForcing(t, f, false, true);
        } else {
            Arrays.fill(f, 0);
            addForcing(t, f, true, true);
        }
    }

    /** y = −K u + F(t), the right-hand side of the semi-discrete system. */
    void derivative(double t, double[] u, double[] y, double[] work) {
        applyK(u, y);
        if (forced()) {
            forcing(t, work);
            for (int i = 0; i < points; i++) {
                y[i] = work[i] - y[i];
            }
        } else {
            for (int i = 0; i < points; i++) {
                y[i] = -y[i];
            }
        }
    }

    private void addForcing(double t, double[] f, boolean source, boolean sides) {
        double[] x = new double[grid.dimension()];
        if (source && problem.source() != null) {
            SpaceTimeFunction src = problem.source();
            for (int i = 0; i < points; i++) {
                grid.coordinates(i, x);
                f[i] += src.value(x, t);
            }
        }
        if (!sides) {
            return;
        }
        for (int a = 0; a < axes.length; a++) {
            AxisOperator op = axes[a];
            if (op.periodic) {
                continue;
            }
            addSide(a, op.low, 0, 0.0, op.lowCoupling, t, f, x);
            addSide(a, op.high, op.m - 1, problem.length(), op.highCoupling, t, f, x);
        }
    }

    // adds coupling·g(x on the side, t) to the layer of unknowns next to the side
    private void addSide(int a, BoundaryCondition bc, int layer, double sideCoordinate, double coupling, double t,
            double[] f, double[] x) {
        if (bc.data() == null) {
            return;
        }
        forEachInLayer(a, layer, index -> {
            grid.coordinates(index, x);
            x[a] = sideCoordinate;
            f[index] += coupling * bc.data().value(x, t);
        });
    }

    /** Calls {@code action} with every unknown whose index along axis a is {@code layer}. */
    void forEachInLayer(int a, int layer, java.util.function.IntConsumer action) {
        int m = axes[a].m;
        int s = stride[a];
        int block = m * s;
        for (int base = 0; base < points; base += block) {
            int row = base + layer * s;
            for (int q = 0; q < s; q++) {
                action.accept(row + q);
            }
        }
    }

    /** w_i, the trapezoidal weight of unknown i (a product over axes of ½ or 1). */
    double weight(int index) {
        return weights[index];
    }

    /** Σ w u h^d. */
    double totalHeat(double[] u) {
        double sum = 0;
        for (int i = 0; i < points; i++) {
            sum += weights[i] * u[i];
        }
        return sum * grid.cellVolume();
    }

    /**
     * The discrete energy ½ h^d uᵀW K u, with the edges to Dirichlet sides measured against the
     * side's value g(t) rather than 0: for g = 0 it is the quadratic form whose W-gradient is K u.
     */
    double energy(double t, double[] u, double[] work) {
        applyK(u, work);
        double sum = 0;
        for (int i = 0; i < points; i++) {
            sum += weights[i] * u[i] * work[i];
        }
        double[] extra = {0};
        double[] x = new double[grid.dimension()];
        for (int a = 0; a < axes.length; a++) {
            AxisOperator op = axes[a];
            if (op.periodic) {
                continue;
            }
            double c = problem.diffusivity() / (op.h * op.h);
            dirichletEdges(a, op.low, 0, 0.0, c, t, u, x, extra);
            dirichletEdges(a, op.high, op.m - 1, problem.length(), c, t, u, x, extra);
        }
        return 0.5 * grid.cellVolume() * (sum + extra[0]);
    }

    // (u − g)² − u² for each edge from the layer to a Dirichlet side with data g
    private void dirichletEdges(int a, BoundaryCondition bc, int layer, double side, double c, double t, double[] u,
            double[] x, double[] extra) {
        if (bc.kind() != BoundaryCondition.Kind.DIRICHLET || bc.data() == null) {
            return;
        }
        forEachInLayer(a, layer, index -> {
            grid.coordinates(index, x);
            x[a] = side;
            double g = bc.data().value(x, t);
            extra[0] += weight(index) * c * (g * g - 2 * g * u[index]);
        });
    }

    /** max |u_i|, NaN if some u_i is NaN. */
    static double maxAbs(double[] u) {
        // a compare per entry rather than Math.max, whose NaN and −0 rules cost a blend per entry;
        // called on every step of every time stepper
        double m = 0;
        for (double v : u) {
            double a = Math.abs(v);
            if (a > m) {
                m = a;
            } else if (a != a) {
                return Double.NaN;
            }
        }
        return m;
    }

    /** The smallest and largest eigenvalue of K = Σ A_a + λ (sums of the axes' extremes). */
    double[] eigenvalueRange() {
        double lo = decay;
        double hi = decay;
        for (AxisOperator op : axes) {
            double[] r = op.eigenvalueRange();
            lo += r[0];
            hi += r[1];
        }
        return new double[] {lo, hi};
    }
}
