package org.fallline.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fallline.evolution.gam.FittedGam;
import org.fallline.evolution.gam.Gam;
import org.fallline.evolution.gam.GamFamily;
import org.fallline.evolution.gam.GamOptions;

/** The GAM part of a group's analysis: the family from the fitness values, the fit, the gradients. */
final class GamAnalysis {

    private GamAnalysis() {
    }

    /** Binomial for 0/1 fitness, Poisson for non-negative whole numbers, Gaussian otherwise. */
    static GamFamily family(double[] w) {
        boolean binary = true;
        boolean counts = true;
        for (double v : w) {
            binary &= v == 0 || v == 1;
            counts &= v >= 0 && v == Math.rint(v);
        }
        return binary ? GamFamily.BINOMIAL : counts ? GamFamily.POISSON : GamFamily.GAUSSIAN;
    }

    /**
     * Fits the group's fitness function and its gradients.
     *
     * @param where " in group 'x'" or "", for messages
     */
    static GamGradients analyse(List<String> traits, double[][] z, List<String> covariates, double[][] c, double[] w,
            GamOptions options, String where) {
        GamFamily family = family(w);
        FittedGam fit;
        double[][] cov = c == null ? new double[z.length][0] : c;
        try {
            fit = Gam.fit(traits, z, c == null ? List.of() : covariates, cov, w, family, options);
        } catch (SelectionException e) {
            throw new SelectionException(e.kind(), (where.isEmpty() ? "" : where.trim() + ": ") + e.getMessage(), e);
        }
        double[] est = estimates(fit, z, cov);
        int k = traits.size();
        List<Coefficient> beta = new ArrayList<>();
        List<Coefficient> gamma = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            beta.add(Coefficient.of(traits.get(a), est[a]));
        }
        int at = k;
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                gamma.add(Coefficient.of(traits.get(a) + ":" + traits.get(b), est[at++]));
            }
        }
        return new GamGradients(family, beta, gamma, fit);
    }

    /**
     * β (k) then γ's upper triangle row by row: mean derivatives of W̃ over the individuals (each at its own traits
     * and covariates) / mean W̃.
     */
    static double[] estimates(FittedGam fit, double[][] z, double[][] c) {
        int k = z[0].length;
        double[] out = new double[k + k * (k + 1) / 2];
        double wbar = 0;
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double eta = fit.linearPredictor(zi, c[i]);
            wbar += fit.family().mean(eta);
            double[] d = fit.gradient(zi, eta);
            double[][] h = fit.hessian(zi, eta);
            int at = k;
            for (int a = 0; a < k; a++) {
                out[a] += d[a];
                for (int b = a; b < k; b++) {
                    out[at++] += h[a][b];
                }
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= wbar;
        }
        return out;
    }

    /** The note that says what was fitted. */
    static String note(GamGradients g, String where, int bootstrap) {
        FittedGam f = g.fitness();
        StringBuilder sp = new StringBuilder();
        for (double l : f.smoothingParameters()) {
            sp.append(sp.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", l));
        }
        return String.format(Locale.ROOT, "beta_gam, gamma_gam%s: spline fitness function %s, family %s; smoothing"
                + " parameters %s chosen by %s (score %.6g), edf %.4g; gradients as gsg's gam.gradients (Morrissey &"
                + " Sakrejda 2013): mean first and second derivatives of the fitted fitness over the individuals /"
                + " mean fitted fitness%s", where, f.formula(), g.familyDescription(), sp, f.criterion(), f.score(),
                f.edf(), bootstrap > 0 ? "; bootstrap refits the GAM and re-selects the smoothing parameters in every"
                + " resample" : "") + (f.smoothingConverged() ? "" : "; WARNING: the smoothing-parameter search"
                + " stopped at its evaluation budget before meeting its tolerance (the model may have more"
                + " wiggliness than the data support: check results carefully, or use fewer traits)")
                + (f.saturatedFits() == 0 ? "" : "; WARNING: " + f.saturatedFits() + " fitted survival probabilities"
                + " are 0 or 1 to double precision (the fitted function nearly separates survivors from the dead)");
    }
}
