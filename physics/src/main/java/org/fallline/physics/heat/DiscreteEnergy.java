package org.fallline.physics.heat;

import java.util.AbstractList;
import java.util.List;

import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;

/**
 * The discrete energy of a homogeneous heat problem as a core {@link ScalarField} of the grid values:
 * Φ(u) = ½ uᵀ K u = ½ Σ D|∇_h u|² + ½ λ Σ u² (per cell volume h^d), with K = −DΔ_h + λ. Its gradient is
 * K u, so gradient descent with step η, u ← u − η K u, is forward Euler with Δt = η on the heat
 * equation with weight decay λ, iterate for iterate: weight decay is heat flow. Only Dirichlet and
 * periodic sides are allowed (on Neumann and Robin sides the energy carries the trapezoidal weights W and
 * its gradient W K u is not the heat flow's right-hand side).
 */
public final class DiscreteEnergy implements ScalarField {

    private final HeatOperator op;
    private final double[] work;
    private final List<String> names;

    /** @throws PhysicsException (bad input) for a problem with data, a source, or a Neumann or Robin side */
    public DiscreteEnergy(HeatProblem problem) {
        if (!problem.homogeneous()) {
            throw PhysicsException.badInput("the discrete energy as a field needs zero boundary data and no source");
        }
        for (BoundaryCondition b : problem.boundaries()) {
            if (b.nodeIsUnknown()) {
                throw PhysicsException.badInput("the discrete energy as a field needs Dirichlet or periodic sides, got "
                        + b.label());
            }
        }
        this.op = new HeatOperator(problem);
        this.work = new double[op.points];
        int n = op.points;
        this.names = new AbstractList<>() {
            @Override
            public String get(int i) {
                return "u" + (i + 1);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    @Override
    public List<String> variables() {
        return names;
    }

    @Override
    public double value(double[] u) {
        op.applyK(u, work);
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * work[i];
        }
        return 0.5 * s;
    }

    @Override
    public double gradient(double[] u, double[] gradient) {
        op.applyK(u, gradient);
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * gradient[i];
        }
        return 0.5 * s;
    }

    /** The Hessian K, dense: meant for small grids. */
    @Override
    public double hessian(double[] u, double[] gradient, double[][] hessian) {
        double[] e = new double[u.length];
        double[] column = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            e[j] = 1;
            op.applyK(e, column);
            e[j] = 0;
            for (int i = 0; i < u.length; i++) {
                hessian[i][j] = column[i];
            }
        }
        return gradient(u, gradient);
    }
}
