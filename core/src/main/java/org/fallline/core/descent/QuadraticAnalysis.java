package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.fallline.core.internal.SymmetricEigen;
import org.fallline.core.internal.Vectors;

/**
 * The closed-form convergence theory of descent on a field with constant Hessian,
 * V(x) = ½xᵀAx − bᵀx + c (A = ∇²V, b = −∇V(0), c = V(0)), read off the eigenvalues μ = λ₁ ≤ … ≤ λₙ = L of A.
 *
 * <p>When A is positive definite (λ₁ &gt; 10⁻¹²·λₙ &gt; 0): κ = L/μ; gradient descent is stable for
 * η &lt; 2/L and fastest at η* = 2/(μ + L) with contraction (κ − 1)/(κ + 1); the heavy-ball method with
 * α = 4/(√L + √μ)², β = ((√κ − 1)/(√κ + 1))² contracts by (√κ − 1)/(√κ + 1); Nesterov's method uses
 * α = 1/L, β = (√κ − 1)/(√κ + 1); x* = A⁻¹b, V* = c − ½bᵀx*. When A is not positive definite these
 * quantities do not exist and the accessors return empty optionals (never NaN or ∞).
 *
 * <p>Arrays are copied on the way in and out.
 *
 * <p>References: B. T. Polyak, <i>Introduction to Optimization</i>, Optimization Software 1987, §1.4 and §3.2;
 * Yu. Nesterov, <i>Lectures on Convex Optimization</i>, 2nd ed., Springer 2018, §2.1.5 and §2.2;
 * J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006, Theorem 3.3 and §5.1.
 *
 * @param hessian     A, symmetric
 * @param linear      b
 * @param constant    c
 * @param eigenvalues eigenvalues of A, ascending
 */
public record QuadraticAnalysis(double[][] hessian, double[] linear, double constant, double[] eigenvalues) {

    /** Relative distance to x* below which a tail measures only rounding. */
    private static final double ROUNDING_FLOOR = 1e-12;

    /** Eigenvalues closer than this (relative to max|λ|) count as one for the CG step bound. */
    private static final double DISTINCT_TOLERANCE = 1e-10;

    public QuadraticAnalysis {
        hessian = Vectors.copy(hessian);
        linear = linear.clone();
        eigenvalues = eigenvalues.clone();
    }

