package org.fallline.core.descent;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fallline.core.internal.DescentRun;
import org.fallline.core.internal.ParameterChecks;
import org.fallline.core.internal.Vectors;

/**
 * Gradient descent with a backtracking (Armijo) line search: from the initial step t₀ the step is halved
 * until V(x − t∇V) ≤ V(x) − c₁ t ‖∇V‖² with c₁ = 10⁻⁴. V decreases at every step (a discrete Lyapunov
 * function), and the method needs no knowledge of the curvature.
 *
 * <p>Reference: L. Armijo, Minimization of functions having Lipschitz continuous first partial derivatives,
 * Pacific J. Math. 16 (1966) 1–3; J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * Springer 2006, Algorithm 3.1.
 */
public final class ArmijoDescent implements DescentMethod {

    /** Sufficient-decrease constant c₁. */
    public static final double C1 = 1e-4;
    /** Backtracking factor. */
    public static final double SHRINK = 0.5;

    private final double initialStep;

    /**
     * @param initialStep t₀, the first step tried at every iteration, finite and &gt; 0
     * @throws CoreException otherwise
     */
    public ArmijoDescent(double initialStep) {
        this.initialStep = ParameterChecks.step("step", initialStep);
    }

    /** t₀. */
    public double initialStep() {
        return initialStep;
    }

    @Override
    public DescentAlgorithm algorithm() {
        return DescentAlgorithm.ARMIJO;
    }

    /** {step = t₀, c1, shrink}. */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("step", initialStep);
        p.put("c1", C1);
        p.put("shrink", SHRINK);
        return p;
    }

    @Override
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop, StepObserver observer) {
        DescentRun run = new DescentRun(f, x0, stop, false, observer);
        while (run.going()) {
            double[] g = run.gradient();
            run.backtrack(Vectors.negate(g), -Vectors.dot(g, g), initialStep, C1, SHRINK);
        }
        return run.result(this);
    }
}
