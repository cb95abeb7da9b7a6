package org.fallline.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.fallline.core.ProgressListener;
import org.fallline.evolution.gam.GamOptions;
import org.fallline.evolution.internal.GlmFit;
import org.fallline.evolution.internal.GroupAccumulator;
import org.fallline.evolution.internal.Replicates;
import org.fallline.evolution.internal.Resampler;
import org.fallline.evolution.internal.ResamplingStatistics;
import org.fallline.evolution.internal.RowStore;
import org.fallline.evolution.internal.StandardizedMoments;

/**
 * The parts of a group's analysis that need its rows: GLM gradients (logistic or Poisson) and
 * resampling (case bootstrap, fitness permutations), added to the least-squares report.
 */
final class GroupInference {

    private final SelectionOptions options;
    private final double[][] g;
    private final Resampler resampler = new Resampler();
    private final Progress progress;

    /** Progress over all groups and runs, as one count. */
    static final class Progress {
        private final ProgressListener listener;
        private final long total;
        private long offset;

        Progress(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        /** A listener for one run of {@code size} replicates, reporting into the common count. */
        ProgressListener run(long size) {
            long base = offset;
            offset += size;
            return (done, t) -> listener.progress(base + done, total);
        }
    }

    GroupInference(SelectionOptions options, double[][] g, Progress progress) {
        this.options = options;
        this.g = g;
        this.progress = progress;
    }

    /** Replicate runs per group: bootstrap of least squares, bootstrap of the GLM, permutations. */
    static long runsPerGroup(SelectionOptions options, boolean glm) {
        return (long) options.bootstrap() * (1 + (glm ? 1 : 0) + (options.model() == Model.GAM ? 1 : 0))
                + options.permutations();
    }

    /** Whether a GLM is fitted: asked for, or logistic beside least squares (or the GAM) for 0/1 fitness. */
    static boolean glmWanted(SelectionOptions options, boolean allBinary) {
        return options.model() == Model.LOGISTIC || options.model() == Model.POISSON || allBinary;
    }

    /**
     * The GLM whose p-values go beside the least-squares β, γ and covariate rows (Mitchell-Olds &amp; Shaw 1987):
     * logistic for 0/1 fitness, Poisson for counts, none for other fitness or when a GLM is the model.
     */
    static Model glmPFamily(SelectionOptions options, boolean allBinary, boolean allCounts) {
        if (options.model() != Model.OLS) {
            return null;
        }
        return allBinary ? Model.LOGISTIC : allCounts ? Model.POISSON : null;
    }

