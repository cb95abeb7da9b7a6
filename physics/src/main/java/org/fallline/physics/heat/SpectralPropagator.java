package org.fallline.physics.heat;

/**
 * The exact-in-time solution u(t) = e^{−tK} u₀ of the semi-discrete equation u' = −K u for constant
 * coefficients, homogeneous Dirichlet, Neumann or periodic sides and no source. K = Σ_a A_a + λ is a
 * Kronecker sum of commuting 1-D operators, so e^{−tK} = e^{−λt} ⊗_a e^{−tA_a}: transform u₀ into
 * the eigenbasis of every axis ({@link AxisTransform}), multiply coefficient (j₁, j₂, j₃) by
 * e^{−t(μ_{j₁} + μ_{j₂} + μ_{j₃} + λ)} and transform back. The only error is rounding.
 */
final class SpectralPropagator {

    private final HeatOperator op;
    private final AxisTransform[] transforms;
    private final double[] coefficients;

    private SpectralPropagator(HeatOperator op, AxisTransform[] transforms, double[] u0) {
        this.op = op;
        this.transforms = transforms;
        this.coefficients = u0.clone();
        for (int a = 0; a < transforms.length; a++) {
            int s = op.stride(a);
            int block = op.axes[a].m * s;
            for (int base = 0; base < op.points; base += block) {
                for (int q = 0; q < s; q++) {
                    transforms[a].forward(coefficients, base + q, s);
                }
            }
        }
    }

    /** Why the exact-in-time path does not apply to the problem, or null when it does. */
    static String notApplicable(HeatProblem p) {
        if (p.source() != null) {
            return "it needs f = 0 (a source is given)";
        }
        for (BoundaryCondition b : p.boundaries()) {
            if (b.kind() == BoundaryCondition.Kind.ROBIN) {
                return "a Robin side has no fast transform";
            }
            if (!b.homogeneous()) {
                return "it needs zero boundary data (a side has a value or flux)";
            }
        }
        return null;
    }

    /** The propagator of the problem from u₀; null when {@link #notApplicable} says why not. */
    static SpectralPropagator of(HeatOperator op, double[] u0) {
        if (notApplicable(op.problem) != null) {
            return null;
        }
        AxisTransform[] t = new AxisTransform[op.axes.length];
        for (int a = 0; a < t.length; a++) {
            t[a] = AxisTransform.of(op.axes[a], op.problem.diffusivity());
        }
        return new SpectralPropagator(op, t, u0);
    }

    /** u(t) into {@code out}. */
    void solution(double t, double[] out) {
        int d = transforms.length;
        int m0 = op.axes[0].m;
        int m1 = d > 1 ? op.axes[1].m : 1;
        int m2 = d > 2 ? op.axes[2].m : 1;
        double[] e0 = factors(transforms[0], m0, t, Math.exp(-op.decay * t));
        double[] e1 = d > 1 ? factors(transforms[1], m1, t, 1) : new double[] {1};
        double[] e2 = d > 2 ? factors(transforms[2], m2, t, 1) : new double[] {1};
        int i = 0;
        for (int k = 0; k < m2; k++) {
            for (int j = 0; j < m1; j++) {
                double f = e1[j] * e2[k];
                for (int l = 0; l < m0; l++, i++) {
                    out[i] = coefficients[i] * e0[l] * f;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            int s = op.stride(a);
            int block = op.axes[a].m * s;
            for (int base = 0; base < op.points; base += block) {
                for (int q = 0; q < s; q++) {
                    transforms[a].inverse(out, base + q, s);
                }
            }
        }
    }

    private static double[] factors(AxisTransform tr, int m, double t, double scale) {
        double[] e = new double[m];
        for (int j = 0; j < m; j++) {
            e[j] = scale * Math.exp(-t * tr.eigenvalue(j));
        }
        return e;
    }
}
