package org.fallline.evolution.gam;

import java.util.Arrays;
import java.util.Optional;

/**
 * How {@link Gam#fit} builds and smooths the fitness function. The defaults are mgcv's: tensor-product margins
 * of {@value #DEFAULT_MARGIN} cubic regression spline basis functions ({@code te(…, bs = "cr")}, k = 5 each),
 * one-variable smooths of {@value #DEFAULT_SMOOTH} ({@code s(z, bs = "cr")}, k = 10), the criterion of method
 * "GCV.Cp" (GCV for Gaussian, UBRE for binomial and Poisson fitness), smoothing parameters chosen.
 * Immutable; {@code withX} returns a copy.
 */
public final class GamOptions {

    /** mgcv's default basis dimension of a tensor-product margin. */
    public static final int DEFAULT_MARGIN = 5;
    /** mgcv's default basis dimension of a one-variable smooth. */
    public static final int DEFAULT_SMOOTH = 10;
    /** Traits beyond which the fitness function is additive, s(z1) + … + s(zk). */
    public static final int MAX_TENSOR_TRAITS = 3;

    private final int marginDimension;
    private final int smoothDimension;
    private final SmoothingCriterion criterion;
    private final boolean additive;
    private final double[] smoothingParameters;
    private final boolean fixed;

    private GamOptions(int marginDimension, int smoothDimension, SmoothingCriterion criterion, boolean additive,
            double[] smoothingParameters, boolean fixed) {
        this.marginDimension = marginDimension;
        this.smoothDimension = smoothDimension;
        this.criterion = criterion;
        this.additive = additive;
        this.smoothingParameters = smoothingParameters;
        this.fixed = fixed;
    }

    /** mgcv's defaults. */
    public static GamOptions defaults() {
        return new GamOptions(DEFAULT_MARGIN, DEFAULT_SMOOTH, null, false, null, false);
    }

    /** Basis functions per tensor-product margin (at least 3). */
    public GamOptions withMarginDimension(int q) {
        requireDimension(q);
        return new GamOptions(q, smoothDimension, criterion, additive, smoothingParameters, fixed);
    }

    /** Basis functions of a one-variable smooth (at least 3). */
    public GamOptions withSmoothDimension(int q) {
        requireDimension(q);
        return new GamOptions(marginDimension, q, criterion, additive, smoothingParameters, fixed);
    }

    /** The criterion, instead of the family's default. */
    public GamOptions withCriterion(SmoothingCriterion c) {
        return new GamOptions(marginDimension, smoothDimension, c, additive, smoothingParameters, fixed);
    }

    /** An additive fitness function s(z1) + … + s(zk) even for two or three traits. */
    public GamOptions withAdditive(boolean a) {
        return new GamOptions(marginDimension, smoothDimension, criterion, a, smoothingParameters, fixed);
    }

    /** Fixed smoothing parameters λ (one per penalty, on mgcv's scale), not chosen by the criterion. */
    public GamOptions withSmoothingParameters(double... lambda) {
        checkPositive(lambda);
        return new GamOptions(marginDimension, smoothDimension, criterion, additive, lambda.clone(), true);
    }

    /**
     * Smoothing parameters chosen by the criterion by a local search from λ (no grid): for refits of similar data,
     * such as bootstrap resamples, whose optimum lies near the original fit's.
     */
    public GamOptions withStartingSmoothingParameters(double... lambda) {
        checkPositive(lambda);
        return new GamOptions(marginDimension, smoothDimension, criterion, additive, lambda.clone(), false);
    }

    private static void checkPositive(double[] lambda) {
        for (double l : lambda) {
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("a smoothing parameter must be positive and finite, got " + l);
            }
        }
    }

    public int marginDimension() {
        return marginDimension;
    }

    public int smoothDimension() {
        return smoothDimension;
    }

    /** The criterion asked for; empty means the family's default. */
    public Optional<SmoothingCriterion> criterion() {
        return Optional.ofNullable(criterion);
    }

    public boolean additive() {
        return additive;
    }

    /** Fixed λ, when given. */
    public Optional<double[]> smoothingParameters() {
        return smoothingParameters == null || !fixed ? Optional.empty() : Optional.of(smoothingParameters.clone());
    }

    /** The λ a local search starts from, when given. */
    public Optional<double[]> startingSmoothingParameters() {
        return smoothingParameters == null || fixed ? Optional.empty() : Optional.of(smoothingParameters.clone());
    }

    private static void requireDimension(int q) {
        if (q < 3) {
            throw new IllegalArgumentException("a cubic regression spline needs at least 3 basis functions, got " + q);
        }
    }

    @Override
    public String toString() {
        return "GamOptions[margin=" + marginDimension + ", smooth=" + smoothDimension + ", criterion=" + criterion
                + ", additive=" + additive + ", sp=" + Arrays.toString(smoothingParameters) + "]";
    }
}