    /**
     * The analysis of f, or empty when f does not declare a constant Hessian.
     *
     * @throws CoreException if V, ∇V or ∇²V is not finite at 0
     */
    public static Optional<QuadraticAnalysis> of(ScalarField f) {
        if (!f.hasConstantHessian()) {
            return Optional.empty();
        }
        int n = f.dimension();
        double[] g = new double[n];
        double[][] h = new double[n][n];
        double c = f.hessian(new double[n], g, h);
        if (!Double.isFinite(c) || !Vectors.finite(g)) {
            throw new CoreException(CoreException.Kind.NUMERICAL, "V or its gradient is not finite at 0, so the quadratic form cannot be read off");
        }
        double[][] a = SymmetricEigen.symmetrise(h);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = -g[i];
        }
        return Optional.of(new QuadraticAnalysis(a, b, c, SymmetricEigen.of(a).values()));
    }

    @Override
    public double[][] hessian() {
        return Vectors.copy(hessian);
    }

    @Override
    public double[] linear() {
        return linear.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** n. */
    public int dimension() {
        return eigenvalues.length;
    }

    /** μ = λ₁. */
    public double smallestEigenvalue() {
        return eigenvalues[0];
    }

    /** L = λₙ. */
    public double largestEigenvalue() {
        return eigenvalues[eigenvalues.length - 1];
    }

    /** True when λ₁ &gt; 10⁻¹²·λₙ and λₙ &gt; 0: V then has a unique minimiser. */
    public boolean positiveDefinite() {
        double l = largestEigenvalue();
        return l > 0 && smallestEigenvalue() > SymmetricEigen.DEFINITENESS_TOLERANCE * l;
    }

    /** κ = L/μ, when A is positive definite. */
    public OptionalDouble conditionNumber() {
        return positiveDefinite() ? OptionalDouble.of(largestEigenvalue() / smallestEigenvalue()) : OptionalDouble.empty();
    }

    /** 2/L, the supremum of the stable gradient-descent steps, when A is positive definite. */
    public OptionalDouble maxStableStep() {
        return positiveDefinite() ? OptionalDouble.of(2 / largestEigenvalue()) : OptionalDouble.empty();
    }

    /** η* = 2/(μ + L), the gradient-descent step with the smallest contraction, when A is positive definite. */
    public OptionalDouble optimalStep() {
        return positiveDefinite() ? OptionalDouble.of(2 / (smallestEigenvalue() + largestEigenvalue()))
                : OptionalDouble.empty();
    }

    /** (κ − 1)/(κ + 1) = (L − μ)/(L + μ), the contraction of gradient descent at η*. */
    public OptionalDouble optimalContraction() {
        double l = largestEigenvalue();
        double m = smallestEigenvalue();
        return positiveDefinite() ? OptionalDouble.of((l - m) / (l + m)) : OptionalDouble.empty();
    }

    /** Heavy-ball α = 4/(√L + √μ)². */
    public OptionalDouble heavyBallStep() {
        if (!positiveDefinite()) {
            return OptionalDouble.empty();
        }
        double s = Math.sqrt(largestEigenvalue()) + Math.sqrt(smallestEigenvalue());
        return OptionalDouble.of(4 / (s * s));
    }

    /** Heavy-ball β = ((√κ − 1)/(√κ + 1))². */
    public OptionalDouble heavyBallMomentum() {
        OptionalDouble r = acceleratedRate();
        return r.isPresent() ? OptionalDouble.of(r.getAsDouble() * r.getAsDouble()) : r;
    }

    /**
     * (√κ − 1)/(√κ + 1) = (√L − √μ)/(√L + √μ): the rate of the optimally tuned heavy ball, Nesterov's
     * momentum coefficient and the Chebyshev rate of conjugate gradients.
     */
    public OptionalDouble acceleratedRate() {
        if (!positiveDefinite()) {
            return OptionalDouble.empty();
        }
        double sl = Math.sqrt(largestEigenvalue());
        double sm = Math.sqrt(smallestEigenvalue());
        return OptionalDouble.of((sl - sm) / (sl + sm));
    }

    /** Nesterov α = 1/L. */
    public OptionalDouble nesterovStep() {
        return positiveDefinite() ? OptionalDouble.of(1 / largestEigenvalue()) : OptionalDouble.empty();
    }

    /** Nesterov β = (√κ − 1)/(√κ + 1). */
    public OptionalDouble nesterovMomentum() {
        return acceleratedRate();
    }

    /** x* = A⁻¹b (Cholesky), when A is positive definite. */
    public Optional<double[]> minimizer() {
        if (!positiveDefinite()) {
            return Optional.empty();
        }
        // Definiteness was decided on the spectrum; no absolute threshold for Cholesky.
        CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian), 1e-12, 0.0);
        return Optional.of(chol.getSolver().solve(new ArrayRealVector(linear)).toArray());
    }

    /** V* = c − ½bᵀx*, when A is positive definite. */
    public OptionalDouble minimumValue() {
        return minimizer().map(x -> OptionalDouble.of(constant - 0.5 * Vectors.dot(linear, x)))
                .orElse(OptionalDouble.empty());
    }

    /**
     * The number of distinct eigenvalues of A (within 10⁻¹⁰·max|λ|): linear conjugate gradients reach x*
     * in at most this many steps in exact arithmetic (≤ n).
     */
    public int distinctEigenvalues() {
        double tol = DISTINCT_TOLERANCE * Math.max(Math.abs(smallestEigenvalue()), Math.abs(largestEigenvalue()));
        int count = 1;
        for (int i = 1; i < eigenvalues.length; i++) {
            if (eigenvalues[i] - eigenvalues[i - 1] > tol) {
                count++;
            }
        }
        return count;
    }

    /**
     * The asymptotic contraction factor of ‖x_k − x*‖ per step predicted for a method, identified by its
     * {@link DescentMethod#algorithm()} and {@link DescentMethod#parameters()}:
     * <ul>
     *   <li>gd with step η: the spectral radius max|1 − ηλᵢ| of I − ηA (&gt; 1 means divergence);</li>
     *   <li>heavy-ball with α, β: the spectral radius of the 2n × 2n iteration matrix [[(1+β)I − αA, −βI], [I, 0]],
     *       from the roots of z² − (1 + β − αλ)z + β per eigenvalue;</li>
     *   <li>nesterov with α, β: the spectral radius of its iteration, from the roots of
     *       z² − (1 + β)(1 − αλ)z + β(1 − αλ) per eigenvalue;</li>
     *   <li>steepest: the worst case (κ − 1)/(κ + 1) (per step in the A-norm; the energy V − V* by its square);</li>
     *   <li>cg: the Chebyshev bound (√κ − 1)/(√κ + 1); in exact arithmetic it terminates after at most
     *       {@link #distinctEigenvalues()} steps;</li>
     *   <li>newton: 0 (one step).</li>
     * </ul>
     * Empty for gd-armijo (its step depends on the start), for steepest, cg and newton when A is not
     * positive definite, and when a needed parameter ("step", "momentum") is missing.
     */
    public OptionalDouble predictedRate(DescentMethod method) {
        Map<String, Double> p = method.parameters();
        boolean hasStep = p.containsKey("step");
        boolean hasMomentum = p.containsKey("momentum");
        DescentAlgorithm algorithm = method.algorithm();
        if ((algorithm.takesStep() && algorithm != DescentAlgorithm.ARMIJO && !hasStep)
                || (algorithm.takesMomentum() && !hasMomentum)) {
            return OptionalDouble.empty();
        }
        switch (algorithm) {
            case GRADIENT_DESCENT: {
                double eta = p.get("step");
                double rho = 0;
                for (double lambda : eigenvalues) {
                    rho = Math.max(rho, Math.abs(1 - eta * lambda));
                }
                return OptionalDouble.of(rho);
            }
            case HEAVY_BALL: {
                double alpha = p.get("step");
                double beta = p.get("momentum");
                double rho = 0;
                for (double lambda : eigenvalues) {
                    rho = Math.max(rho, largestRoot(1 + beta - alpha * lambda, beta));
                }
                return OptionalDouble.of(rho);
            }
            case NESTEROV: {
                double alpha = p.get("step");
                double beta = p.get("momentum");
                double rho = 0;
                for (double lambda : eigenvalues) {
                    double q = 1 - alpha * lambda;
                    rho = Math.max(rho, largestRoot((1 + beta) * q, beta * q));
                }
                return OptionalDouble.of(rho);
            }
            case STEEPEST:
                return optimalContraction();
            case CONJUGATE_GRADIENT:
                return acceleratedRate();
            case NEWTON:
                return positiveDefinite() ? OptionalDouble.of(0.0) : OptionalDouble.empty();
            default:
                return OptionalDouble.empty();
        }
    }

    /**
     * max |z| over the roots of z² − s z + p = 0. A discriminant within rounding of 0 is taken as 0: at the
     * optimal parameters the roots coincide (a Jordan block), and √(rounding) would otherwise show as an
     * error of order 10⁻⁸ in the rate.
     */
    private static double largestRoot(double s, double p) {
        double disc = s * s - 4 * p;
        if (Math.abs(disc) <= 1e-14 * (s * s + 4 * Math.abs(p))) {
            disc = 0;
        }
        if (disc < 0) {
            return Math.sqrt(p);
        }
        return (Math.abs(s) + Math.sqrt(disc)) / 2;
    }

    /**
     * The measured contraction towards the minimiser x* over the second half of a run's trajectory, when there is a
     * minimiser and something to measure: empty for fewer than 2 steps, for a trajectory that is not complete, and
     * when the tail already sits at x* within rounding (‖x_m − x*‖ ≤ 10⁻¹² max(1, ‖x*‖): such a tail measures nothing
     * but floating point).
     */
    public OptionalDouble measuredRate(Trajectory trajectory) {
        Optional<double[]> xStar = minimizer();
        if (xStar.isEmpty() || trajectory.iterations() < 2 || !trajectory.complete()) {
            return OptionalDouble.empty();
        }
        double[] target = xStar.get();
        double first = Vectors.distance(trajectory.point(trajectory.iterations() / 2), target);
        if (!(first > ROUNDING_FLOOR * Math.max(1, Vectors.norm(target)))) {
            return OptionalDouble.empty();
        }
        double rate = measuredRate(trajectory, target);
        return Double.isFinite(rate) ? OptionalDouble.of(rate) : OptionalDouble.empty();
    }

    /**
     * The measured contraction per step over the second half of the trajectory,
     * (‖x_K − x*‖ / ‖x_m − x*‖)^{1/(K−m)} with m = ⌊K/2⌋: the geometric mean of the ratios
     * ‖x_{k+1} − x*‖ / ‖x_k − x*‖ over that tail.
     *
     * @throws IllegalArgumentException if the trajectory has fewer than 2 steps
     * @throws CoreException (numerical) if x_m = x* already
     */
    public static double measuredRate(Trajectory trajectory, double[] limit) {
        int k = trajectory.iterations();
        return measuredRate(trajectory, limit, k / 2, k);
    }

    /**
     * (‖x_to − x*‖ / ‖x_from − x*‖)^{1/(to − from)}, the geometric mean of the per-step ratios between from and to.
     *
     * @throws IllegalArgumentException if not 0 ≤ from &lt; to ≤ K, the dimension differs, or the trajectory
     *                                  is not complete
     * @throws CoreException (numerical) if x_from = x*
     */
    public static double measuredRate(Trajectory trajectory, double[] limit, int from, int to) {
        if (!trajectory.complete()) {
            throw new IllegalArgumentException("measured rate needs every iterate; the trajectory holds "
                    + trajectory.size() + " of " + (trajectory.iterations() + 1));
        }
        if (from < 0 || from >= to || to > trajectory.iterations()) {
            throw new IllegalArgumentException("measured rate needs 0 <= from < to <= " + trajectory.iterations()
                    + ", got from " + from + ", to " + to);
        }
        if (limit.length != trajectory.dimension()) {
            throw new IllegalArgumentException("limit point has " + limit.length + " coordinates, the trajectory "
                    + trajectory.dimension());
        }
        double first = Vectors.distance(trajectory.point(from), limit);
        double last = Vectors.distance(trajectory.point(to), limit);
        if (first == 0) {
            throw new CoreException(CoreException.Kind.NUMERICAL, "iterate " + from + " is already at the limit; there is no rate to measure");
        }
        return Math.pow(last / first, 1.0 / (to - from));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuadraticAnalysis q && java.util.Arrays.deepEquals(hessian, q.hessian)
                && java.util.Arrays.equals(linear, q.linear) && Double.compare(constant, q.constant) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(hessian) * 31 + java.util.Arrays.hashCode(linear);
    }

    @Override
    public String toString() {
        return "QuadraticAnalysis[n=" + dimension() + ", eigenvalues " + smallestEigenvalue() + " .. "
                + largestEigenvalue() + ", positive definite " + positiveDefinite() + "]";
    }
}
