package org.fallline.evolution;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.fallline.evolution.gam.FittedGam;
import org.fallline.evolution.gam.Gam;
import org.fallline.evolution.gam.GamFamily;
import org.fallline.evolution.gam.GamOptions;
import org.fallline.evolution.gam.SmoothingCriterion;
import org.fallline.evolution.internal.Resampler;

/**
 * The univariate fitness function of one trait (Schluter 1988, <i>Evolution</i> 42: 849–861) as a penalised
 * cubic regression spline on the link scale: g(E[W | x]) = f(z), z = (x − x̄)/s, f = mgcv's {@code s(z, bs = "cr",
 * k = 10)} with its smoothing parameter λ chosen by UBRE (binomial, Poisson) or GCV (Gaussian) ({@link Gam}; Wood
 * 2017, <i>Generalized Additive Models</i>, 2nd ed., §5.3.1, §6.2). The link is the logit for 0/1 fitness, the log
 * for counts and the identity otherwise ({@link #familyOf(double[])}), so that the fitted fitness
 * W̃(x) = h(f(z)) is a probability in (0, 1) for survival and positive for counts by construction.
 *
 * <p>The 95% band is the percentile band of a case bootstrap (Efron &amp; Tibshirani 1993, §13.3): B resamples of
 * the individuals with replacement, each refitted — knots at the resample's quantiles, λ either held at the value
 * chosen for all the individuals (the default, {@link Settings#DEFAULT}) or chosen again by the same criterion
 * ({@link Settings#withReselect(boolean)}), which adds the uncertainty of the smoothing — and at each
 * point of the curve the 2.5% and 97.5% type-7 quantiles of the refitted W̃. Each band edge is a refitted fitness
 * on the response scale, so it stays in (0, 1) for survival without clamping. Resamples whose fit fails (too few
 * distinct values for the knots, separation) are counted and left out; with fewer than half left there is no band.
 * The fitted fitness function does not depend on any multivariate model. Immutable.
 *
 * @param fit        the spline fitted to all the individuals given
 * @param mean       x̄, the centre of the standardisation
 * @param scale      s, the sd of x (divisor n − 1)
 * @param at         the points of the curve, from the smallest to the largest x, in x units
 * @param fitted     W̃ at those points, response scale (probability, expected count or expected fitness)
 * @param lower      the band's lower edge at those points (empty without a band)
 * @param upper      its upper edge
 * @param resamples  bootstrap resamples whose refit entered the band
 * @param failed     resamples whose refit failed
 * @param reselected whether λ was chosen again in every resample (otherwise held at the fit's λ)
 */
