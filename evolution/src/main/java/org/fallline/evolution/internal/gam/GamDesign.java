package org.fallline.evolution.internal.gam;

import java.util.ArrayList;
import java.util.List;

/**
 * The model matrix of a GAM η = α + cᵀγ + Σ<sub>s</sub> f<sub>s</sub>(z): column 0 the intercept, then the
 * parametric covariates, then each smooth's constrained basis. Penalties are embedded in the full
 * coefficient vector (zero on the parametric part). Rows are computed from a point, with any derivative in the
 * smooth variables, so the same code gives the model matrix, the gradient and the Hessian of η.
 */
public final class GamDesign {

    private final int traits;
    private final int covariates;
    private final List<SmoothTerm> smooths;
    private final int[] offsets;
    private final int p;

    public GamDesign(int traits, int covariates, List<SmoothTerm> smooths) {
        this.traits = traits;
        this.covariates = covariates;
        this.smooths = List.copyOf(smooths);
        offsets = new int[smooths.size()];
        int at = 1 + covariates;
        for (int s = 0; s < smooths.size(); s++) {
            offsets[s] = at;
            at += smooths.get(s).dimension();
        }
        p = at;
    }

    /** Coefficients p. */
    public int columns() {
        return p;
    }

    public int traits() {
        return traits;
    }

    public int covariates() {
        return covariates;
    }

    public List<SmoothTerm> smooths() {
        return smooths;
    }

    /** The first column of smooth s. */
    public int offset(int s) {
        return offsets[s];
    }

    /** Every penalty embedded as a p × p matrix, smooth by smooth, margin by margin. */
    public List<double[][]> penalties() {
        List<double[][]> all = new ArrayList<>();
        for (int s = 0; s < smooths.size(); s++) {
            int o = offsets[s];
            for (double[][] small : smooths.get(s).penalties()) {
                double[][] big = new double[p][p];
                for (int a = 0; a < small.length; a++) {
                    System.arraycopy(small[a], 0, big[o + a], o, small.length);
                }
                all.add(big);
            }
        }
        return all;
    }

    /** Scratch space for rows, one per thread. */
    public final class Workspace {
        final double[][][] margins = new double[smooths.size()][][];
        final double[][] raw = new double[smooths.size()][];
        final int[][] order = new int[smooths.size()][];

        Workspace() {
            for (int s = 0; s < smooths.size(); s++) {
                SmoothTerm t = smooths.get(s);
                margins[s] = t.workspace();
                raw[s] = new double[t.rawDimension()];
                order[s] = new int[t.variables().length];
            }
        }
    }

    public Workspace workspace() {
        return new Workspace();
    }

    /** The model-matrix row at traits z and covariates c (length {@link #covariates()}; may be null when 0). */
    public void row(double[] z, double[] c, Workspace w, double[] out) {
        out[0] = 1;
        for (int j = 0; j < covariates; j++) {
            out[1 + j] = c[j];
        }
        for (int s = 0; s < smooths.size(); s++) {
            java.util.Arrays.fill(w.order[s], 0);
            smooths.get(s).row(z, w.order[s], w.margins[s], w.raw[s], out, offsets[s]);
        }
    }

    /**
     * The row of ∂/∂z<sub>a</sub> (b &lt; 0) or ∂²/∂z<sub>a</sub>∂z<sub>b</sub> of the model-matrix row at z: zero on the
     * intercept, the covariates and every smooth not depending on the variables.
     */
    public void derivativeRow(double[] z, int a, int b, Workspace w, double[] out) {
        java.util.Arrays.fill(out, 0, 1 + covariates, 0.0);
        for (int s = 0; s < smooths.size(); s++) {
            SmoothTerm t = smooths.get(s);
            int[] ord = w.order[s];
            java.util.Arrays.fill(ord, 0);
            int ma = t.marginOf(a);
            int mb = b < 0 ? -2 : t.marginOf(b);
            if (ma < 0 || mb == -1) {
                java.util.Arrays.fill(out, offsets[s], offsets[s] + t.dimension(), 0.0);
                continue;
            }
            ord[ma]++;
            if (mb >= 0) {
                ord[mb]++;
            }
            t.row(z, ord, w.margins[s], w.raw[s], out, offsets[s]);
        }
    }
}
