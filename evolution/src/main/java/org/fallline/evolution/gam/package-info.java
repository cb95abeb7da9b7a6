/**
 * Spline fitness functions: generalised additive models fitted as mgcv fits them (Wood 2017, <i>Generalized
 * Additive Models</i>, 2nd ed.), for the fitness functions of Schluter (1988, Evolution 42: 849) and the GAM
 * selection gradients of Morrissey &amp; Sakrejda (2013, Evolution 67: 2094).
 *
 * <p>API: {@link org.fallline.evolution.gam.Gam#fit(java.util.List, double[][], double[],
 * org.fallline.evolution.gam.GamFamily, org.fallline.evolution.gam.GamOptions) Gam.fit(traits, z, y, family,
 * options)} (or with covariates) returns a {@link org.fallline.evolution.gam.FittedGam}: at any trait vector z,
 * {@code linearPredictor(z)}, {@code fitness(z)} (response scale), {@code gradient(z)} and {@code hessian(z)} of the
 * fitness in z (exact, from the basis derivatives; {@code linkGradient}/{@code linkHessian} on the link scale),
 * {@code standardError(z)} (pointwise, link scale, from mgcv's Bayesian covariance Vp); and {@code edf()},
 * {@code smoothEdf()}, {@code smoothingParameters()}, {@code criterion()}, {@code score()}, {@code scale()},
 * {@code deviance()}, {@code fittedValues()}, {@code formula()}. {@link org.fallline.evolution.gam.GamFamily}:
 * GAUSSIAN (identity), BINOMIAL (logit), POISSON (log). {@link org.fallline.evolution.gam.GamOptions}: mgcv's
 * defaults ({@code te} margins k = 5, {@code s} k = 10, cubic regression splines, GCV/UBRE), or fixed λ.
 *
 * <p>Bases: {@code s(z, bs = "cr")} for one trait, {@code te(z1, …, bs = "cr")} for two or three, additive
 * s(z1) + … + s(zk) beyond. Trouble is a {@link org.fallline.evolution.SelectionException} (bad input: too few
 * distinct trait values, invalid fitness, a model matrix too big for the heap; numerical: no convergence,
 * separation).
 */
package org.fallline.evolution.gam;
