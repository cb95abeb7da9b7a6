package org.fallline.evolution.internal;

import static org.fallline.evolution.internal.GlmTest.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Janzen–Stern and Poisson gradients against R (reference_real_data.csv from make_logistic_reference.R,
 * reference_synthetic_n2000.csv from simulate_and_fit.R), and the MVN-analytic formula against direct
 * numerical integration of the selected distribution.
 */
class NonNormalGradientsTest {

    private static final Reference REAL = GlmTest.REAL;
    private static final Reference SYNTHETIC = GlmTest.SYNTHETIC;

    static List<String> realDatasets() {
        return Datasets.REAL;
    }

    @ParameterizedTest
    @MethodSource("realDatasets")
    void janzenSternMatchesR(String name) {
        Datasets.Data d = Datasets.get(name);
        NonNormalGradients.JanzenStern js = NonNormalGradients.janzenStern(d.z(), d.w());
        String[] t = d.traits();
        assertFalse(js.separation());
        assertRelative(REAL.estimate(name, "JS_mean_p1mp", "mean_p(1-p)"), js.meanP1mP(), 1e-6, "mean p(1-p)");
        assertRelative(REAL.estimate(name, "meanW", "meanW"), js.meanW(), 1e-12, "mean W");
        for (int j = 0; j < t.length; j++) {
            Reference.Row a = REAL.row(name, "logit_alpha", t[j]);
            assertRelative(a.estimate(), js.alpha()[j], 1e-6, "alpha " + t[j]);
            assertRelative(a.se(), js.alphaSe()[j], 1e-6, "SE alpha " + t[j]);
            Reference.Row b = REAL.row(name, "beta_JS", t[j]);
            assertRelative(b.estimate(), js.beta()[j], 1e-6, "beta_JS " + t[j]);
            assertRelative(b.se(), js.betaSe()[j], 1e-6, "SE beta_JS " + t[j]);
        }
        double[][] g = js.gammaAvgDeriv();
        for (int i = 0; i < t.length; i++) {
            for (int j = i; j < t.length; j++) {
                assertRelative(REAL.estimate(name, "gamma_logit_avgderiv", t[i] + ":" + t[j]), g[i][j], 1e-6,
                    "gamma avg-deriv " + t[i] + ":" + t[j]);
                assertEquals(g[i][j], g[j][i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("realDatasets")
    void janzenSternQuadraticMatchesRAndFlagsSeparationWhereRDoes(String name) {
        Datasets.Data d = Datasets.get(name);
        String[] t = d.traits();
        if (REAL.has(name, "gamma_model", "not_estimable")) {
            SelectionException e = assertThrows(SelectionException.class,
                () -> NonNormalGradients.janzenSternQuadratic(d.z(), d.w()));
            assertEquals(Kind.BAD_INPUT, e.kind());
            return;
        }
        NonNormalGradients.JanzenSternQuadratic q = NonNormalGradients.janzenSternQuadratic(d.z(), d.w());
        boolean rUnreliable = REAL.row(name, "gamma_JS", t[0] + ":" + t[0]).note().startsWith("UNRELIABLE");
        assertEquals(rUnreliable, q.separation(), q.fit().diagnosis());
        if (rUnreliable) {
            return;
        }
        double[][] g = q.gamma();
        double[][] se = q.gammaSe();
        for (int i = 0; i < t.length; i++) {
            for (int j = i; j < t.length; j++) {
                Reference.Row r = REAL.row(name, "gamma_JS", t[i] + ":" + t[j]);
                assertRelative(r.estimate(), g[i][j], 1e-6, "gamma_JS " + r.term());
                assertRelative(r.se(), se[i][j], 1e-6, "SE gamma_JS " + r.term());
                assertEquals(g[i][j], g[j][i]);
            }
        }
    }

    @Test
    void poissonQuadraticGradientsMatchR() {
        Datasets.Data d = Datasets.get("synthetic_n2000_3traits");
        NonNormalGradients.PoissonQuadratic pq = NonNormalGradients.poissonQuadratic(d.z(), d.w());
        String[] t = d.traits();
        String ds = d.name();
        assertTrue(pq.mvnAnalytic().isPresent(), pq.mvnDiagnosis());
        NonNormalGradients.Gradients mvn = pq.mvnAnalytic().get();
        for (int i = 0; i < 3; i++) {
            Reference.Row b = SYNTHETIC.row(ds, "poisson_glm_coef_linear", t[i]);
            assertRelative(b.estimate(), pq.b()[i], 1e-6, "b " + t[i]);
            assertRelative(b.se(), pq.bSe()[i], 1e-6, "SE b " + t[i]);
            assertRelative(SYNTHETIC.estimate(ds, "beta_glm_avgderiv", t[i]), pq.betaAvgDeriv()[i], 1e-6,
                "beta avg-deriv " + t[i]);
            assertRelative(SYNTHETIC.estimate(ds, "beta_glm_mvn_analytic", t[i]), mvn.beta()[i], 1e-6,
                "beta MVN " + t[i]);
            for (int j = i; j < 3; j++) {
                String term = t[i] + ":" + t[j];
                assertRelative(SYNTHETIC.estimate(ds, "poisson_glm_coef_quadratic", term), pq.q()[i][j], 1e-6,
                    "Q " + term);
                assertRelative(SYNTHETIC.estimate(ds, "gamma_glm_avgderiv", term), pq.gammaAvgDeriv()[i][j], 1e-6,
                    "gamma avg-deriv " + term);
                assertRelative(SYNTHETIC.estimate(ds, "gamma_glm_mvn_analytic", term), mvn.gamma()[i][j], 1e-6,
                    "gamma MVN " + term);
                assertEquals(pq.gammaAvgDeriv()[i][j], pq.gammaAvgDeriv()[j][i]);
            }
        }
    }

    @Test
    void firstOrderPoissonAverageDerivativeIsTheSlope() {
        // log link with an intercept: Σ Ŵ = Σ W, so the average derivative of exp(a + bᵀz) relative to mean
        // fitness is b itself, and the implied γ is b bᵀ
        Datasets.Data d = Datasets.get("synthetic_n2000_3traits");
        NonNormalGradients.PoissonLinear pl = NonNormalGradients.poissonLinear(d.z(), d.w());
        assertRelative(pl.meanW(), pl.meanFitted(), 1e-7, "mean fitted vs mean W");
        for (int i = 0; i < 3; i++) {
            assertRelative(pl.b()[i], pl.betaAvgDeriv()[i], 1e-13, "beta = b");
            assertEquals(pl.fit().standardError(1 + i), pl.bSe()[i]);
            for (int j = 0; j < 3; j++) {
                assertRelative(pl.b()[i] * pl.b()[j], pl.gammaAvgDeriv()[i][j], 1e-12, "gamma = b b^T");
            }
        }
    }

    /**
     * The selected distribution of N(0, P) traits under fitness exp(bᵀz + ½zᵀQz), by the trapezoid rule on
     * a wide grid (spectrally accurate for these Gaussian integrands): mean μ_s and covariance P_s give
     * β = P⁻¹μ_s and γ = P⁻¹(P_s − P + μ_sμ_sᵀ)P⁻¹ (Lande &amp; Arnold 1983), to compare with the closed form.
     */
    @Test
    void mvnAnalyticAgreesWithNumericalIntegration() {
        double[][] p = {{1.0, 0.5}, {0.5, 1.0}};
        double[] b = {0.3, -0.2};
        double[][] q = {{-0.4, 0.1}, {0.1, -0.25}};
        double det = p[0][0] * p[1][1] - p[0][1] * p[1][0];
        double[][] pInv = {{p[1][1] / det, -p[0][1] / det}, {-p[1][0] / det, p[0][0] / det}};
        double h = 0.02;
        int m = 1000; // grid −10 … 10
        double s0 = 0;
        double[] s1 = new double[2];
        double[][] s2 = new double[2][2];
        for (int a = -m; a <= m; a++) {
            for (int c = -m; c <= m; c++) {
                double[] z = {a * h, c * h};
                double quad = 0;
                double lin = 0;
                for (int i = 0; i < 2; i++) {
                    lin += b[i] * z[i];
                    for (int j = 0; j < 2; j++) {
                        quad += z[i] * (q[i][j] - pInv[i][j]) * z[j];
                    }
                }
                double f = Math.exp(lin + 0.5 * quad);
                s0 += f;
                for (int i = 0; i < 2; i++) {
                    s1[i] += f * z[i];
                    for (int j = 0; j < 2; j++) {
                        s2[i][j] += f * z[i] * z[j];
                    }
                }
            }
        }
        double[] mu = {s1[0] / s0, s1[1] / s0};
        double[][] c = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                // P_s − P + μμᵀ = E_s[z zᵀ] − P
                c[i][j] = s2[i][j] / s0 - p[i][j];
            }
        }
        NonNormalGradients.Gradients g = NonNormalGradients.mvnAnalytic(b, q, p);
        for (int i = 0; i < 2; i++) {
            double beta = pInv[i][0] * mu[0] + pInv[i][1] * mu[1];
            assertEquals(beta, g.beta()[i], 1e-10);
            for (int j = 0; j < 2; j++) {
                double gamma = 0;
                for (int u = 0; u < 2; u++) {
                    for (int v = 0; v < 2; v++) {
                        gamma += pInv[i][u] * c[u][v] * pInv[v][j];
                    }
                }
                assertEquals(gamma, g.gamma()[i][j], 1e-10);
            }
        }
    }

    @Test
    void mvnAnalyticIsUndefinedWhenFitnessOutgrowsThePhenotypeDistribution() {
        double[][] p = {{1.0, 0.3}, {0.3, 1.0}};
        double[][] q = {{2.0, 0.0}, {0.0, -0.5}};
        SelectionException e = assertThrows(SelectionException.class,
            () -> NonNormalGradients.mvnAnalytic(new double[] {0.1, 0.1}, q, p));
        assertEquals(Kind.NUMERICAL, e.kind());
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());

        // disruptive count fitness exp(0.1 + 0.75 z²) (Q = 1.5 > P⁻¹ ≈ 1): the GLM fits, the MVN form does not exist
        Well19937c rng = new Well19937c(20240601L);
        int n = 400;
        double[][] z = new double[n][1];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            z[i][0] = -2.5 + 5.0 * i / (n - 1);
        }
        z = Reference.standardise(z);
        for (int i = 0; i < n; i++) {
            double mean = Math.exp(0.1 + 0.75 * z[i][0] * z[i][0]);
            w[i] = new PoissonDistribution(rng, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
        }
        NonNormalGradients.PoissonQuadratic pq = NonNormalGradients.poissonQuadratic(z, w);
        assertTrue(pq.fit().converged());
        assertTrue(pq.q()[0][0] > 1, "Q = " + pq.q()[0][0]);
        assertTrue(pq.mvnAnalytic().isEmpty());
        assertTrue(pq.mvnDiagnosis().contains("not positive definite"), pq.mvnDiagnosis());
    }

    @Test
    void secondOrderDesignHasRsColumnOrder() {
        double[][] x = NonNormalGradients.secondOrderDesign(new double[][] {{2, 3, 5}});
        // 1, z1, z2, z3, ½z1², ½z2², ½z3², z1z2, z1z3, z2z3
        double[] expected = {1, 2, 3, 5, 2, 4.5, 12.5, 6, 10, 15};
        assertEquals(NonNormalGradients.secondOrderParameterCount(3), x[0].length);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], x[0][j]);
        }
    }
}
