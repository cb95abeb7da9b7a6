package org.fallline.physics.flow;

import org.hipparchus.complex.Complex;
import org.hipparchus.ode.nonstiff.ButcherArrayProvider;

/**
 * The linear stability of an explicit Runge–Kutta method with Butcher array (A, b): applied to
 * y' = μy with step h it multiplies y by R(z), z = hμ, where R(z) = 1 + z bᵀ(I − zA)⁻¹𝟙 (a polynomial,
 * A being strictly lower triangular). A step is stable for the mode μ when |R(hμ)| ≤ 1.
 *
 * <p>The real-axis stability radius r is the largest r with |R(−x)| ≤ 1 for 0 ≤ x ≤ r; for a gradient
 * flow on a quadratic (Jacobian −A, eigenvalues −λᵢ) a step is stable iff h·λmax ≤ r.
 *
 * <p>Reference: E. Hairer and G. Wanner, <i>Solving Ordinary Differential Equations II</i>, 2nd ed.,
 * Springer 1996, §IV.2.
 */
public final class StabilityRegion {

    /** Relative slack on |R| = 1, for rounding in the evaluation of R. */
    private static final double SLACK = 1e-12;
    /** Explicit methods of order ≤ 8 are unstable beyond |z| = 10. */
    private static final double FAR = 10;
    private static final int SCAN = 4000;

    private final double[][] a;
    private final double[] b;

    private StabilityRegion(double[][] a, double[] b) {
        this.a = a;
        this.b = b;
    }

    /** The stability function of the method's array. */
    public static StabilityRegion of(ButcherArrayProvider method) {
        return new StabilityRegion(method.getA(), method.getB());
    }

    /** R(z) = 1 + z Σ bᵢkᵢ with kᵢ = 1 + z Σ_{j&lt;i} aᵢⱼkⱼ (the stages on y' = y, y = 1, h = z). */
    public Complex amplification(Complex z) {
        int s = b.length;
        Complex[] k = new Complex[s];
        Complex sum = Complex.ZERO;
        for (int i = 0; i < s; i++) {
            Complex ki = Complex.ONE;
            // Hipparchus stores the rows of A from the second stage on: a[i-1][j], j < i
            for (int j = 0; j < i; j++) {
                ki = ki.add(z.multiply(k[j]).multiply(a[i - 1][j]));
            }
            k[i] = ki;
            sum = sum.add(ki.multiply(b[i]));
        }
        return Complex.ONE.add(z.multiply(sum));
    }

    /** True when |R(z)| ≤ 1 (to rounding). */
    public boolean stable(Complex z) {
        return amplification(z).norm() <= 1 + SLACK;
    }

    /** r: the first x &gt; 0 with |R(−x)| &gt; 1, to 1e-12. */
    public double realAxisRadius() {
        return largestStableStep(new Complex(-1, 0));
    }

    /**
     * The largest h with |R(h'μ)| ≤ 1 for every 0 &lt; h' ≤ h, for a decaying mode μ (Re μ &lt; 0); 0 when the
     * method is unstable for every small step (Euler on an undamped oscillation, μ imaginary).
     */
    public double largestStableStep(Complex mu) {
        double scale = FAR / mu.norm();
        double previous = 0;
        for (int i = 1; i <= SCAN; i++) {
            double h = scale * i / SCAN;
            if (!stable(mu.multiply(h))) {
                return bisect(mu, previous, h);
            }
            previous = h;
        }
        return scale;
    }

    private double bisect(Complex mu, double lo, double hi) {
        while (hi - lo > 1e-13 * hi) {
            double mid = 0.5 * (lo + hi);
            if (stable(mu.multiply(mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
