package org.fallline.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fallline.core.internal.IterationRecorder;
import org.fallline.core.internal.LineSearch;
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
    public String name() {
        return "gd-armijo";
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
    public DescentResult minimize(ScalarField f, double[] x0, StoppingCriteria stop) {
        int n = f.dimension();
        double[] g = new double[n];
        IterationRecorder rec = new IterationRecorder(f, x0, g, stop, false);
        StopReason reason = rec.startStatus();
        double[] x = x0.clone();
        double v = rec.startValue();
        while (reason == null) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            double t = LineSearch.armijo(f, x, v, -Vectors.dot(g, g), d, initialStep, C1, SHRINK);
            if (t == 0) {
                reason = StopReason.STALLED;
                break;
            }
            x = LineSearch.along(x, t, d);
            v = f.gradient(x, g);
            reason = rec.accept(x, v, g);
        }
        return rec.result(name(), parameters(), reason);
    }
}
