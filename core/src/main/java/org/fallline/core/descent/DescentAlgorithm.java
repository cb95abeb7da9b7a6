package org.fallline.core.descent;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The descent methods fallline offers, with what each one takes: a step η (fixed, or the first trial step of a
 * line search) and a momentum β. The command line knows them by {@link #label()}; the library by the constant.
 *
 * <p>x_{k+1} = x_k − η∇V(x_k) (gd); with a backtracking Armijo line search (gd-armijo); with the exact line
 * search along −∇V (steepest); the damped Newton step −(∇²V)⁻¹∇V (newton); Polyak's heavy ball
 * x_{k+1} = x_k − η∇V(x_k) + β(x_k − x_{k−1}); Nesterov's accelerated gradient; nonlinear conjugate gradients
 * (Polak–Ribière⁺, linear CG on quadratics). Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2006, ch. 3, 5.
 */
public enum DescentAlgorithm {
    /** Fixed-step gradient descent. */
    GRADIENT_DESCENT("gd", true, false),
    /** Gradient descent with a backtracking Armijo line search; the step is the first trial step. */
    ARMIJO("gd-armijo", true, false),
    /** Steepest descent with an exact line search. */
    STEEPEST("steepest", false, false),
    /** Damped Newton's method with a modified Hessian. */
    NEWTON("newton", false, false),
    /** Polyak's heavy-ball method. */
    HEAVY_BALL("heavy-ball", true, true),
    /** Nesterov's accelerated gradient method. */
    NESTEROV("nesterov", true, true),
    /** Conjugate gradients. */
    CONJUGATE_GRADIENT("cg", false, false);

    private final String label;
    private final boolean takesStep;
    private final boolean takesMomentum;

    DescentAlgorithm(String label, boolean takesStep, boolean takesMomentum) {
        this.label = label;
        this.takesStep = takesStep;
        this.takesMomentum = takesMomentum;
    }

    /** The name as the command line spells it, e.g. {@code heavy-ball}. */
    public String label() {
        return label;
    }

    /** Whether the method takes a step η (else it chooses its own by line search or Newton step). */
    public boolean takesStep() {
        return takesStep;
    }

    /** Whether the method takes a momentum coefficient β. */
    public boolean takesMomentum() {
        return takesMomentum;
    }

    /** The algorithm whose {@link #label()} is {@code label}, if any. */
    public static Optional<DescentAlgorithm> byLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
    }

    /** Every label, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(DescentAlgorithm::label).toList();
    }
}