    GroupReport apply(GroupAnalysis.Fitted fitted, GroupAccumulator acc, boolean allBinary, boolean allCounts) {
        GroupReport r = fitted.report();
        StandardizedMoments sm = fitted.moments();
        RowStore rows = acc.rows();
        boolean glm = glmWanted(options, allBinary);
        boolean gam = options.model() == Model.GAM;
        Model pFamily = glmPFamily(options, allBinary, allCounts);
        if (rows == null || (!glm && !gam && pFamily == null && options.bootstrap() == 0
                && options.permutations() == 0)) {
            return r;
        }
        List<String> notes = new ArrayList<>(r.notes());
        int k = r.traits().size();
        double[][] z = standardized(rows, sm);
        double[][] cov = sm.coding().design(rows);
        double[] w = rows.fitness();
        Model glmModel = options.model() == Model.POISSON ? Model.POISSON : Model.LOGISTIC;
        GlmGradients gradients = null;
        GlmAnalysis.Fitted glmFits = null;
        if (glm) {
            glmFits = GlmAnalysis.analyse(glmModel, z, cov, sm.coding(), w, r.traits(),
                    options.quadratic());
            gradients = glmFits.gradients();
            for (String d : gradients.diagnoses()) {
                notes.add(d);
            }
        }

        List<Coefficient> beta = new ArrayList<>(r.gradient().beta());
        QuadraticSelectionMatrix quad = r.quadratic().orElse(null);
        List<Coefficient> gamma = quad == null ? null : new ArrayList<>(quad.gamma());
        List<Coefficient> covariates = new ArrayList<>(r.covariates());
        if (pFamily != null) {
            GlmFit f1 = glmFits != null ? glmFits.first() : GlmAnalysis.firstOrder(pFamily, z, cov, w);
            GlmFit f2 = !options.quadratic() ? null : glmFits != null ? glmFits.second()
                    : GlmAnalysis.secondOrder(pFamily, z, cov, w);
            GlmPValues.attach(pFamily, f1, f2, k, beta, gamma, covariates, where(r), notes);
        }
        CanonicalAnalysis can = r.canonical().orElse(null);
        List<Coefficient> lambda = can == null ? null : new ArrayList<>(can.eigenvalues());
        PredictedResponse resp = r.response().orElse(null);
        List<Coefficient> dz = resp == null ? null : new ArrayList<>(resp.response());
        int booted = 0;
        int permuted = 0;
        ResamplingStatistics stats = new ResamplingStatistics(rows, sm.coding(), options.standardization(),
                options.quadratic(), g);
        String where = where(r);
        GamGradients spline = gam ? GamAnalysis.analyse(r.traits(), z, sm.coding().columnNames(), cov, w,
                GamOptions.defaults(), where) : null;

        if (options.bootstrap() > 0) {
            Replicates rep = resampler.bootstrap(rows.size(), options.bootstrap(), options.seed(), stats::bootstrap,
                    progress.run(options.bootstrap()));
            booted = rep.count();
            failures(rep, "bootstrap", where, notes);
            double[] se = rep.standardErrors();
            double[][] ci = rep.percentileIntervals(0.95);
            int at = 0;
            at = withBootstrap(beta, se, ci, at);
            if (gamma != null) {
                at = withBootstrap(gamma, se, ci, at);
                at = withBootstrap(lambda, se, ci, at);
            }
            if (dz != null) {
                withBootstrap(dz, se, ci, at);
            }
            if (gradients != null) {
                gradients = bootstrapGlm(gradients, rows, sm, k, where, notes);
            }
            if (spline != null) {
                spline = bootstrapGam(spline, rows, sm, k, where, notes);
            }
        }
        if (spline != null) {
            notes.add(GamAnalysis.note(spline, where, options.bootstrap()));
        }
        if (options.permutations() > 0) {
            Function<int[], double[]> stat = stats.permutation(sm);
            Replicates rep = resampler.permutations(rows.size(), options.permutations(), options.seed(), stat,
                    progress.run(options.permutations()));
            permuted = rep.count();
            failures(rep, "permutation", where, notes);
            int[] identity = new int[rows.size()];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            double[] p = rep.permutationPValues(stat.apply(identity));
            int at = 0;
            for (int i = 0; i < beta.size(); i++) {
                beta.set(i, beta.get(i).withPermutationP(p[at++]));
            }
            if (gamma != null) {
                for (int i = 0; i < gamma.size(); i++) {
                    gamma.set(i, gamma.get(i).withPermutationP(p[at++]));
                }
                for (int i = 0; i < lambda.size(); i++) {
                    lambda.set(i, lambda.get(i).withPermutationP(p[at++]));
                }
            }
            notes.add("perm.p.value" + where + ": Freedman–Lane permutation tests of beta and gamma (residuals of the"
                    + " model without the term permuted" + (options.covariates().isEmpty() ? ""
                    : ", the covariates in every model") + ", t statistics compared, two-sided, p = (1 + #{|t*| >= |t|})/(B"
                    + " + 1), B = " + permuted + ")" + (gamma != null ? "; for the eigenvalues fitness is permuted and"
                    + " gamma re-estimated and re-rotated in every permutation (Reynolds et al. 2010)" : ""));
        }

        SelectionGradient gradient = new SelectionGradient(r.gradient().intercept(), beta, r.gradient().fit());
        java.util.Optional<QuadraticSelectionMatrix> q2 = quad == null ? java.util.Optional.empty()
                : java.util.Optional.of(new QuadraticSelectionMatrix(quad.traits(), quad.intercept(), gamma,
                        quad.linear(), quad.fit()));
        java.util.Optional<CanonicalAnalysis> c2 = can == null ? java.util.Optional.empty()
                : java.util.Optional.of(new CanonicalAnalysis(can.traits(), lambda, can.eigenvectors(), can.theta(),
                        can.fit()));
        java.util.Optional<PredictedResponse> r2 = resp == null ? java.util.Optional.empty()
                : java.util.Optional.of(new PredictedResponse(resp.traits(), resp.gradientUnits(), dz,
                        resp.geneticCovariance()));
        return new GroupReport(r.group(), r.n(), r.dropped(), r.droppedLines(), r.meanFitness(), r.traits(),
                r.traitMeans(), r.traitSds(), r.scales(), r.differentials(), gradient, q2, c2, r.stationaryPoint(),
                gradients == null ? List.of() : List.of(gradients), r2, booted, permuted, notes, covariates,
                r.covariateHeldTerm(), java.util.Optional.ofNullable(spline));
    }

