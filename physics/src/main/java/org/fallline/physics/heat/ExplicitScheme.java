package org.fallline.physics.heat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fallline.physics.PhysicsException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.nonstiff.AdamsBashforthIntegrator;
import org.hipparchus.ode.nonstiff.AdamsMoultonIntegrator;
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
 * The Hipparchus integrators usable on the semi-discrete heat equation, by name, with their order
 * and their real-axis stability radius r: the method is stable on u' = −Ku iff Δt·λmax(K) ≤ r.
 * The radii of the Runge–Kutta methods were computed from Hipparchus' own Butcher arrays (the
 * physics reference, §1); Adams–Bashforth with four steps has the interval [−3/10, 0] (Hairer and
 * Wanner, <i>Solving ODEs II</i>, §V.1); for Adams–Moulton (Hipparchus' predictor–corrector) and
 * Gragg–Bulirsch–Stoer (variable order) no single radius exists and 2 is used for predictions.
 */
public enum ExplicitScheme {
    EULER("euler", 1, 2.0, true),
    MIDPOINT("midpoint", 2, 2.0, true),
    RK4("rk4", 4, 2.785294, true),
    GILL("gill", 4, 2.785294, true),
    THREE_EIGHTHS("three-eighths", 4, 2.785294, true),
    LUTHER("luther", 6, 2.856109, true),
    DP54("dp54", 5, 3.306568, false),
    DP853("dp853", 8, 6.393652, false),
    HIGHAM_HALL54("higham-hall54", 5, 4.394953, false),
    GBS("gbs", 0, 2.0, false),
    ADAMS_BASHFORTH("adams-bashforth", 4, 0.3, false),
    ADAMS_MOULTON("adams-moulton", 4, 2.0, false);

    private final String label;
    private final int order;
    private final double radius;
    private final boolean fixedStep;

    ExplicitScheme(String label, int order, double radius, boolean fixedStep) {
        this.label = label;
        this.order = order;
        this.radius = radius;
        this.fixedStep = fixedStep;
    }

    /** The name on the command line. */
    public String label() {
        return label;
    }

    /** The classical order (0 for the variable-order GBS). */
    public int order() {
        return order;
    }

    /** r, the real-axis stability radius. */
    public double stabilityRadius() {
        return radius;
    }

    /** True for the fixed-step methods. */
    public boolean fixedStep() {
        return fixedStep;
    }

    /** All names. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(ExplicitScheme::label).toList();
    }

    /** The scheme called {@code name}. */
    public static ExplicitScheme byLabel(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (ExplicitScheme s : values()) {
            if (s.label.equals(key)) {
                return s;
            }
        }
        throw PhysicsException.badInput("--method explicit:" + name + ": unknown integrator; expected one of "
                + String.join(", ", labels()));
    }

    /** The integrator: fixed step {@code dt}, or adaptive with absolute and relative tolerance {@code tol}. */
    AbstractIntegrator create(double dt, double tol, double maxStep) {
        double min = 1e-14 * maxStep;
        return switch (this) {
            case EULER -> new EulerIntegrator(dt);
            case MIDPOINT -> new MidpointIntegrator(dt);
            case RK4 -> new ClassicalRungeKuttaIntegrator(dt);
            case GILL -> new GillIntegrator(dt);
            case THREE_EIGHTHS -> new ThreeEighthesIntegrator(dt);
            case LUTHER -> new LutherIntegrator(dt);
            case DP54 -> new DormandPrince54Integrator(min, maxStep, tol, tol);
            case DP853 -> new DormandPrince853Integrator(min, maxStep, tol, tol);
            case HIGHAM_HALL54 -> new HighamHall54Integrator(min, maxStep, tol, tol);
            case GBS -> new GraggBulirschStoerIntegrator(min, maxStep, tol, tol);
            case ADAMS_BASHFORTH -> new AdamsBashforthIntegrator(4, min, maxStep, tol, tol);
            case ADAMS_MOULTON -> new AdamsMoultonIntegrator(4, min, maxStep, tol, tol);
        };
    }
}
