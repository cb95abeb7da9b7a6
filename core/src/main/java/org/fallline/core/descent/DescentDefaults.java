package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

import java.util.OptionalDouble;
import org.fallline.core.internal.IterationMonitor;
import org.fallline.core.internal.SymmetricEigen;
import org.fallline.core.internal.Vectors;

/**
 * Makes the {@link DescentMethod} of a {@link DescentAlgorithm}, filling in the parameters that were not given.
 *
 * <p>For a field with constant positive definite Hessian (eigenvalues in [μ, L], κ = L/μ) the defaults
 * are the optimal ones of {@link QuadraticAnalysis}: gd η = 2/(μ + L); heavy-ball α = 4/(√L + √μ)²,
 * β = ((√κ − 1)/(√κ + 1))²; nesterov α = 1/L, β = (√κ − 1)/(√κ + 1). For any other field they come from
 * the Hessian at x₀: L = max|λ| there and the step 1/L (1 when L = 0); the momentum is the formula above
 * with κ = λmax/λmin at x₀ when that Hessian is positive definite, and 0.9 otherwise. gd-armijo starts
 * every line search at t₀ = 1. steepest, newton and cg take no parameters. A given step or momentum is
 * used as is (after validation); the created method's {@link DescentMethod#parameters()} shows what was used.
 *
 * <p>Reference: Yu. Nesterov, <i>Lectures on Convex Optimization</i>, 2nd ed., Springer 2018, §2.1.5 and §2.2;
 * I. Sutskever et al., On the importance of initialization and momentum in deep learning, ICML 2013
 * (momentum 0.9).
 */
public final class DescentDefaults {

    /** Momentum used when the curvature at x₀ does not give one. */
    private static final double FALLBACK_MOMENTUM = 0.9;

    private DescentDefaults() {
    }

    /**
     * The method {@code algorithm}, with the given step and momentum or defaults for those absent.
     *
     * @throws CoreException (bad input) for a parameter the method does not take, an invalid parameter value,
     *                       or an x₀ of the wrong dimension
     */
    public static DescentMethod create(DescentAlgorithm algorithm, ScalarField f, double[] x0, OptionalDouble step,
                                       OptionalDouble momentum) {
        IterationMonitor.checkStart(f, x0);
        if (step.isPresent() && !algorithm.takesStep()) {
            throw new CoreException("method '" + algorithm.label() + "' takes no step");
        }
        if (momentum.isPresent() && !algorithm.takesMomentum()) {
            throw new CoreException("method '" + algorithm.label() + "' takes no momentum");
        }
        switch (algorithm) {
            case STEEPEST:
                return new SteepestDescent();
            case NEWTON:
                return new NewtonMethod();
            case CONJUGATE_GRADIENT:
                return new ConjugateGradient();
            case ARMIJO:
                return new ArmijoDescent(step.orElse(1.0));
            default:
                break;
        }
        Curvature c = Curvature.of(f, x0);
        switch (algorithm) {
            case GRADIENT_DESCENT:
                return new GradientDescent(step.orElseGet(() -> c.gdStep));
            case HEAVY_BALL:
                return new HeavyBall(step.orElseGet(() -> c.heavyBallStep), momentum.orElseGet(() -> c.heavyBallMomentum));
            default:
                return new Nesterov(step.orElseGet(() -> c.nesterovStep), momentum.orElseGet(() -> c.nesterovMomentum));
        }
    }

    /** Default steps and momenta from the spectrum of the Hessian (constant, or at x₀). */
    private static final class Curvature {
        double gdStep;
        double heavyBallStep;
        double heavyBallMomentum;
        double nesterovStep;
        double nesterovMomentum;

        static Curvature of(ScalarField f, double[] x0) {
            Curvature c = new Curvature();
            QuadraticAnalysis q = QuadraticAnalysis.of(f).filter(QuadraticAnalysis::positiveDefinite).orElse(null);
            if (q != null) {
                c.gdStep = q.optimalStep().getAsDouble();
                c.heavyBallStep = q.heavyBallStep().getAsDouble();
                c.heavyBallMomentum = q.heavyBallMomentum().getAsDouble();
                c.nesterovStep = q.nesterovStep().getAsDouble();
                c.nesterovMomentum = q.nesterovMomentum().getAsDouble();
                return c;
            }
            int n = x0.length;
            double[] g = new double[n];
            double[][] h = new double[n][n];
            double v = f.hessian(x0, g, h);
            boolean finite = Double.isFinite(v) && Vectors.finite(g);
            for (double[] row : h) {
                finite &= Vectors.finite(row);
            }
            if (!finite) {
                throw new CoreException("V, its gradient or its Hessian is not finite at the starting point "
                        + java.util.Arrays.toString(x0) + ", so no default step can be read from the curvature there; "
                        + "choose another start, or give the step");
            }
            SymmetricEigen eig = SymmetricEigen.of(h);
            double l = eig.spectralRadius();
            double step = l > 0 ? 1 / l : 1.0;
            c.gdStep = step;
            c.heavyBallStep = step;
            c.nesterovStep = step;
            if (eig.positiveDefinite()) {
                double sl = Math.sqrt(eig.max());
                double sm = Math.sqrt(eig.min());
                double rate = (sl - sm) / (sl + sm);
                c.nesterovMomentum = rate;
                c.heavyBallMomentum = rate * rate;
            } else {
                c.nesterovMomentum = FALLBACK_MOMENTUM;
                c.heavyBallMomentum = FALLBACK_MOMENTUM;
            }
            return c;
        }
    }
}
