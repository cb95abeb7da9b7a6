package org.fallline.physics.heat;

/**
 * The 1-D operator −D ∂²/∂x² on one axis of the grid as a (cyclic) tridiagonal matrix, with the
 * ghost-point closures of the side conditions: on a Neumann side ∂u/∂n = g the ghost value is
 * u₋₁ = u₁ + 2h g, on a Robin side a·u + b·∂u/∂n = g it is u₋₁ = u₁ + 2h (g − a u₀)/b (second
 * order, LeVeque 2007, §2.12). The matrix is symmetric in the trapezoidal inner product Σ w_i u_i v_i
 * (w = ½ on a boundary node that is an unknown, 1 elsewhere), which is why the discrete energy
 * and total heat below behave as their continuous counterparts.
 */
final class AxisOperator {

    final int m;
    final double h;
    final boolean periodic;
    final double[] sub;
    final double[] diag;
    final double[] sup;
    final double[] weight;
    /** Factor of the low and high side's data g in the forcing of the first and last unknown. */
    final double lowCoupling;
    final double highCoupling;
    final BoundaryCondition low;
    final BoundaryCondition high;
    private final double diffusivity;

    AxisOperator(HeatGrid.Axis axis, double diffusivity, BoundaryCondition low, BoundaryCondition high) {
        this.m = axis.size();
        this.h = axis.h();
        this.periodic = axis.periodic();
        this.low = low;
        this.high = high;
        this.diffusivity = diffusivity;
        double c = diffusivity / (h * h);
        sub = new double[m];
        diag = new double[m];
        sup = new double[m];
        weight = new double[m];
        for (int i = 0; i < m; i++) {
            sub[i] = -c;
            diag[i] = 2 * c;
            sup[i] = -c;
            weight[i] = 1;
        }
        if (periodic) {
            lowCoupling = 0;
            highCoupling = 0;
            return;
        }
        sub[0] = 0;
        sup[m - 1] = 0;
        lowCoupling = closeSide(low, 0, 1, c);
        highCoupling = closeSide(high, m - 1, -1, c);
    }

    // the row of the side's first unknown, and the factor by which g enters its forcing
    private double closeSide(BoundaryCondition bc, int i, int inward, double c) {
        switch (bc.kind()) {
            case DIRICHLET:
                return c;
            case NEUMANN:
                weight[i] = 0.5;
                setInward(i, inward, -2 * c);
                return 2 * diffusivity / h;
            case ROBIN:
                weight[i] = 0.5;
                setInward(i, inward, -2 * c);
                diag[i] = c * (2 + 2 * h * bc.a() / bc.b());
                return 2 * diffusivity / (bc.b() * h);
            default:
                throw new IllegalStateException(bc.kind().toString());
        }
    }

    private void setInward(int i, int inward, double v) {
        if (inward > 0) {
            sup[i] = v;
        } else {
            sub[i] = v;
        }
    }

    /**
     * The smallest and largest eigenvalue of the matrix: in closed form, 4D/h² sin²θ_k, where the
     * angles are θ_k = kπ/(2(n+1)) for two Dirichlet sides (k = 1 … n) or two Neumann sides
     * (k = 0 … n + 1), θ_k = (2k − 1)π/(4(n+1)) for one of each (k = 1 … n + 1) and θ_k = kπ/n on a
     * periodic axis (k = 0 … n − 1); by Sturm-sequence bisection on the symmetrised matrix when a
     * side is Robin (no closed form; the result is exact to rounding).
     */
    double[] eigenvalueRange() {
        double c = 4 * diffusivity / (h * h);
        if (periodic) {
            int n = m;
            double top = n % 2 == 0 ? 1 : Math.pow(Math.sin(Math.PI * (n / 2) / n), 2);
            return new double[] {0, c * top};
        }
        boolean lowRobin = low.kind() == BoundaryCondition.Kind.ROBIN;
        boolean highRobin = high.kind() == BoundaryCondition.Kind.ROBIN;
        if (lowRobin || highRobin) {
            return new double[] {SturmBisection.kthEigenvalue(this, 0), SturmBisection.kthEigenvalue(this, m - 1)};
        }
        boolean lowD = low.kind() == BoundaryCondition.Kind.DIRICHLET;
        boolean highD = high.kind() == BoundaryCondition.Kind.DIRICHLET;
        int n1 = lowD && highD ? m + 1 : lowD || highD ? m : m - 1; // n + 1
        if (lowD == highD) {
            double step = Math.PI / (2.0 * n1);
            int first = lowD ? 1 : 0;
            int last = lowD ? n1 - 1 : n1;
            return new double[] {c * sq(Math.sin(first * step)), c * sq(Math.sin(last * step))};
        }
        double step = Math.PI / (4.0 * n1);
        return new double[] {c * sq(Math.sin(step)), c * sq(Math.sin((2 * n1 - 1) * step))};
    }

    private static double sq(double v) {
        return v * v;
    }
}
