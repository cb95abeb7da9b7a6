package org.fallline.core.internal;

import org.fallline.core.CoreException;

/** Validation of descent parameters with messages that name the parameter. */
public final class ParameterChecks {

    private ParameterChecks() {
    }

    /** A step size: finite and &gt; 0. */
    public static double step(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new CoreException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** A momentum coefficient: in [0, 1). */
    public static double momentum(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new CoreException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }
}
