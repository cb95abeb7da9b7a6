package org.fallline.samples.examples;

import java.util.List;
import java.util.Locale;

import org.fallline.core.field.Box;
import org.fallline.core.descent.DescentResult;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.field.Expression;
import org.fallline.core.field.GradientCheck;
import org.fallline.core.descent.GradientDescent;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.core.descent.Trajectory;

/**
 * Example of the core library on a field with saddles and no minimum: V(x, y) = eˣ cos y − x − 1.
 *
 * <p>V is harmonic, so its Hessian has eigenvalues ±eˣ everywhere; its critical points are (0, 2πk),
 * all saddles with eigenvalues ±1, stable direction the x-axis and unstable direction the y-axis. The
 * example
 * <ol>
 *   <li>parses V as an {@link Expression} (exact gradient and Hessian),</li>
 *   <li>finds and classifies the equilibria in the box [−2, 2] × [−1, 13] with an {@link EquilibriumFinder}
 *       (three saddles: (0, 0), (0, 2π), (0, 4π)),</li>
 *   <li>checks the exact gradient against extrapolated central differences with {@link GradientCheck}, and</li>
 *   <li>runs fixed-step {@link GradientDescent} (η = 0.5) from (1, 10⁻⁶), just off the stable manifold
 *       y = 0: the iterates first approach the saddle at the origin, then the tiny y-component grows by
 *       the factor 1 + η·e^{x} ≈ 1.5 per step and the run escapes; |y| first exceeds 1 at iteration 33.</li>
 * </ol>
 * The escape count agrees with the project's gradient-flow reference values (136 iterations for η = 0.1,
 * 33 for η = 0.5). Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer
 * 2006, §2.1 (critical points and saddles); M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential
 * Equations, Dynamical Systems, and an Introduction to Chaos</i>, 3rd ed., Academic Press 2013, §9.3.
 *
 * <p>Run it with
 * {@code java -cp samples/target/fallline.jar org.fallline.samples.examples.SaddleFieldExample}.
 */
public final class SaddleFieldExample {

    /** The field, as the expression language writes it. */
    public static final String FIELD = "exp(x)*cos(y) - x - 1";

    /** Where the equilibria are sought: [−2, 2] × [−1, 13]. */
    public static final Box BOX = new Box(new double[] {-2, -1}, new double[] {2, 13});

    /** The start of the escape run, 10⁻⁶ above the stable manifold of the saddle at the origin. */
    private static final double[] ESCAPE_START = {1, 1e-6};

    /** Enough steps to see the escape; the run stops earlier when the iterates diverge. */
    private static final int ESCAPE_BUDGET = 60;

    private SaddleFieldExample() {
    }

    /**
     * What the example computes.
     *
     * @param equilibria      the critical points in {@link #BOX}, sorted by value then coordinates
     * @param gradientCheck   the exact gradient at (0.5, 0.5) against a numerical estimate
     * @param escape          gradient descent with step 0.5 from (1, 10⁻⁶)
     * @param escapeIteration the first iteration k with |y_k| &gt; 1, or −1 if the run never got there
     */
    public record Result(List<Equilibrium> equilibria, GradientCheck.Report gradientCheck, DescentResult escape,
                         int escapeIteration) {

        public Result {
            equilibria = List.copyOf(equilibria);
        }
    }

    /** Finds the equilibria, checks the gradient and runs the escape. */
    public static Result run() {
        Expression v = Expression.parse(FIELD);
        List<Equilibrium> equilibria = new EquilibriumFinder().find(v, BOX);
        GradientCheck.Report check = GradientCheck.gradient(v, new double[] {0.5, 0.5});
        // tolerance 0: the run is meant to leave the saddle, not to converge anywhere (V has no minimum)
        DescentResult escape = new GradientDescent(0.5).minimize(v, ESCAPE_START,
                new StoppingCriteria(0, ESCAPE_BUDGET));
        return new Result(equilibria, check, escape, firstAbove(escape.trajectory(), 1, 1.0));
    }

    /** The first k with |x_k[coordinate]| &gt; bound, or −1. */
    static int firstAbove(Trajectory t, int coordinate, double bound) {
        for (int k = 0; k < t.size(); k++) {
            if (Math.abs(t.coordinate(k, coordinate)) > bound) {
                return k;
            }
        }
        return -1;
    }

    public static void main(String[] args) {
        Result r = run();
        System.out.println("V(x, y) = " + FIELD + " on " + BOX);
        System.out.println();
        System.out.println("Equilibria (gradient flow dx/dt = -grad V):");
        for (Equilibrium e : r.equilibria()) {
            System.out.printf(Locale.ROOT, "  %-8s at %s  V = %.6f  eigenvalues %s  index %d%n", e.type().label(),
                    vector(e.point()), e.value(), vector(e.eigenvalues()), e.index());
            for (double[] d : e.stableDirections()) {
                System.out.println("           stable direction   " + vector(d));
            }
            for (double[] d : e.unstableDirections()) {
                System.out.println("           unstable direction " + vector(d));
            }
        }
        System.out.println();
        GradientCheck.Report c = r.gradientCheck();
        System.out.println("Gradient check at (0.5, 0.5):");
        System.out.println("  exact     " + vector(c.analytic()));
        System.out.println("  numerical " + vector(c.numerical()) + " +- " + vector(c.error()));
        System.out.printf(Locale.ROOT, "  relative discrepancy %.2e, consistent: %s%n", c.maxRelativeDiscrepancy(),
                c.consistent());
        System.out.println();
        DescentResult d = r.escape();
        System.out.println("Gradient descent, step 0.5, from (1, 1e-6):");
        Trajectory t = d.trajectory();
        int closest = 0;
        for (int k = 1; k < t.size(); k++) {
            if (norm(t.point(k)) < norm(t.point(closest))) {
                closest = k;
            }
        }
        System.out.printf(Locale.ROOT, "  closest to the saddle (0, 0) at iteration %d: %s%n", closest,
                vector(t.point(closest)));
        System.out.printf(Locale.ROOT, "  |y| first exceeds 1 at iteration %d: %s, V = %.6f%n", r.escapeIteration(),
                vector(t.point(r.escapeIteration())), t.value(r.escapeIteration()));
        System.out.printf(Locale.ROOT, "  stopped after %d iterations (%s) at %s, V = %.6g%n", d.iterations(),
                d.stopReason().label(), vector(d.finalPoint()), d.finalValue());
    }

    private static double norm(double[] x) {
        return Math.hypot(x[0], x[1]);
    }

    private static String vector(double[] x) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < x.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", x[i]));
        }
        return s.append(')').toString();
    }
}
