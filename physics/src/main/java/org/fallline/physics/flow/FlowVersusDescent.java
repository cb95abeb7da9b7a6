package org.fallline.physics.flow;

import java.util.ArrayList;
import java.util.List;

import org.fallline.core.descent.DescentResult;
import org.fallline.core.descent.GradientDescent;
import org.fallline.core.descent.StopReason;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;

/**
 * Gradient descent x_{k+1} = x_k − η∇V(x_k) against the gradient flow it discretises, on a quadratic V: the
 * iterates (I − ηA)^k(x₀ − x*) + x* (core's {@link GradientDescent}) beside the exact flow
 * x* + e^{−At}(x₀ − x*) ({@link QuadraticFlow}) at the matching times t = kη, with the error of descent
 * against the flow. Along an eigenvalue λ descent multiplies the error by 1 − ηλ per step and the flow by
 * e^{−ηλ}; they agree to O(η) at fixed t, and descent diverges once |1 − ηλmax| &gt; 1, i.e. η &gt; 2/λmax, while
 * the flow, stable for every t, does not.
 *
 * @param step              η
 * @param largestEigenvalue λmax of A
 * @param stabilityLimit    2/λmax (+∞ when λmax ≤ 0)
 * @param stable            η &lt; 2/λmax
 * @param rows              one row per iterate k = 0 … K (fewer when descent diverged and stopped)
 * @param descentStop       why the descent run stopped
 */
public record FlowVersusDescent(double step, double largestEigenvalue, double stabilityLimit, boolean stable,
                                List<Row> rows, StopReason descentStop) {

    /**
     * One matching time.
     *
     * @param iteration k
     * @param time      t = kη
     * @param flow      x(t), the exact flow
     * @param descent   x_k
     * @param error     |x_k − x(kη)|
     */
    public record Row(int iteration, double time, double[] flow, double[] descent, double error) {
        public Row {
            flow = flow.clone();
            descent = descent.clone();
        }

        @Override
        public double[] flow() {
            return flow.clone();
        }

        @Override
        public double[] descent() {
            return descent.clone();
        }
    }

    public FlowVersusDescent {
        rows = List.copyOf(rows);
    }

    /**
     * Runs K steps of descent with step η from x₀ and evaluates the exact flow at t = kη.
     *
     * @throws PhysicsException (bad input) if V is not quadratic, η is not finite and &gt; 0, or K &lt; 1
     */
    public static FlowVersusDescent compare(ScalarField f, double[] x0, double step, int iterations) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "step must be finite and > 0, got " + step);
        }
        if (iterations < 1) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "iterations must be >= 1, got " + iterations);
        }
        QuadraticFlow flow = QuadraticFlow.of(f);
        DescentResult gd = new GradientDescent(step).minimize(f, x0, new StoppingCriteria(0, iterations));
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < gd.trajectory().size(); j++) {
            int k = gd.trajectory().step(j);
            double t = k * step;
            double[] exact = flow.at(x0, t);
            double[] xk = gd.trajectory().point(j);
            double e = 0;
            for (int i = 0; i < xk.length; i++) {
                e += (xk[i] - exact[i]) * (xk[i] - exact[i]);
            }
            rows.add(new Row(k, t, exact, xk, Math.sqrt(e)));
        }
        double lmax = flow.largestEigenvalue();
        double limit = lmax > 0 ? 2 / lmax : Double.POSITIVE_INFINITY;
        return new FlowVersusDescent(step, lmax, limit, step < limit, rows, gd.stopReason());
    }

    /** The largest error over the rows. */
    public double maxError() {
        double m = 0;
        for (Row r : rows) {
            m = Math.max(m, r.error());
        }
        return m;
    }
}