    /**
     * Case bootstrap of the GAM gradients on the same resamples as the least-squares bootstrap (same seed): each
     * resample is standardised within itself, the GAM refitted and its smoothing parameters re-selected by a local
     * search from the full fit's (a resample that cannot be fitted is a failed replicate).
     */
    private GamGradients bootstrapGam(GamGradients gm, RowStore rows, StandardizedMoments sm, int k, String where,
            List<String> notes) {
        ProgressListener run = progress.run(options.bootstrap());
        GamOptions refit = GamOptions.defaults().withStartingSmoothingParameters(gm.fitness().smoothingParameters());
        List<String> traits = gm.fitness().traits();
        Function<int[], double[]> stat = idx -> {
            RowStore sample = new RowStore(k, rows.covariates());
            double[] x = new double[k + rows.covariates()];
            for (int i : idx) {
                rows.values(i, x);
                sample.add(rows.fitness(i), x);
            }
            double[][] zs = standardizedResample(sample);
            double[][] cs = sm.coding().design(sample);
            double[][] cov = cs == null ? new double[zs.length][0] : cs;
            org.fallline.evolution.gam.FittedGam f = org.fallline.evolution.gam.Gam.fit(traits, zs,
                    gm.fitness().covariates(), cov, sample.fitness(), gm.family(), refit);
            if (f.saturatedFits() > 0) {
                // as for the GLM bootstrap: a resample the fitted function separates has no finite gradients
                throw new SelectionException(SelectionException.Kind.NUMERICAL, "the GAM fit separates the resample ("
                        + f.saturatedFits() + " fitted probabilities 0 or 1)");
            }
            return GamAnalysis.estimates(f, zs, cov);
        };
        Replicates rep = resampler.bootstrap(rows.size(), options.bootstrap(), options.seed(), stat, run);
        failures(rep, "GAM bootstrap", where, notes);
        double[] se = rep.standardErrors();
        double[][] ci = rep.percentileIntervals(0.95);
        List<Coefficient> beta = new ArrayList<>(gm.beta());
        List<Coefficient> gamma = new ArrayList<>(gm.gamma());
        int at = withBootstrap(beta, se, ci, 0);
        withBootstrap(gamma, se, ci, at);
        return new GamGradients(gm.family(), beta, gamma, gm.fitness());
    }

    private String where(GroupReport r) {
        return options.by().isPresent() ? " in group '" + r.group() + "'" : "";
    }

    private static int withBootstrap(List<Coefficient> list, double[] se, double[][] ci, int at) {
        for (int i = 0; i < list.size(); i++) {
            list.set(i, list.get(i).withBootstrap(se[at], ci[at][0], ci[at][1]));
            at++;
        }
        return at;
    }

