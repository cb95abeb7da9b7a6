package org.fallline.evolution.gam;

/**
 * The distribution of fitness given the traits and its link, as in a GLM (McCullagh &amp; Nelder 1989):
 * μ = h(η) with η the linear predictor, variance V(μ), deviance D = Σ d(y<sub>i</sub>, μ<sub>i</sub>).
 *
 * <ul>
 *   <li>{@link #GAUSSIAN}: identity link, V = 1, d = (y − μ)²; scale φ estimated.</li>
 *   <li>{@link #BINOMIAL}: logit link μ = 1/(1 + e<sup>−η</sup>), V = μ(1 − μ),
 *       d = 2[y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))]; φ = 1.</li>
 *   <li>{@link #POISSON}: log link μ = e<sup>η</sup>, V = μ, d = 2[y log(y/μ) − (y − μ)]; φ = 1.</li>
 * </ul>
 */
public enum GamFamily {
    /** Normal errors, identity link. */
    GAUSSIAN,
    /** 0/1 fitness, logit link. */
    BINOMIAL,
    /** Count fitness, log link. */
    POISSON;

    /** R's {@code .Machine$double.eps}, the floor of R's logit and log links. */
    static final double EPS = Math.ulp(1.0);
    /** |η| beyond which R's logit link stops at ε (C {@code THRESH}). */
    static final double THRESHOLD = 30;

    /**
     * μ = h(η), with R's guards (as {@code binomial()$linkinv} and {@code poisson()$linkinv} compute it, so that
     * fits match R's where fitted means reach the ends of double precision): for the logit, e<sup>η</sup> is held
     * in [ε, 1/ε] (|η| &gt; 30); for the log, μ ≥ ε.
     */
    public double mean(double eta) {
        return switch (this) {
            case GAUSSIAN -> eta;
            case BINOMIAL -> {
                double e = eta < -THRESHOLD ? EPS : eta > THRESHOLD ? 1 / EPS : Math.exp(eta);
                yield e / (1 + e);
            }
            case POISSON -> Math.max(Math.exp(eta), EPS);
        };
    }

    /** dμ/dη, with R's guards ({@code mu.eta}): at least ε, and ε for the logit beyond |η| &gt; 30. */
    public double meanDerivative(double eta) {
        return switch (this) {
            case GAUSSIAN -> 1;
            case BINOMIAL -> {
                if (Math.abs(eta) > THRESHOLD) {
                    yield EPS;
                }
                double e = Math.exp(eta);
                yield e / ((1 + e) * (1 + e));
            }
            case POISSON -> Math.max(Math.exp(eta), EPS);
        };
    }

    /** d²μ/dη². */
    public double meanSecondDerivative(double eta) {
        return switch (this) {
            case GAUSSIAN -> 0;
            case BINOMIAL -> {
                double m = mean(eta);
                yield m * (1 - m) * (1 - 2 * m);
            }
            case POISSON -> Math.exp(eta);
        };
    }

    /** η = g(μ). */
    public double link(double mu) {
        return switch (this) {
            case GAUSSIAN -> mu;
            case BINOMIAL -> Math.log(mu / (1 - mu));
            case POISSON -> Math.log(mu);
        };
    }

    /** V(μ). */
    public double variance(double mu) {
        return switch (this) {
            case GAUSSIAN -> 1;
            case BINOMIAL -> mu * (1 - mu);
            case POISSON -> mu;
        };
    }

    /** The unit deviance d(y, μ). */
    public double deviance(double y, double mu) {
        return switch (this) {
            case GAUSSIAN -> (y - mu) * (y - mu);
            case BINOMIAL -> 2 * (xlogx(y, mu) + xlogx(1 - y, 1 - mu));
            case POISSON -> 2 * (xlogx(y, mu) - (y - mu));
        };
    }

    /** The starting mean of glm's {@code mustart}: (y + ½)/2, y + 0.1 or y. */
    public double start(double y) {
        return switch (this) {
            case GAUSSIAN -> y;
            case BINOMIAL -> (y + 0.5) / 2;
            case POISSON -> y + 0.1;
        };
    }

    /** Whether the scale φ is known (1) rather than estimated. */
    public boolean scaleKnown() {
        return this != GAUSSIAN;
    }

    /** The criterion mgcv's default method "GCV.Cp" uses: GCV when the scale is estimated, UBRE when known. */
    public SmoothingCriterion defaultCriterion() {
        return scaleKnown() ? SmoothingCriterion.UBRE : SmoothingCriterion.GCV;
    }

    private static double xlogx(double y, double mu) {
        return y == 0 ? 0 : y * Math.log(y / mu);
    }
}
