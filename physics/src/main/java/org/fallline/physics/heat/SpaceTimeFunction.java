package org.fallline.physics.heat;

/**
 * A function g(x, t) of a point of the domain [0, L]^d (coordinates x, y, z up to the dimension)
 * and the time: a boundary value or flux, a source f(x, t), an initial condition (at t = 0) or an
 * exact solution. Implementations are pure and thread-safe.
 */
@FunctionalInterface
public interface SpaceTimeFunction {

    /** g(x, t); {@code x} has one coordinate per space dimension. */
    double value(double[] x, double t);

    /**
     * False when g does not depend on t, so that a solver may evaluate it once; the default, true,
     * is always safe.
     */
    default boolean dependsOnTime() {
        return true;
    }

    /** A function of x alone. */
    static SpaceTimeFunction ofSpace(java.util.function.ToDoubleFunction<double[]> g) {
        return new SpaceTimeFunction() {
            @Override
            public double value(double[] x, double t) {
                return g.applyAsDouble(x);
            }

            @Override
            public boolean dependsOnTime() {
                return false;
            }
        };
    }

    /** The constant c. */
    static SpaceTimeFunction constant(double c) {
        return ofSpace(x -> c);
    }
}
