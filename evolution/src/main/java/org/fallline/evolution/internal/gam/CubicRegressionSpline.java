package org.fallline.evolution.internal.gam;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.fallline.evolution.internal.Resampler;

/**
 * The cubic regression spline basis of mgcv's {@code bs = "cr"} (Wood 2017, <i>Generalized Additive
 * Models</i>, 2nd ed., §5.3.1): a natural cubic spline with knots x<sub>1</sub> &lt; … &lt; x<sub>q</sub>
 * parametrised by its values β<sub>j</sub> = f(x<sub>j</sub>). With h<sub>j</sub> = x<sub>j+1</sub> − x<sub>j</sub>,
 * the (q − 2) × q matrix D (D<sub>i,i</sub> = 1/h<sub>i</sub>, D<sub>i,i+1</sub> = −1/h<sub>i</sub> − 1/h<sub>i+1</sub>,
 * D<sub>i,i+2</sub> = 1/h<sub>i+1</sub>) and the symmetric tridiagonal B (B<sub>i,i</sub> = (h<sub>i</sub> + h<sub>i+1</sub>)/3,
 * B<sub>i,i+1</sub> = h<sub>i+1</sub>/6), the second derivatives at the knots are δ = Fβ with F = [0; B⁻¹D; 0]
 * and on [x<sub>j</sub>, x<sub>j+1</sub>]
 * <pre>
 *   f(x) = a⁻β<sub>j</sub> + a⁺β<sub>j+1</sub> + c⁻δ<sub>j</sub> + c⁺δ<sub>j+1</sub>,
 *   a⁻ = (x<sub>j+1</sub> − x)/h, a⁺ = (x − x<sub>j</sub>)/h, c⁻ = ((x<sub>j+1</sub> − x)³/h − h(x<sub>j+1</sub> − x))/6, c⁺ = ((x − x<sub>j</sub>)³/h − h(x − x<sub>j</sub>))/6.
 * </pre>
 * The penalty ∫f″² = βᵀSβ has S = DᵀB⁻¹D exactly; its null space is the straight lines. Outside the knots
 * the spline continues as the straight line of its end value and slope (f″ = 0 there, as mgcv predicts).
 * Knots are placed as mgcv places them: at the type-7 quantiles of the distinct values of the variable.
 */
public final class CubicRegressionSpline {

    private final double[] knots;
    private final double[] h;
    /** F, q × q, row j the second derivative at knot j as a combination of β. */
    private final double[][] f;
    private final double[][] penalty;

    private CubicRegressionSpline(double[] knots) {
        this.knots = knots;
        int q = knots.length;
        h = new double[q - 1];
        for (int j = 0; j < q - 1; j++) {
            h[j] = knots[j + 1] - knots[j];
        }
        double[][] d = new double[q - 2][q];
        double[][] b = new double[q - 2][q - 2];
        for (int i = 0; i < q - 2; i++) {
            d[i][i] = 1 / h[i];
            d[i][i + 1] = -1 / h[i] - 1 / h[i + 1];
            d[i][i + 2] = 1 / h[i + 1];
            b[i][i] = (h[i] + h[i + 1]) / 3;
            if (i + 1 < q - 2) {
                b[i][i + 1] = h[i + 1] / 6;
                b[i + 1][i] = h[i + 1] / 6;
            }
        }
        RealMatrix dm = new Array2DRowRealMatrix(d, false);
        RealMatrix bInvD = new CholeskyDecomposition(new Array2DRowRealMatrix(b, false)).getSolver().solve(dm);
        f = new double[q][q];
        for (int i = 0; i < q - 2; i++) {
            f[i + 1] = bInvD.getRow(i);
        }
        RealMatrix s = dm.transpose().multiply(bInvD);
        penalty = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                penalty[i][j] = 0.5 * (s.getEntry(i, j) + s.getEntry(j, i));
            }
        }
    }

    /**
     * The basis of dimension {@code q} for the values {@code x}, knots at the quantiles of their distinct values.
     *
     * @throws IllegalArgumentException when x has fewer than q distinct values or q &lt; 3 (the caller names the trait)
     */
    public static CubicRegressionSpline of(double[] x, int q) {
        if (q < 3) {
            throw new IllegalArgumentException("a cubic regression spline needs at least 3 knots, got " + q);
        }
        double[] u = distinct(x);
        if (u.length < q) {
            throw new IllegalArgumentException(u.length + " distinct values, fewer than the " + q + " knots");
        }
        double[] k = new double[q];
        for (int j = 0; j < q; j++) {
            k[j] = Resampler.quantile(u, j / (double) (q - 1));
        }
        return new CubicRegressionSpline(k);
    }

    /** The number of distinct values of x. */
    public static int distinctCount(double[] x) {
        return distinct(x).length;
    }

    private static double[] distinct(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[m - 1]) {
                s[m++] = s[i];
            }
        }
        return Arrays.copyOf(s, m);
    }

    /** The basis dimension q. */
    public int dimension() {
        return knots.length;
    }

    public double[] knots() {
        return knots.clone();
    }

    /** S = DᵀB⁻¹D (a copy). */
    public double[][] penalty() {
        double[][] c = new double[penalty.length][];
        for (int i = 0; i < penalty.length; i++) {
            c[i] = penalty[i].clone();
        }
        return c;
    }

    /**
     * Fills {@code out} (length q) with the basis functions' {@code order}-th derivative (0, 1 or 2) at x.
     */
    public void evaluate(double x, int order, double[] out) {
        int q = knots.length;
        Arrays.fill(out, 0.0);
        if (x < knots[0] || x > knots[q - 1]) {
            extrapolate(x, order, out);
            return;
        }
        int j = Arrays.binarySearch(knots, x);
        if (j < 0) {
            j = -j - 2;
        }
        j = Math.min(j, q - 2);
        double hj = h[j];
        double am = knots[j + 1] - x;
        double ap = x - knots[j];
        double wm;
        double wp;
        double cm;
        double cp;
        switch (order) {
            case 0 -> {
                wm = am / hj;
                wp = ap / hj;
                cm = (am * am * am / hj - hj * am) / 6;
                cp = (ap * ap * ap / hj - hj * ap) / 6;
            }
            case 1 -> {
                wm = -1 / hj;
                wp = 1 / hj;
                cm = (-3 * am * am / hj + hj) / 6;
                cp = (3 * ap * ap / hj - hj) / 6;
            }
            case 2 -> {
                wm = 0;
                wp = 0;
                cm = am / hj;
                cp = ap / hj;
            }
            default -> throw new IllegalArgumentException("derivative order " + order);
        }
        out[j] += wm;
        out[j + 1] += wp;
        double[] fm = f[j];
        double[] fp = f[j + 1];
        for (int c = 0; c < q; c++) {
            out[c] += cm * fm[c] + cp * fp[c];
        }
    }

    /** Beyond an end knot: value and slope of the end, continued as a straight line. */
    private void extrapolate(double x, int order, double[] out) {
        int q = knots.length;
        boolean low = x < knots[0];
        double end = low ? knots[0] : knots[q - 1];
        double[] slope = new double[q];
        evaluate(end, 1, slope);
        if (order == 2) {
            return;
        }
        if (order == 1) {
            System.arraycopy(slope, 0, out, 0, q);
            return;
        }
        evaluate(end, 0, out);
        double dx = x - end;
        for (int c = 0; c < q; c++) {
            out[c] += dx * slope[c];
        }
    }
}
