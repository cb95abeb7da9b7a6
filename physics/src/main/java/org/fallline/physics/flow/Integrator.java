package org.fallline.physics.flow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fallline.physics.PhysicsException;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.nonstiff.AdamsBashforthIntegrator;
import org.hipparchus.ode.nonstiff.AdamsMoultonIntegrator;
import org.hipparchus.ode.nonstiff.ButcherArrayProvider;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.EulerIntegrator;
import org.hipparchus.ode.nonstiff.GillIntegrator;
import org.hipparchus.ode.nonstiff.GraggBulirschStoerIntegrator;
import org.hipparchus.ode.nonstiff.HighamHall54Integrator;
import org.hipparchus.ode.nonstiff.LutherIntegrator;
import org.hipparchus.ode.nonstiff.MidpointIntegrator;
import org.hipparchus.ode.nonstiff.ThreeEighthesIntegrator;

/**
 * The Hipparchus integrators a flow can be solved with, by the names the command line uses: the fixed-step
 * explicit Runge–Kutta methods (Euler, midpoint, classical RK4, Gill, 3/8, Luther) and the adaptive ones
 * (Dormand–Prince 5(4) and 8(5,3), Higham–Hall 5(4), Gragg–Bulirsch–Stoer extrapolation, Adams–Bashforth
 * and Adams–Moulton in Nordsieck form with four steps).
 *
 * <p>Fixed-step methods take a step h; adaptive ones an absolute and relative tolerance (the same number
 * for both) and a maximal step. For a fixed-step method the stability function R(z) of its Butcher
 * array decides which steps are stable on a linear(ised) problem ({@link StabilityRegion}).
 *
 * <p>Reference: E. Hairer, S. P. Nørsett and G. Wanner, <i>Solving Ordinary Differential Equations I</i>,
 * 2nd ed., Springer 1993, §II.1–II.9 and §III.5.
 */
public enum Integrator {
    EULER("euler", 1),
    MIDPOINT("midpoint", 2),
    RK4("rk4", 4),
    GILL("gill", 4),
    THREE_EIGHTHS("three-eighths", 4),
    LUTHER("luther", 6),
    DP54("dp54", 5),
    DP853("dp853", 8),
    HIGHAM_HALL54("higham-hall54", 5),
    GBS("gbs", 0),
    ADAMS_BASHFORTH("adams-bashforth", 4),
    ADAMS_MOULTON("adams-moulton", 5);

    /** Number of steps of the Adams methods. */
    private static final int ADAMS_STEPS = 4;

    private final String label;
    private final int order;

    Integrator(String label, int order) {
        this.label = label;
        this.order = order;
    }

    /** The name the command line uses ("dp853", "rk4", …). */
    public String label() {
        return label;
    }

    /** The classical order of the method (0 for GBS, whose order varies with the extrapolation). */
    public int order() {
        return order;
    }

    /** True for the methods that take a fixed step. */
    public boolean fixedStep() {
        return ordinal() <= LUTHER.ordinal();
    }

    /** The names, in the order above. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Integrator::label).toList();
    }

    /**
     * The integrator called {@code name}.
     *
     * @throws PhysicsException (bad input) naming the known integrators when there is none by that name
     */
    public static Integrator byName(String name) {
        for (Integrator i : values()) {
            if (i.label.equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "unknown integrator '" + name
                + "'; expected one of " + String.join(", ", labels()));
    }

    /** The Butcher array of a fixed-step Runge–Kutta method (empty for the adaptive ones). */
    public Optional<ButcherArrayProvider> butcherArray() {
        if (!fixedStep()) {
            return Optional.empty();
        }
        // the step does not enter the array; 1 is a placeholder
        return Optional.of((ButcherArrayProvider) create(1, 1e-10, 1));
    }

    /**
     * A new Hipparchus integrator.
     *
     * @param step      h for a fixed-step method (ignored otherwise)
     * @param tolerance absolute and relative tolerance of an adaptive method (ignored otherwise)
     * @param maxStep   largest step of an adaptive method
     */
    public ODEIntegrator create(double step, double tolerance, double maxStep) {
        double minStep = 1e-14 * maxStep;
        return switch (this) {
            case EULER -> new EulerIntegrator(step);
            case MIDPOINT -> new MidpointIntegrator(step);
            case RK4 -> new ClassicalRungeKuttaIntegrator(step);
            case GILL -> new GillIntegrator(step);
            case THREE_EIGHTHS -> new ThreeEighthesIntegrator(step);
            case LUTHER -> new LutherIntegrator(step);
            case DP54 -> new DormandPrince54Integrator(minStep, maxStep, tolerance, tolerance);
            case DP853 -> new DormandPrince853Integrator(minStep, maxStep, tolerance, tolerance);
            case HIGHAM_HALL54 -> new HighamHall54Integrator(minStep, maxStep, tolerance, tolerance);
            case GBS -> new GraggBulirschStoerIntegrator(minStep, maxStep, tolerance, tolerance);
            case ADAMS_BASHFORTH -> new AdamsBashforthIntegrator(ADAMS_STEPS, minStep, maxStep, tolerance, tolerance);
            case ADAMS_MOULTON -> new AdamsMoultonIntegrator(ADAMS_STEPS, minStep, maxStep, tolerance, tolerance);
        };
    }
}