    private static void failures(Replicates rep, String what, String where, List<String> notes) {
        if (rep.failed() > 0) {
            notes.add(String.format(Locale.ROOT, "%d of %d %s replicates%s were left out because the analysis is not"
                    + " defined for them (first: %s)", rep.failed(), rep.requested(), what, where, rep.firstFailure()));
        }
    }

    /** z = (x − x̄)/c for every stored individual, with the group's means and scales. */
    private static double[][] standardized(RowStore rows, StandardizedMoments sm) {
        int k = rows.traits();
        double[] mean = sm.mean();
        double[] c = sm.scale();
        double[][] z = new double[rows.size()][k];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < k; j++) {
                z[i][j] = (rows.trait(i, j) - mean[j]) / c[j];
            }
        }
        return z;
    }

    /**
     * Bootstrap of the reported GLM gradients, on the same resamples as the least-squares bootstrap
     * (same seed); a resample whose fit separates is a failed replicate.
     */
    private GlmGradients bootstrapGlm(GlmGradients gl, RowStore rows, StandardizedMoments sm, int k, String where,
            List<String> notes) {
        boolean withBeta = !gl.beta().isEmpty();
        boolean withGamma = !gl.gamma().isEmpty();
        boolean withJs = !gl.gammaJs().isEmpty();
        ProgressListener run = progress.run(options.bootstrap());
        if (!withBeta && !withGamma) {
            run.progress(options.bootstrap(), options.bootstrap());
            return gl;
        }
        Model model = gl.model();
        Function<int[], double[]> stat = idx -> {
            RowStore sample = new RowStore(k, rows.covariates());
            double[] x = new double[k + rows.covariates()];
            for (int i : idx) {
                rows.values(i, x);
                sample.add(rows.fitness(i), x);
            }
            return GlmAnalysis.estimates(model, standardizedResample(sample), sm.coding().design(sample),
                    sample.fitness(), withBeta, withGamma, withJs);
        };
        Replicates rep;
        try {
            rep = resampler.bootstrap(rows.size(), options.bootstrap(), options.seed(), stat, run);
        } catch (SelectionException e) {
            run.progress(options.bootstrap(), options.bootstrap());
            notes.add("no bootstrap of the " + (model == Model.LOGISTIC ? "logistic" : "Poisson") + " gradients" + where
                    + ": " + e.getMessage());
            return gl;
        }
        failures(rep, model == Model.LOGISTIC ? "logistic bootstrap" : "Poisson bootstrap", where, notes);
        double[] se = rep.standardErrors();
        double[][] ci = rep.percentileIntervals(0.95);
        List<Coefficient> beta = new ArrayList<>(gl.beta());
        List<Coefficient> gamma = new ArrayList<>(gl.gamma());
        List<Coefficient> gammaJs = new ArrayList<>(gl.gammaJs());
        int at = withBootstrap(beta, se, ci, 0);
        at = withBootstrap(gamma, se, ci, at);
        withBootstrap(gammaJs, se, ci, at);
        return new GlmGradients(model, beta, gamma, gammaJs, gl.diagnoses(), gl.secondOrder());
    }

    /** Standardises a resample within itself, as the least-squares bootstrap does. */
    private double[][] standardizedResample(RowStore s) {
        int k = s.traits();
        int n = s.size();
        double[] mean = new double[k];
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += s.trait(i, j);
            }
            m /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = s.trait(i, j) - m;
                ss += d * d;
            }
            mean[j] = m;
            c[j] = switch (options.standardization()) {
                case SD -> Math.sqrt(ss / (n - 1));
                case MEAN -> m;
                case NONE -> 1.0;
            };
            if (!(c[j] > 0)) {
                throw new SelectionException(SelectionException.Kind.NUMERICAL, "trait " + (j + 1)
                        + " is constant or has a non-positive mean");
            }
        }
        double[][] z = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                z[i][j] = (s.trait(i, j) - mean[j]) / c[j];
            }
        }
        return z;
    }
}
