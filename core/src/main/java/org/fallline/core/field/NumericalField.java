package org.fallline.core.field;

import org.fallline.core.CoreException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.fallline.core.internal.Richardson;

/**
 * A scalar field given as a Java function, with its gradient and Hessian estimated numerically,
 * together with an estimate of their error.
 *
 * <p>First derivatives are central differences (V(x + hₖeᵢ) − V(x − hₖeᵢ)) / 2hₖ, second
 * derivatives the central second differences (V(x + hₖeᵢ) − 2V(x) + V(x − hₖeᵢ)) / hₖ² and
 * (V(x + hₖeᵢ + hₖeⱼ) − V(x + hₖeᵢ − hₖeⱼ) − V(x − hₖeᵢ + hₖeⱼ) + V(x − hₖeᵢ − hₖeⱼ)) / 4hₖ²
 * (with a step per coordinate). Their error is a series in even powers of the step, which
 * Richardson extrapolation on a tableau of ten step halvings removes term by term; Ridders'
 * comparison of neighbouring tableau entries gives the error estimate (C. J. F. Ridders, <i>Adv.
 * Eng. Software</i> 4 (1982) 75; Press et al., <i>Numerical Recipes</i>, 3rd ed., §5.7). The
 * smallest step is the one that balances truncation against rounding for a single difference,
 * hᵢ = ε^{1/3}·max(1, |xᵢ|) for first derivatives and ε^{1/4}·max(1, |xᵢ|) for second ones (ε the
 * machine epsilon); the tableau starts 2⁹ times larger and halves down to it, keeping the entry with
 * the smallest estimated error. The error reported adds to Ridders' estimate a bound on the
 * rounding error of the differences (4σ / step for first derivatives, 16σ / step² and
 * 4σ / (stepᵢ·stepⱼ) for second ones), so that it is not optimistic where rounding dominates; σ,
 * the noise in the values of V, is the larger of ε·max|V| and the noise level measured from high-order
 * differences of V at small steps (Moré and Wild, <i>SIAM J. Sci. Comput.</i> 33 (2011) 1292).
 * Finally no error is reported below ε^{2/3} (about 4·10⁻¹¹) relative to the estimate: values
 * computed with cancellation (log(1 + u) for tiny u, cos near π/2) carry errors that no estimate
 * from the values themselves can see, and this is the accuracy of a plain central difference.
 *
 * <p>The function is called on a scratch array that it must not keep; it need not be thread-safe
 * unless the field is used from several threads. Where the function is not finite the estimates
 * are NaN (through the {@link ScalarField} methods) or the estimation fails with a
 * {@link CoreException} (through {@link #gradientWithError} and {@link #hessianWithError}).
 */
public final class NumericalField implements ScalarField {

    private static final double EPSILON = Math.ulp(1.0);
    /** Number of step halvings in the Richardson tableau. */
    private static final int LEVELS = 10;
    private static final double FIRST_STEP = Math.cbrt(EPSILON) * Math.pow(2, LEVELS - 1);
    private static final double SECOND_STEP = Math.pow(EPSILON, 0.25) * Math.pow(2, LEVELS - 1);
    /**
     * Floor on the relative error reported, ε^{2/3}: the accuracy of a plain central difference at its
     * best step, all that can be promised for a function whose computed values carry errors beyond
     * ε·|V| (cancellation) that escape the noise estimate.
     */
    private static final double RELATIVE_FLOOR = Math.pow(EPSILON, 2.0 / 3.0);
    /** Safety factor on the rounding error bound. */
    private static final double ROUNDING = 4.0;

    private final List<String> variables;
    private final ToDoubleFunction<double[]> function;

    /**
     * The gradient estimate and its error estimate, coordinate by coordinate.
     *
     * @param gradient the estimate of ∇V
     * @param error    the estimated absolute error of each component
     */
    public record Estimate(double[] gradient, double[] error) {
        public Estimate {
            gradient = gradient.clone();
            error = error.clone();
        }

        @Override
        public double[] gradient() {
            return gradient.clone();
        }

        @Override
        public double[] error() {
            return error.clone();
        }
    }

    /**
     * The Hessian estimate and its error estimate, entry by entry (both symmetric).
     *
     * @param hessian the estimate of ∇²V
     * @param error   the estimated absolute error of each entry
     */
    public record HessianEstimate(double[][] hessian, double[][] error) {
        public HessianEstimate {
            hessian = copy(hessian);
            error = copy(error);
        }

        @Override
        public double[][] hessian() {
            return copy(hessian);
        }

        @Override
        public double[][] error() {
            return copy(error);
        }
    }

