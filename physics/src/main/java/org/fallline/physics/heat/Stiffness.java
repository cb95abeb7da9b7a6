package org.fallline.physics.heat;

/**
 * The stiffness of the semi-discrete heat equation u' = −Ku + F: the extreme eigenvalues of
 * K = −DΔ_h + λ (exact: sums over the axes of the 1-D closed forms of {@link AxisOperator}), their
 * ratio κ = λmax/λmin (infinite when λmin = 0: Neumann or periodic with no decay), the largest stable
 * step r/λmax of an explicit integrator and the number of steps ⌈T λmax / r⌉ it would need to reach T.
 *
 * @param lambdaMin         λmin(K)
 * @param lambdaMax         λmax(K)
 * @param ratio             λmax/λmin
 * @param explicitIntegrator the explicit integrator the limit is for (the chosen one, else euler)
 * @param explicitStepLimit r/λmax
 * @param explicitSteps     ⌈T/(r/λmax)⌉
 */
public record Stiffness(double lambdaMin, double lambdaMax, double ratio, String explicitIntegrator,
        double explicitStepLimit, long explicitSteps) {

    static Stiffness of(HeatProblem p, ExplicitScheme scheme) {
        HeatGrid grid = p.grid();
        double lo = p.decay();
        double hi = p.decay();
        for (int a = 0; a < grid.dimension(); a++) {
            double[] r = new AxisOperator(grid.axis(a), p.diffusivity(), p.boundaries().get(2 * a),
                    p.boundaries().get(2 * a + 1)).eigenvalueRange();
            lo += r[0];
            hi += r[1];
        }
        double[] range = {lo, hi};
        double limit = scheme.stabilityRadius() / range[1];
        double ratio = range[0] > 0 ? range[1] / range[0] : Double.POSITIVE_INFINITY;
        long steps = (long) Math.ceil(p.tEnd() / limit);
        return new Stiffness(range[0], range[1], ratio, scheme.label(), limit, steps);
    }
}
