package org.fallline.samples.examples;

import java.util.List;
import java.util.Locale;

import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.field.Expression;
import org.fallline.core.field.QuadraticField;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.flow.FlowOptions;
import org.fallline.physics.flow.FlowVersusDescent;
import org.fallline.physics.flow.SaddleEscape;

/**
 * Example of the physics module's flows: gradient descent against the gradient flow it discretises, and the
 * escape from a saddle with and without momentum.
 *
 * <ol>
 *   <li>On the κ = 100 quadratic of the reference (A = [[50.5, 49.5], [49.5, 50.5]], b = (1, 2), eigenvalues 1
 *       and 100) descent with η = 0.0198 &lt; 2/λmax = 0.02 tracks the exact flow x* + e^{−At}(x₀ − x*) at t = kη;
 *       with η = 0.021 the fast mode is multiplied by 1 − 100η = −1.1 per step and descent diverges while the
 *       flow, at the same times, settles on x*.</li>
 *   <li>From (10⁻³, 10⁻³) the gradient flow and the heavy ball (friction 1, from rest) leave the ball of radius
 *       0.5 around the saddle (0, 0) of V = eˣcos y − x − 1 (μ = 1: the heavy ball's linear rate
 *       (√5 − 1)/2 &lt; 1, so momentum is slower), and the ball of radius 1 around the flat saddle of
 *       V = ½(y² − 0.25x²) with friction 0.5 (rate 0.309 &gt; 0.25: momentum is faster).</li>
 * </ol>
 * Reference: B. T. Polyak, Some methods of speeding up the convergence of iteration methods, USSR Comput. Math.
 * Math. Phys. 4 (1964) 1–17; Yu. Nesterov, <i>Lectures on Convex Optimization</i>, 2nd ed., Springer 2018, §2.1.5.
 *
 * <p>Run it with {@code java -cp samples/target/fallline.jar org.fallline.samples.examples.FlowExample}.
 */
public final class FlowExample {

    /** The κ = 100 quadratic (reference B1). */
    public static final QuadraticField KAPPA_100 = new QuadraticField(List.of("x", "y"),
            new double[][] {{50.5, 49.5}, {49.5, 50.5}}, new double[] {1, 2}, 0);

    private FlowExample() {
    }

    /**
     * What the example computes.
     *
     * @param stable   descent with η = 0.0198 against the flow
     * @param unstable descent with η = 0.021 against the flow
     * @param steep    escape from the saddle of eˣcos y − x − 1 (friction 1, radius 0.5)
     * @param flat     escape from the saddle of ½(y² − 0.25x²) (friction 0.5, radius 1)
     */
    public record Result(FlowVersusDescent stable, FlowVersusDescent unstable, SaddleEscape steep, SaddleEscape flat) {
    }

    public static Result run() {
        double[] origin = {0, 0};
        FlowVersusDescent stable = FlowVersusDescent.compare(KAPPA_100, origin, 0.0198, 200);
        FlowVersusDescent unstable = FlowVersusDescent.compare(KAPPA_100, origin, 0.021, 200);
        double[] start = {1e-3, 1e-3};
        ScalarField seed = Expression.parse("exp(x)*cos(y) - x - 1");
        SaddleEscape steep = SaddleEscape.of(seed, Equilibrium.classify(seed, origin, 1e-8), start, 0.5, 1,
                FlowOptions.defaults().withEndTime(100));
        ScalarField flatField = Expression.parse("0.5*(y^2 - 0.25*x^2)");
        SaddleEscape flat = SaddleEscape.of(flatField, Equilibrium.classify(flatField, origin, 1e-8), start, 1, 0.5,
                FlowOptions.defaults().withEndTime(100));
        return new Result(stable, unstable, steep, flat);
    }

    public static void main(String[] args) {
        Result r = run();
        for (FlowVersusDescent c : List.of(r.stable(), r.unstable())) {
            System.out.printf(Locale.ROOT, "gradient descent, step %.4g (limit 2/lambda_max = %.4g: %s), against the flow"
                    + "%n", c.step(), c.stabilityLimit(), c.stable() ? "stable" : "beyond it");
            System.out.println("      k         t   flow x       flow y       descent x      descent y      error");
            for (FlowVersusDescent.Row row : c.rows()) {
                int k = row.iteration();
                if (k % 25 == 0 || k == c.rows().get(c.rows().size() - 1).iteration()) {
                    System.out.printf(Locale.ROOT, "  %5d  %8.4f  %11.6f  %11.6f  %13.6g  %13.6g  %10.3g%n", k,
                            row.time(), row.flow()[0], row.flow()[1], row.descent()[0], row.descent()[1], row.error());
                }
            }
            System.out.println("  descent stopped: " + c.descentStop().label());
            System.out.println();
        }
        for (SaddleEscape e : List.of(r.steep(), r.flat())) {
            System.out.printf(Locale.ROOT, "escape from the saddle at %s, radius %.3g, friction %.3g:%n",
                    java.util.Arrays.toString(e.saddle().point()), e.radius(), e.friction());
            System.out.printf(Locale.ROOT, "  gradient flow  t = %.6f   (linear rate mu  = %.6f)%n",
                    e.gradientFlowTime(), e.gradientFlowRate());
            System.out.printf(Locale.ROOT, "  heavy ball     t = %.6f   (linear rate rho = %.6f)%n",
                    e.heavyBallTime(), e.heavyBallRate());
        }
    }
}
