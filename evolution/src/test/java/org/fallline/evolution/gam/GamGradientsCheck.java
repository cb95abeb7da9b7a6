package org.fallline.evolution.gam;

/** gsg's gam.gradients from a fitted GAM's exact derivatives: mean ∂W̃/∂z / mean W̃ and mean ∂²W̃/∂z∂z / mean W̃. */
final class GamGradientsCheck {

    private GamGradientsCheck() {
    }

    /** {β, γ upper triangle row by row}. */
    static double[][] averageDerivatives(FittedGam g, double[][] z) {
        return averageDerivatives(g, z, new double[z.length][0]);
    }

    /** The same with each individual's own covariates c. */
    static double[][] averageDerivatives(FittedGam g, double[][] z, double[][] c) {
        int k = z[0].length;
        double[] beta = new double[k];
        double[] gamma = new double[k * (k + 1) / 2];
        double wbar = 0;
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double eta = g.linearPredictor(zi, c[i]);
            wbar += g.family().mean(eta);
            double[] d = g.gradient(zi, eta);
            double[][] h = g.hessian(zi, eta);
            int at = 0;
            for (int a = 0; a < k; a++) {
                beta[a] += d[a];
                for (int b = a; b < k; b++) {
                    gamma[at++] += h[a][b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            beta[a] /= wbar;
        }
        for (int a = 0; a < gamma.length; a++) {
            gamma[a] /= wbar;
        }
        return new double[][] {beta, gamma};
    }
}
