package org.fallline.evolution.internal.gam;

import java.util.ArrayList;
import java.util.List;

/**
 * One smooth of the fitness function, as mgcv's {@code smoothCon} builds it: a cubic regression spline
 * of one variable ({@code s(z, bs = "cr")}) or the tensor product of such margins ({@code te(z1, z2, …)},
 * Wood 2017 §5.6.2). The tensor basis is the row-wise Kronecker product of the margins' bases and its
 * penalties are S<sub>j</sub> = I ⊗ … ⊗ S̃<sub>j</sub> ⊗ … ⊗ I, one per margin. Each penalty is first scaled to
 * ‖X‖<sub>∞</sub>²/‖S<sub>j</sub>‖<sub>1</sub>, as mgcv does (smoothing parameters then have mgcv's scale).
 *
 * <p>Identifiability: the sum-to-zero constraint 1ᵀXβ = 0 is absorbed as mgcv absorbs it, by the QR
 * factorisation of the constraint vector c = Xᵀ1: with the Householder reflection H (Hc ∝ e<sub>1</sub>),
 * Z = H[:, 2…] spans the coefficients that satisfy it, the basis becomes XZ and each penalty ZᵀS<sub>j</sub>Z.
 * H is applied as a reflection (O(p) per row), never formed.
 */
public final class SmoothTerm {

    private final int[] variables;
    private final CubicRegressionSpline[] margins;
    private final int raw;
    private final double[] v;
    private final double vv;
    private final List<double[][]> penalties;

