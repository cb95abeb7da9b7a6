/**
 * Numerical machinery behind the selection analysis, on plain arrays; users go through
 * {@code org.fallline.evolution}. {@link org.fallline.evolution.internal.Glm} fits logistic and Poisson
 * regressions by IRLS as R's {@code glm.fit} does; {@link org.fallline.evolution.internal.NonNormalGradients}
 * turns them into selection gradients for binary (Janzen &amp; Stern 1998) and count fitness
 * (Morrissey &amp; Sakrejda 2013, Morrissey &amp; Goudie 2022); {@link org.fallline.evolution.internal.Resampler}
 * runs deterministic parallel bootstraps and permutation tests.
 */
package org.fallline.evolution.internal;
