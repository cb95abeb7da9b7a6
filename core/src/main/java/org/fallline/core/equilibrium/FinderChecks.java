package org.fallline.core.equilibrium;

import org.fallline.core.CoreException;
import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;

/**
 * The checks the builders and searches of {@link EquilibriumFinder} and {@link CertifiedEquilibriumFinder}
 * share, so that both refuse the same values with the same one-line message ("WHAT must be ..., got V").
 * Each returns the value it accepted, for use in a builder's assignment.
 */
final class FinderChecks {

    /** The relative threshold for a zero Hessian eigenvalue both finders use unless told otherwise. */
    static final double DEFAULT_CLASSIFICATION_TOLERANCE = 1e-8;

    private FinderChecks() {
    }

    /** {@code value} if it is ≥ 1. */
    static long atLeastOne(long value, String what) {
        if (value < 1) {
            throw new CoreException(what + " must be >= 1, got " + value);
        }
        return value;
    }

    /** {@code value} if it is ≥ 1. */
    static int atLeastOne(int value, String what) {
        return (int) atLeastOne((long) value, what);
    }

    /** {@code value} if it lies in [lo, hi]. */
    static int inRange(int value, int lo, int hi, String what) {
        if (value < lo || value > hi) {
            throw new CoreException(what + " must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and &gt; 0. */
    static double positive(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new CoreException(what + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and ≥ 0. */
    static double nonNegative(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new CoreException(what + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it lies in the open interval (0, 1). */
    static double inUnitInterval(double value, String what) {
        if (!(value > 0 && value < 1)) {
            throw new CoreException(what + " must be in (0, 1), got " + value);
        }
        return value;
    }

    /** The classification tolerance of {@link Equilibrium#classify}: finite and ≥ 0. */
    static double classificationTolerance(double value) {
        return nonNegative(value, "classification tolerance");
    }

    /** Bad input unless the box has one interval per variable of the field. */
    static void sameDimension(ScalarField f, Box box) {
        int n = f.dimension();
        if (box.dimension() != n) {
            throw new CoreException("box has " + box.dimension() + " coordinates, the field has " + n + " "
                    + f.variables());
        }
    }
}
