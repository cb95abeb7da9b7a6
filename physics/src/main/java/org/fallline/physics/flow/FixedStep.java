package org.fallline.physics.flow;

import java.util.ArrayList;
import java.util.List;

import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The step of a fixed-step integrator on a flow: the default when none is given, and the refusal of a step
 * above the stability limit when V is quadratic (so that the limit is known exactly).
 *
 * <p>Modes of the linear(ised) flow at a point with Hessian eigenvalues λᵢ: μ = −λᵢ for the gradient flow;
 * the roots of μ² + bμ + λᵢ = 0 for the heavy ball with friction b. A step h is stable when
 * |R(hμ)| ≤ 1 for every decaying mode (Re μ ≤ 0, μ ≠ 0), R the method's stability function
 * ({@link StabilityRegion}); for the gradient flow that is h·λmax ≤ r, r the real-axis radius.
 *
 * <p>Default step: h = min(T/1000, ½·r/ρ) with ρ = max|μ| at the start x₀ — half the real-axis limit of the
 * start's linearisation, and at least a thousand steps over [0, T]; when V is quadratic and that is still
 * above the exact limit, half the exact limit.
 */
final class FixedStep {

    private FixedStep() {
    }

    /** The step to use: the given one after the stability check, or the default. */
    static double choose(Integrator integrator, ScalarField field, double[] x0, FlowOptions options) {
        StabilityRegion region = StabilityRegion.of(integrator.butcherArray().orElseThrow());
        double friction = options.friction().orElse(-1);
        double limit = field.hasConstantHessian() ? limit(region, modes(eigenvalues(field, x0), friction))
                : Double.POSITIVE_INFINITY;
        if (options.step().isPresent()) {
            double h = options.step().getAsDouble();
            if (h > limit) {
                double[] lambda = eigenvalues(field, x0);
                throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "step " + h
                        + " is above the stability limit h <= " + limit + " of " + integrator.label()
                        + " for this quadratic (largest Hessian eigenvalue " + lambda[lambda.length - 1]
                        + ", real-axis stability radius r = " + region.realAxisRadius()
                        + "): the computed flow would grow where the exact one decays; take a smaller step "
                        + "or an adaptive integrator such as dp853");
            }
            return h;
        }
        double rho = 0;
        for (Complex mu : modes(eigenvalues(field, x0), friction)) {
            rho = Math.max(rho, mu.norm());
        }
        double h = options.endTime() / 1000;
        if (rho > 0) {
            h = Math.min(h, 0.5 * region.realAxisRadius() / rho);
        }
        return h > limit ? 0.5 * limit : h;
    }

    /** The largest stable step over the decaying modes (+∞ when there are none). */
    static double limit(StabilityRegion region, List<Complex> modes) {
        double limit = Double.POSITIVE_INFINITY;
        for (Complex mu : modes) {
            if (mu.getReal() <= 0 && mu.norm() > 0) {
                limit = Math.min(limit, region.largestStableStep(mu));
            }
        }
        return limit;
    }

    /** μ for each Hessian eigenvalue: −λ (friction &lt; 0 means the gradient flow), else μ² + bμ + λ = 0. */
    static List<Complex> modes(double[] lambda, double friction) {
        List<Complex> modes = new ArrayList<>();
        for (double l : lambda) {
            if (friction < 0) {
                modes.add(new Complex(-l, 0));
            } else {
                Complex root = new Complex(friction * friction - 4 * l, 0).sqrt();
                modes.add(root.subtract(friction).multiply(0.5));
                modes.add(root.negate().subtract(friction).multiply(0.5));
            }
        }
        return modes;
    }

    /** Eigenvalues of ∇²V(x), ascending. */
    static double[] eigenvalues(ScalarField field, double[] x) {
        double[][] h = field.hessian(x);
        int n = h.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(h[i][j])) {
                    throw new PhysicsException(PhysicsException.Kind.BAD_INPUT,
                            "the Hessian of V is not finite at the start, so no step can be chosen");
                }
            }
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        double[] values = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false)).getEigenvalues();
        java.util.Arrays.sort(values);
        return values;
    }
}
