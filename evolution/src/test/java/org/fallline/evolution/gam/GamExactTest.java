package org.fallline.evolution.gam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Exact properties of the penalised spline fits: the penalty's null space, reproduction, convergence, derivatives. */
class GamExactTest {

    private static double[][] uniform(int n, int k, long seed) {
        Random r = new Random(seed);
        double[][] z = new double[n][k];
        for (double[] row : z) {
            for (int j = 0; j < k; j++) {
                row[j] = -2 + 4 * r.nextDouble();
            }
        }
        return z;
    }

    /** Least-squares fitted values of y on the columns of x (commons-math Householder QR). */
    private static double[] leastSquares(double[][] x, double[] y) {
        RealMatrix a = new Array2DRowRealMatrix(x);
        double[] b = new QRDecomposition(a).getSolver().solve(new ArrayRealVector(y)).toArray();
        return a.operate(b);
    }

    /**
     * λ → ∞ leaves only the penalty's null space: straight lines for s(z, "cr") and the bilinear functions
     * a + bz₁ + cz₂ + dz₁z₂ (linear ⊗ linear) for te(z1, z2). The distance from the limit is O(1/λ): at λ = 1e12
     * (penalties scaled to ‖X‖∞², n = 300) it is below 1e-8 of the fitted values.
     */
    @Test
    void infiniteSmoothingGivesThePenaltyNullSpaceFit() {
        double[][] z = uniform(300, 2, 1);
        Random r = new Random(2);
        double[] y = new double[z.length];
        double[][] line = new double[z.length][];
        double[][] bilinear = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            y[i] = Math.sin(2 * z[i][0]) + z[i][1] * z[i][1] + 0.3 * r.nextGaussian();
            line[i] = new double[] {1, z[i][0]};
            bilinear[i] = new double[] {1, z[i][0], z[i][1], z[i][0] * z[i][1]};
        }
        double[][] z1 = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            z1[i] = new double[] {z[i][0]};
        }
        FittedGam s = Gam.fit(List.of("a"), z1, y, GamFamily.GAUSSIAN, GamOptions.defaults().withSmoothingParameters(1e12));
        assertFitted(leastSquares(line, y), s.fittedValues(), 1e-8);
        assertEquals(2, s.edf(), 1e-8, "edf of the straight line");
        FittedGam te = Gam.fit(List.of("a", "b"), z, y, GamFamily.GAUSSIAN,
                GamOptions.defaults().withSmoothingParameters(1e12, 1e12));
        assertFitted(leastSquares(bilinear, y), te.fittedValues(), 1e-8);
        assertEquals(4, te.edf(), 1e-8, "edf of the bilinear surface");
    }

    private static void assertFitted(double[] expected, double[] actual, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * (1 + Math.abs(expected[i])), "fitted value " + i);
        }
    }

    /**
     * The cr basis is the natural cubic spline with its knots: data from the natural interpolating spline through
     * any values at those knots (commons-math's SplineInterpolator, an independent construction) are reproduced
     * as λ → 0, with the function's exact first and second derivatives — so the GAM gradients are the spline's.
     */
    @Test
    void reproducesANaturalCubicSplineWithItsDerivatives() {
        double[][] z = uniform(400, 1, 3);
        double[] probe = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            probe[i] = z[i][0];
        }
        // the knots the fit will place: build once with a throwaway response
        FittedGam knotsOnly = Gam.fit(List.of("a"), z, probe, GamFamily.GAUSSIAN,
                GamOptions.defaults().withSmoothingParameters(1));
        double[] knots = knotsOnly.knots(0)[0];
        Random r = new Random(4);
        double[] values = new double[knots.length];
        for (int j = 0; j < values.length; j++) {
            values[j] = r.nextGaussian();
        }
        PolynomialSplineFunction f = new SplineInterpolator().interpolate(knots, values);
        double[] y = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            y[i] = f.value(z[i][0]);
        }
        FittedGam g = Gam.fit(List.of("a"), z, y, GamFamily.GAUSSIAN, GamOptions.defaults().withSmoothingParameters(1e-12));
        for (double x = knots[0]; x <= knots[knots.length - 1]; x += 0.01) {
            double[] p = {x};
            assertEquals(f.value(x), g.fitness(p), 1e-9, "value at " + x);
            assertEquals(f.derivative().value(x), g.gradient(p)[0], 1e-8, "slope at " + x);
            assertEquals(f.polynomialSplineDerivative().derivative().value(x), g.hessian(p)[0][0], 1e-7,
                    "curvature at " + x);
        }
        // beyond the end knots the spline continues as its end tangent line (f'' = 0 there, as mgcv predicts)
        double end = knots[knots.length - 1];
        double slope = f.derivative().value(end);
        assertEquals(f.value(end) + 0.5 * slope, g.fitness(new double[] {end + 0.5}), 1e-9, "linear extrapolation");
        assertEquals(0, g.hessian(new double[] {end + 0.5})[0][0], 0, "no curvature beyond the knots");
    }

    /**
     * A quadratic fitness function W = 2 + 0.3z − 0.4z²/2 (no noise, Gaussian): its average derivatives are
     * β = mean(0.3 − 0.4z)/W̄ and γ = −0.4/W̄ exactly. A natural spline cannot bend at its end knots, so the spline's
     * gradients converge to the quadratic's only as the knots close in: f″ is wrong in a layer one knot interval wide
     * at each end, so the mean curvature's error is O(h), first order in the knot spacing — it must at least nearly
     * halve (factor 1.8) each time the basis dimension doubles (k = 5, 10, 20, 40); β's error is below 1e-3 at k = 40.
     */
    @Test
    void quadraticFitnessFunctionsAverageDerivativesAreRecovered() {
        double[][] z = uniform(2000, 1, 5);
        double[] y = new double[z.length];
        double wbar = 0;
        double slope = 0;
        for (int i = 0; i < z.length; i++) {
            double x = z[i][0];
            y[i] = 2 + 0.3 * x - 0.2 * x * x;
            wbar += y[i] / z.length;
            slope += (0.3 - 0.4 * x) / z.length;
        }
        double beta = slope / wbar;
        double gamma = -0.4 / wbar;
        double previous = Double.NaN;
        double betaError = Double.NaN;
        for (int q : new int[] {5, 10, 20, 40}) {
            FittedGam g = Gam.fit(List.of("a"), z, y, GamFamily.GAUSSIAN,
                    GamOptions.defaults().withSmoothDimension(q).withSmoothingParameters(1e-10));
            double[][] d = GamGradientsCheck.averageDerivatives(g, z);
            double err = Math.abs(d[1][0] - gamma);
            betaError = Math.abs(d[0][0] - beta);
            if (!Double.isNaN(previous)) {
                assertTrue(err < previous / 1.8, "k = " + q + ": gamma error " + err + " after " + previous);
            }
            previous = err;
        }
        assertTrue(betaError < 1e-3 * Math.abs(beta), "beta error " + betaError);
    }

    /** The exact gradient and Hessian of a te surface agree with central differences of its own values. */
    @Test
    void tensorDerivativesMatchDifferencesOfTheSurface() {
        MgcvCases.Case c = MgcvCases.load("neonatal_te");
        FittedGam g = Gam.fit(c.traits(), c.z(), c.y(), c.family(), GamOptions.defaults()
                .withSmoothingParameters(1.5449, 4.4067));
        double h = 1e-5;
        for (double[] p : new double[][] {{0.13, -0.27}, {-1.1, 0.6}, {2.3, 1.7}}) {
            double[] grad = g.gradient(p);
            double[][] hess = g.hessian(p);
            for (int a = 0; a < 2; a++) {
                double[] up = p.clone();
                double[] dn = p.clone();
                up[a] += h;
                dn[a] -= h;
                assertEquals((g.fitness(up) - g.fitness(dn)) / (2 * h), grad[a], 1e-8, "gradient " + a);
                double[] gu = g.gradient(up);
                double[] gd = g.gradient(dn);
                for (int b = 0; b < 2; b++) {
                    assertEquals((gu[b] - gd[b]) / (2 * h), hess[a][b], 1e-7, "hessian " + a + "," + b);
                }
            }
        }
    }
}
