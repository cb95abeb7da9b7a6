package org.fallline.physics.heat;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact solutions of u_t = DΔu − λu: products of cos(ω_a x_a + φ_a) times e^{−(DΣω_a² + λ)t}. With
 * homogeneous sides the factors are the sine, cosine or periodic modes; with data the same generic
 * mode (ω = 1.3π/L, φ = 0.4) is used and the side data (u, ∂u/∂n or a·u + b·∂u/∂n, all depending on t)
 * is taken from it.
 */
final class FourierModes {

    /** The boundary kinds tested, each with or without data. */
    enum Side {
        DIRICHLET, DIRICHLET_DATA, NEUMANN, NEUMANN_DATA, ROBIN, PERIODIC
    }

    static final double ROBIN_A = 1;
    static final double ROBIN_B = 2;

    final int dimension;
    final double length;
    final double diffusivity;
    final double decay;
    final Side side;
    final double omega;
    final double phase;

    FourierModes(int dimension, double length, double diffusivity, double decay, Side side) {
        this.dimension = dimension;
        this.length = length;
        this.diffusivity = diffusivity;
        this.decay = decay;
        this.side = side;
        switch (side) {
            case DIRICHLET -> { omega = Math.PI / length; phase = -Math.PI / 2; }   // sin
            case NEUMANN -> { omega = Math.PI / length; phase = 0; }               // cos
            case PERIODIC -> { omega = 2 * Math.PI / length; phase = 0.3; }
            default -> { omega = 1.3 * Math.PI / length; phase = 0.4; }
        }
    }

    double rate() {
        return diffusivity * dimension * omega * omega + decay;
    }

    double value(double[] x, double t) {
        double v = Math.exp(-rate() * t);
        for (int a = 0; a < dimension; a++) {
            v *= Math.cos(omega * x[a] + phase);
        }
        return v;
    }

    // ∂u/∂x_a
    double derivative(double[] x, double t, int a) {
        double v = Math.exp(-rate() * t) * -omega * Math.sin(omega * x[a] + phase);
        for (int b = 0; b < dimension; b++) {
            if (b != a) {
                v *= Math.cos(omega * x[b] + phase);
            }
        }
        return v;
    }

    SpaceTimeFunction exact() {
        return this::value;
    }

    /** The problem on an n-point grid. */
    HeatProblem problem(int n, double tEnd) {
        HeatProblem.Builder b = HeatProblem.builder().dimension(dimension).n(n).length(length).diffusivity(diffusivity)
                .decay(decay).tEnd(tEnd).initial(SpaceTimeFunction.ofSpace(x -> value(x, 0)));
        for (int s = 0; s < 2 * dimension; s++) {
            b.boundary(s, condition(s));
        }
        return b.build();
    }

    private BoundaryCondition condition(int s) {
        int a = s / 2;
        double sign = s % 2 == 0 ? -1 : 1; // outward normal
        return switch (side) {
            case DIRICHLET -> BoundaryCondition.dirichlet();
            case NEUMANN -> BoundaryCondition.neumann();
            case PERIODIC -> BoundaryCondition.periodic();
            case DIRICHLET_DATA -> BoundaryCondition.dirichlet(this::value);
            case NEUMANN_DATA -> BoundaryCondition.neumann((x, t) -> sign * derivative(x, t, a));
            case ROBIN -> BoundaryCondition.robin(ROBIN_A, ROBIN_B,
                    (x, t) -> ROBIN_A * value(x, t) + ROBIN_B * sign * derivative(x, t, a));
        };
    }

    /** The methods that apply: every implicit one (radau5 in 1-D), auto, explicit ones, and spectral for zero data. */
    List<String> methods(boolean allExplicit) {
        List<String> m = new ArrayList<>(List.of("auto", "crank-nicolson", "bdf2", "tr-bdf2"));
        if (dimension == 1) {
            m.add("radau5");
        }
        if (side == Side.DIRICHLET || side == Side.NEUMANN || side == Side.PERIODIC) {
            m.add("spectral");
        }
        for (ExplicitScheme e : ExplicitScheme.values()) {
            if (allExplicit || e == ExplicitScheme.EULER || e == ExplicitScheme.RK4 || e == ExplicitScheme.DP54) {
                m.add("explicit:" + e.label());
            }
        }
        return m;
    }
}