    private NumericalField(List<String> variables, ToDoubleFunction<double[]> function) {
        this.variables = variables;
        this.function = function;
    }

    /** The field V = f over the named variables. */
    public static NumericalField of(List<String> variables, ToDoubleFunction<double[]> f) {
        Objects.requireNonNull(f, "f");
        List<String> names = List.copyOf(variables);
        if (names.stream().distinct().count() != names.size()) {
            throw new CoreException("a variable is named twice in " + names);
        }
        return new NumericalField(names, f);
    }

    /** The field V = f over n variables named x1, …, xn. */
    public static NumericalField of(int n, ToDoubleFunction<double[]> f) {
        if (n < 0) {
            throw new CoreException("the number of variables must be ≥ 0, not " + n);
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("x" + i);
        }
        return of(names, f);
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public double value(double[] x) {
        check(x);
        return function.applyAsDouble(x.clone());
    }

    @Override
    public double gradient(double[] x, double[] gradient) {
        check(x);
        double[][] r = gradientAndError(x);
        System.arraycopy(r[0], 0, gradient, 0, gradient.length);
        return r[2][0];
    }

    @Override
    public double hessian(double[] x, double[] gradient, double[][] hessian) {
        check(x);
        double[][] r = gradientAndError(x);
        System.arraycopy(r[0], 0, gradient, 0, gradient.length);
        double[][][] h = hessianAndError(x, r[2][0]);
        for (int i = 0; i < hessian.length; i++) {
            System.arraycopy(h[0][i], 0, hessian[i], 0, hessian[i].length);
        }
        return r[2][0];
    }

    /**
     * ∇V(x) by extrapolated central differences, with the estimated error of each component.
     *
     * @throws CoreException if V is not finite at x or nearby, so that a derivative cannot be estimated
     */
    public Estimate gradientWithError(double[] x) {
        check(x);
        double[][] r = gradientAndError(x);
        for (int i = 0; i < x.length; i++) {
            requireFinite(r[0][i], r[1][i], "∂V/∂" + variables.get(i), x);
        }
        return new Estimate(r[0], r[1]);
    }

    /**
     * ∇²V(x) by extrapolated central second differences, with the estimated error of each entry.
     *
     * @throws CoreException if V is not finite at x or nearby, so that a derivative cannot be estimated
     */
    public HessianEstimate hessianWithError(double[] x) {
        check(x);
        double[][][] h = hessianAndError(x, function.applyAsDouble(x.clone()));
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j <= i; j++) {
                requireFinite(h[0][i][j], h[1][i][j],
                        "∂²V/∂" + variables.get(i) + "∂" + variables.get(j), x);
            }
        }
        return new HessianEstimate(h[0], h[1]);
    }

    // ---- machinery ------------------------------------------------------------------------------

    /** {gradient, error, {V(x)}}. */
    private double[][] gradientAndError(double[] x) {
        int n = x.length;
        double[] gradient = new double[n];
        double[] error = new double[n];
        double[] work = new double[n];
        double fx = function.applyAsDouble(x.clone());
        for (int i = 0; i < n; i++) {
            final int index = i;
            final double h0 = FIRST_STEP * Math.max(1.0, Math.abs(x[i]));
            final double[] scale = {finite(fx)};
            final double noise = noise(x, work, i, fx);
            double[] r = Richardson.extrapolate(t -> {
                double h = exactStep(x[index], t * h0);
                double up = at(x, work, index, h);
                double down = at(x, work, index, -h);
                scale[0] = Math.max(scale[0], Math.max(finite(up), finite(down)));
                return (up - down) / (2.0 * h);
            }, t -> ROUNDING * Math.max(EPSILON * scale[0], noise) / (t * h0), LEVELS);
            gradient[i] = r[0];
            error[i] = Math.max(r[1], RELATIVE_FLOOR * Math.abs(r[0]));
        }
        return new double[][] {gradient, error, {fx}};
    }

    /** {hessian, error}, given V(x). */
    private double[][][] hessianAndError(double[] x, double fx) {
        int n = x.length;
        double[][] hessian = new double[n][n];
        double[][] error = new double[n][n];
        double[] work = new double[n];
        double[] h0 = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            h0[i] = SECOND_STEP * Math.max(1.0, Math.abs(x[i]));
            noise[i] = noise(x, work, i, fx);
        }
        for (int i = 0; i < n; i++) {
            final int a = i;
            final double[] scale = {finite(fx)};
            double[] r = Richardson.extrapolate(t -> {
                double h = exactStep(x[a], t * h0[a]);
                double up = at(x, work, a, h);
                double down = at(x, work, a, -h);
                scale[0] = Math.max(scale[0], Math.max(finite(up), finite(down)));
                return (up - 2.0 * fx + down) / (h * h);
            }, t -> 4.0 * ROUNDING * Math.max(EPSILON * scale[0], noise[a]) / (t * h0[a] * t * h0[a]), LEVELS);
            hessian[i][i] = r[0];
            error[i][i] = Math.max(r[1], RELATIVE_FLOOR * Math.abs(r[0]));
            for (int j = 0; j < i; j++) {
                final int b = j;
                final double[] scale2 = {finite(fx)};
                double[] s = Richardson.extrapolate(t -> {
                    double ha = exactStep(x[a], t * h0[a]);
                    double hb = exactStep(x[b], t * h0[b]);
                    double pp = at(x, work, a, ha, b, hb);
                    double pm = at(x, work, a, ha, b, -hb);
                    double mp = at(x, work, a, -ha, b, hb);
                    double mm = at(x, work, a, -ha, b, -hb);
                    scale2[0] = Math.max(scale2[0], Math.max(Math.max(finite(pp), finite(pm)),
                            Math.max(finite(mp), finite(mm))));
                    return (pp - pm - mp + mm) / (4.0 * ha * hb);
                }, t -> ROUNDING * Math.max(EPSILON * scale2[0], Math.max(noise[a], noise[b]))
                        / (t * h0[a] * t * h0[b]), LEVELS);
                hessian[i][j] = s[0];
                hessian[j][i] = s[0];
                error[i][j] = Math.max(s[1], RELATIVE_FLOOR * Math.abs(s[0]));
                error[j][i] = error[i][j];
            }
        }
        return new double[][][] {hessian, error};
    }

    /**
     * The level σ of rounding noise in V near x along coordinate i, estimated as in J. J. Moré and
     * S. M. Wild, "Estimating computational noise", <i>SIAM J. Sci. Comput.</i> 33 (2011) 1292–1314:
     * values at nine points x + kδeᵢ (k = −4 … 4, δ = 10⁻⁷·max(1, |xᵢ|)) whose smooth part is nearly a
     * polynomial of low degree, so that their k-th differences Δᵏ for k = 4, 5, 6 hold noise only;
     * σₖ² = γₖ·mean((Δᵏ)²) with γₖ = (k!)² / (2k)!, and σ is the largest of the three. V can be much
     * noisier than ε·|V| (log(1 + u) for small u, say), which a bound in ε·|V| alone would miss.
     */
    private double noise(double[] x, double[] work, int i, double fx) {
        double delta = 1e-7 * Math.max(1.0, Math.abs(x[i]));
        double[] d = new double[9];
        for (int k = -4; k <= 4; k++) {
            d[k + 4] = k == 0 ? fx : at(x, work, i, exactStep(x[i], k * delta));
            if (!Double.isFinite(d[k + 4])) {
                return 0.0;
            }
        }
        double gamma = 1.0;
        double sigma = 0.0;
        for (int k = 1, length = 9; k <= 6; k++) {
            length--;
            double sum = 0.0;
            for (int j = 0; j < length; j++) {
                d[j] = d[j + 1] - d[j];
                sum += d[j] * d[j];
            }
            gamma *= k / (2.0 * (2 * k - 1));
            if (k >= 4) {
                sigma = Math.max(sigma, Math.sqrt(gamma * sum / length));
            }
        }
        return sigma;
    }

    /** |v|, or 0 for a value that is not finite (those steps are dropped by the extrapolation). */
    private static double finite(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0.0;
    }

    /** A step close to h for which x + h − x is exactly h, so that the quotient divides by the true step. */
    private static double exactStep(double x, double h) {
        double moved = x + h;
        return moved - x;
    }

    private double at(double[] x, double[] work, int i, double hi) {
        System.arraycopy(x, 0, work, 0, x.length);
        work[i] += hi;
        return function.applyAsDouble(work);
    }

    private double at(double[] x, double[] work, int i, double hi, int j, double hj) {
        System.arraycopy(x, 0, work, 0, x.length);
        work[i] += hi;
        work[j] += hj;
        return function.applyAsDouble(work);
    }

    private void requireFinite(double estimate, double error, String what, double[] x) {
        if (!Double.isFinite(estimate) || Double.isNaN(error)) {
            throw new CoreException(CoreException.Kind.NUMERICAL, "cannot estimate " + what + " at " + Arrays.toString(x)
                    + ": the function is not finite there or nearby");
        }
    }

    private void check(double[] x) {
        if (x.length != variables.size()) {
            throw new CoreException("the point has " + x.length + " coordinates; the field has "
                    + variables.size() + " variables");
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