public record SplineFitnessFunction(FittedGam fit, double mean, double scale, double[] at, double[] fitted,
        double[] lower, double[] upper, int resamples, int failed, boolean reselected) {

    /** Basis dimension of the spline: mgcv's default for {@code s(z, bs = "cr")}. */
    public static final int BASIS = GamOptions.DEFAULT_SMOOTH;

    public SplineFitnessFunction {
        at = at.clone();
        fitted = fitted.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * How the curve and its band are computed: B bootstrap resamples (0 for none), points along the curve, whether
     * λ is chosen again in every resample, and the seed of the resampling. Immutable; {@code withX} copies.
     */
    public record Settings(int resamples, int points, boolean reselect, long seed) {

        /**
         * 200 resamples, 100 points, λ held at the fit's value in the resamples (choosing it again costs some fifty
         * times more: minutes instead of seconds for three traits of 5000 individuals), seed 1.
         */
        public static final Settings DEFAULT = new Settings(200, 100, false, 1);

        public Settings {
            if (resamples < 0 || resamples == 1 || points < 2) {
                throw new IllegalArgumentException("a band needs 0 or at least 2 resamples and a curve 2 points");
            }
        }

        public Settings withResamples(int b) {
            return new Settings(b, points, reselect, seed);
        }

        public Settings withPoints(int m) {
            return new Settings(resamples, m, reselect, seed);
        }

        public Settings withReselect(boolean r) {
            return new Settings(resamples, points, r, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(resamples, points, reselect, s);
        }
    }

    /** BINOMIAL when every W is 0 or 1, POISSON when every W is a whole number ≥ 0, GAUSSIAN otherwise. */
    public static GamFamily familyOf(double[] w) {
        boolean binary = true;
        boolean counts = true;
        for (double v : w) {
            binary &= v == 0 || v == 1;
            counts &= v >= 0 && v == Math.rint(v) && Double.isFinite(v);
        }
        return binary ? GamFamily.BINOMIAL : counts ? GamFamily.POISSON : GamFamily.GAUSSIAN;
    }

    /**
     * Fits the fitness function of trait values {@code x} with absolute fitness {@code w} in the family of
     * {@link #familyOf(double[])}.
     *
     * @throws SelectionException BAD_INPUT when x has fewer than 3 distinct values or fewer individuals than
     *                            basis functions; NUMERICAL when the spline cannot be fitted (no convergence,
     *                            separation)
     */
    public static SplineFitnessFunction fit(String trait, double[] x, double[] w, Settings settings) {
        int n = x.length;
        if (w.length != n) {
            throw new IllegalArgumentException("x and w have different lengths");
        }
        GamFamily family = familyOf(w);
        double m = Arrays.stream(x).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double s = Math.sqrt(ss / (n - 1));
        if (!(s > 0)) {
            throw new SelectionException("trait '" + trait + "' is constant: it has no fitness function");
        }
        int q = Math.min(BASIS, distinct(x));
        if (q < 3) {
            throw new SelectionException("trait '" + trait + "' takes " + distinct(x) + " distinct values: a spline "
                    + "fitness function needs at least 3");
        }
        GamOptions options = GamOptions.defaults().withSmoothDimension(q);
        FittedGam fit = Gam.fit(List.of(trait), standardised(x, m, s), w, family, options);
        double lo = Arrays.stream(x).min().orElseThrow();
        double hi = Arrays.stream(x).max().orElseThrow();
        double[] at = new double[settings.points()];
        for (int j = 0; j < at.length; j++) {
            at[j] = lo + (hi - lo) * j / (at.length - 1);
        }
        double[] fitted = evaluate(fit, at, m, s);
        GamOptions refit = settings.reselect() ? options : options.withSmoothingParameters(fit.smoothingParameters());
        double[][] curves = bootstrap(trait, x, w, family, refit, at, settings);
        int ok = 0;
        for (double[] c : curves) {
            ok += c == null ? 0 : 1;
        }
        int failed = curves.length - ok;
        double[] lower = new double[0];
        double[] upper = new double[0];
        if (settings.resamples() > 0 && ok >= (settings.resamples() + 1) / 2) {
            lower = new double[at.length];
            upper = new double[at.length];
            double[] column = new double[ok];
            for (int j = 0; j < at.length; j++) {
                int r = 0;
                for (double[] c : curves) {
                    if (c != null) {
                        column[r++] = c[j];
                    }
                }
                lower[j] = Resampler.quantile(column, 0.025);
                upper[j] = Resampler.quantile(column, 0.975);
            }
        } else {
            ok = 0;
        }
        return new SplineFitnessFunction(fit, m, s, at, fitted, lower, upper, ok, failed, settings.reselect());
    }

    /** W̃(x) on the response scale. */
    public double fitness(double x) {
        return fit.fitness(new double[] {(x - mean) / scale});
    }

    /** Whether a bootstrap band was computed. */
    public boolean hasBand() {
        return lower.length > 0;
    }

    /** The family, hence the link: logit for 0/1 fitness, log for counts, identity otherwise. */
    public GamFamily family() {
        return fit.family();
    }

    /** λ of the fit to all the individuals. */
    public double smoothingParameter() {
        return fit.smoothingParameters()[0];
    }

    /** The criterion λ minimises: UBRE or GCV. */
    public SmoothingCriterion criterion() {
        return fit.criterion();
    }

    /** Effective degrees of freedom of the fit (intercept included). */
    public double edf() {
        return fit.edf();
    }

    @Override
    public double[] at() {
        return at.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The refitted curves of B resamples (null where the refit failed), the resamples drawn from one seed. */
    private static double[][] bootstrap(String trait, double[] x, double[] w, GamFamily family, GamOptions options,
            double[] at, Settings settings) {
        int n = x.length;
        int b = settings.resamples();
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom[] streams = new SplittableRandom[b];
        for (int r = 0; r < b; r++) {
            streams[r] = root.split();
        }
        // replicates are independent: the refits run on the common pool, each from its own stream
        return IntStream.range(0, b).parallel().mapToObj(r -> {
            SplittableRandom random = streams[r];
            double[] bx = new double[n];
            double[] bw = new double[n];
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                bx[i] = x[pick];
                bw[i] = w[pick];
            }
            try {
                double bm = Arrays.stream(bx).average().orElse(Double.NaN);
                double ss = 0;
                for (double v : bx) {
                    ss += (v - bm) * (v - bm);
                }
                double bs = Math.sqrt(ss / (n - 1));
                int q = Math.min(options.smoothDimension(), distinct(bx));
                if (!(bs > 0) || q < 3) {
                    return null;
                }
                FittedGam f = Gam.fit(List.of(trait), standardised(bx, bm, bs), bw, family,
                        options.withSmoothDimension(q));
                return evaluate(f, at, bm, bs);
            } catch (SelectionException e) {
                // a resample the spline cannot be fitted to is a failed replicate, counted in the result
                return null;
            }
        }).toArray(double[][]::new);
    }

    private static double[] evaluate(FittedGam f, double[] at, double m, double s) {
        double[] out = new double[at.length];
        double[] z = new double[1];
        for (int j = 0; j < at.length; j++) {
            z[0] = (at[j] - m) / s;
            out[j] = f.fitness(z);
        }
        return out;
    }

    private static double[][] standardised(double[] x, double m, double s) {
        double[][] z = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            z[i][0] = (x[i] - m) / s;
        }
        return z;
    }

    private static int distinct(double[] x) {
        return (int) Arrays.stream(x).distinct().count();
    }
}
