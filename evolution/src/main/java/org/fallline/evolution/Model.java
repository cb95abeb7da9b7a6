package org.fallline.evolution;

/**
 * The regression model that estimates the gradients. The ordinary least-squares analysis of Lande &amp;
 * Arnold (1983) is always reported (S, C, β, γ, canonical analysis); a generalised linear model adds
 * gradients on the scale of relative fitness beside it.
 *
 * <ul>
 *   <li>{@link #OLS}: least squares only, plus the logistic version when every fitness is 0 or 1.</li>
 *   <li>{@link #LOGISTIC}: binary fitness; β and γ by Janzen &amp; Stern (1998, Evolution 52:
 *       1564–1571): logistic coefficients times mean(p(1 − p))/mean(W).</li>
 *   <li>{@link #POISSON}: count fitness; average-derivative gradients of the fitted log-linear
 *       fitness function (Morrissey &amp; Sakrejda 2013, Evolution 67: 2094–2100).</li>
 *   <li>{@link #GAM}: a penalised regression spline fitness function (binomial for 0/1 fitness, Poisson for
 *       counts, Gaussian otherwise; {@link org.fallline.evolution.gam.Gam}) and the GAM selection gradients of
 *       gsg's {@code gam.gradients} (Morrissey &amp; Sakrejda 2013), beside least squares.</li>
 * </ul>
 */
public enum Model {
    /** Ordinary least squares on relative fitness (Lande &amp; Arnold 1983). */
    OLS,
    /** Logistic regression of binary fitness (Janzen &amp; Stern 1998). */
    LOGISTIC,
    /** Poisson regression of count fitness (Morrissey &amp; Sakrejda 2013). */
    POISSON,
    /** Spline fitness function and GAM selection gradients (Morrissey &amp; Sakrejda 2013). */
    GAM
}