    /**
     * Builds the smooth of columns {@code variables} of {@code z} (n × k), margins of dimension {@code q[m]}.
     *
     * @throws IllegalArgumentException naming the margin when a variable has fewer distinct values than knots
     */
    public SmoothTerm(double[][] z, int[] variables, int[] q) {
        this.variables = variables.clone();
        int d = variables.length;
        margins = new CubicRegressionSpline[d];
        int size = 1;
        int n = z.length;
        for (int m = 0; m < d; m++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = z[i][variables[m]];
            }
            margins[m] = CubicRegressionSpline.of(x, q[m]);
            size *= q[m];
        }
        raw = size;
        double[] c = new double[raw];
        double rowNorm = 0;
        double[] row = new double[raw];
        int[] zero = new int[d];
        double[][] work = workspace();
        for (double[] zi : z) {
            rawRow(zi, zero, work, row);
            double s = 0;
            for (int j = 0; j < raw; j++) {
                c[j] += row[j];
                s += Math.abs(row[j]);
            }
            rowNorm = Math.max(rowNorm, s);
        }
        double cn = 0;
        for (double x : c) {
            cn += x * x;
        }
        cn = Math.sqrt(cn);
        v = c.clone();
        v[0] += c[0] >= 0 ? cn : -cn;
        double s2 = 0;
        for (double x : v) {
            s2 += x * x;
        }
        vv = s2;
        penalties = new ArrayList<>(d);
        for (int m = 0; m < d; m++) {
            double[][] s = tensorPenalty(m);
            double one = 0;
            for (int b = 0; b < raw; b++) {
                double col = 0;
                for (int a = 0; a < raw; a++) {
                    col += Math.abs(s[a][b]);
                }
                one = Math.max(one, col);
            }
            double scale = rowNorm * rowNorm / one;
            penalties.add(constrain(s, scale));
        }
    }

    /** Columns of the constrained basis, p = Π q<sub>m</sub> − 1. */
    public int dimension() {
        return raw - 1;
    }

    /** The variables (columns of z) this smooth is a function of. */
    public int[] variables() {
        return variables.clone();
    }

    /** Whether the smooth depends on variable {@code t}; its margin index, or −1. */
    public int marginOf(int t) {
        for (int m = 0; m < variables.length; m++) {
            if (variables[m] == t) {
                return m;
            }
        }
        return -1;
    }

    /** The margins' knots, margin by margin. */
    public double[][] knots() {
        double[][] k = new double[margins.length][];
        for (int m = 0; m < margins.length; m++) {
            k[m] = margins[m].knots();
        }
        return k;
    }

    /** The constrained, scaled penalties, one per margin (p × p each; shared, do not modify). */
    public List<double[][]> penalties() {
        return penalties;
    }

    /** Per-margin buffers for {@link #row}. */
    public double[][] workspace() {
        double[][] w = new double[margins.length][];
        for (int m = 0; m < margins.length; m++) {
            w[m] = new double[margins[m].dimension()];
        }
        return w;
    }

    /**
     * Writes the constrained basis row at the point z (all k variables), differentiated {@code order[m]} times in
     * margin m's variable, into {@code out[offset … offset + p)}; {@code raw} is scratch of length Π q.
     */
    public void row(double[] z, int[] order, double[][] work, double[] raw, double[] out, int offset) {
        rawRow(z, order, work, raw);
        double dot = 0;
        for (int j = 0; j < this.raw; j++) {
            dot += v[j] * raw[j];
        }
        double f = 2 * dot / vv;
        for (int j = 1; j < this.raw; j++) {
            out[offset + j - 1] = raw[j] - f * v[j];
        }
    }

    /** Length of the scratch row for {@link #row}. */
    public int rawDimension() {
        return raw;
    }

    private void rawRow(double[] z, int[] order, double[][] work, double[] out) {
        int d = margins.length;
        for (int m = 0; m < d; m++) {
            margins[m].evaluate(z[variables[m]], order[m], work[m]);
        }
        // Kronecker product, first margin slowest.
        out[0] = 1;
        int len = 1;
        for (int m = 0; m < d; m++) {
            double[] b = work[m];
            int q = b.length;
            for (int a = len - 1; a >= 0; a--) {
                double x = out[a];
                for (int c = q - 1; c >= 0; c--) {
                    out[a * q + c] = x * b[c];
                }
            }
            len *= q;
        }
    }

    /** I ⊗ … ⊗ S̃<sub>m</sub> ⊗ … ⊗ I in the Kronecker order of {@link #rawRow}. */
    private double[][] tensorPenalty(int m) {
        double[][] sm = margins[m].penalty();
        int d = margins.length;
        int[] dims = new int[d];
        for (int l = 0; l < d; l++) {
            dims[l] = margins[l].dimension();
        }
        double[][] s = new double[raw][raw];
        int[] ia = new int[d];
        int[] ib = new int[d];
        for (int a = 0; a < raw; a++) {
            digits(a, dims, ia);
            for (int b = 0; b < raw; b++) {
                digits(b, dims, ib);
                boolean same = true;
                for (int l = 0; l < d && same; l++) {
                    same = l == m || ia[l] == ib[l];
                }
                if (same) {
                    s[a][b] = sm[ia[m]][ib[m]];
                }
            }
        }
        return s;
    }

    private static void digits(int a, int[] dims, int[] out) {
        for (int l = dims.length - 1; l >= 0; l--) {
            out[l] = a % dims[l];
            a /= dims[l];
        }
    }

    /** (H S H)[1…, 1…] times {@code scale}. */
    private double[][] constrain(double[][] s, double scale) {
        int r = raw;
        double[][] hs = new double[r][r];
        // H S: column by column, H x = x − 2v(vᵀx)/vᵀv
        for (int b = 0; b < r; b++) {
            double dot = 0;
            for (int a = 0; a < r; a++) {
                dot += v[a] * s[a][b];
            }
            double f = 2 * dot / vv;
            for (int a = 0; a < r; a++) {
                hs[a][b] = s[a][b] - f * v[a];
            }
        }
        double[][] out = new double[r - 1][r - 1];
        for (int a = 1; a < r; a++) {
            double dot = 0;
            for (int b = 0; b < r; b++) {
                dot += hs[a][b] * v[b];
            }
            double f = 2 * dot / vv;
            for (int b = 1; b < r; b++) {
                out[a - 1][b - 1] = scale * (hs[a][b] - f * v[b]);
            }
        }
        return out;
    }
}
