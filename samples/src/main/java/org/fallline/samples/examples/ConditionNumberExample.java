package org.fallline.samples.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.fallline.core.descent.DescentAlgorithm;
import org.fallline.core.descent.DescentDefaults;
import org.fallline.core.descent.DescentMethod;
import org.fallline.core.descent.DescentResult;
import org.fallline.core.field.Expression;
import org.fallline.core.descent.QuadraticAnalysis;
import org.fallline.core.descent.StopReason;
import org.fallline.core.descent.StoppingCriteria;

/**
 * Example of the core library on an ill-conditioned quadratic: how the condition number κ = L/μ of the
 * Hessian governs the speed of every descent method.
 *
 * <p>The field is V(x, y) = ½xᵀAx − bᵀx with A = [[50.5, 49.5], [49.5, 50.5]] (eigenvalues μ = 1 and L = 100,
 * so κ = 100) and b = (1, 2), written as the {@link Expression}
 * {@code 25.25*x^2 + 49.5*x*y + 25.25*y^2 - x - 2*y}; its minimiser is x* = A⁻¹b = (−0.485, 0.515).
 * {@link QuadraticAnalysis} reads the quadratic form off the expression and gives the closed-form theory:
 * gradient descent is stable for η &lt; 2/L = 0.02 and fastest at η* = 2/(μ + L) = 2/101, contracting by
 * (κ − 1)/(κ + 1) = 99/101 per step; optimally tuned momentum contracts by (√κ − 1)/(√κ + 1) = 9/11; conjugate
 * gradients finish in as many steps as A has distinct eigenvalues (2). The example then runs every method of
 * {@link DescentAlgorithm#values()} from (0, 0) with its default parameters until ‖∇V‖ ≤ 10⁻⁸ and prints, for
 * each, the iterations and the predicted and measured contraction per step of ‖x_k − x*‖.
 *
 * <p>What to look for: fixed-step gradient descent needs about (κ/2)·ln(1/ε) steps to reduce the error by ε,
 * the momentum methods about √κ times fewer, conjugate gradients 2 and Newton 1. The predictions for steepest descent and conjugate
 * gradients are worst-case bounds, which a particular start may beat. The line-search methods (gd-armijo,
 * steepest) judge a step by the decrease of V; V is computed with a rounding error of about 10⁻¹⁵ (its terms,
 * of size about 10, cancel to V* = −0.2725), so on a quadratic field they use the exact model decrease
 * t∇Vᵀd + ½t²dᵀAd instead of a difference of computed values, and reach the tolerance like the others.
 *
 * <p>References: B. T. Polyak, <i>Introduction to Optimization</i>, Optimization Software 1987, §1.4 and §3.2;
 * J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006, Theorem 3.3 and §5.1.
 *
 * <p>Run it with
 * {@code java -cp samples/target/fallline.jar org.fallline.samples.examples.ConditionNumberExample}.
 */
public final class ConditionNumberExample {

    /** ½xᵀAx − bᵀx with A = [[50.5, 49.5], [49.5, 50.5]], b = (1, 2). */
    public static final String FIELD = "25.25*x^2 + 49.5*x*y + 25.25*y^2 - x - 2*y";

    /** A measured rate needs a tail of iterates; shorter runs (newton, cg) report none. */
    private static final int MIN_ITERATIONS_FOR_RATE = 10;

    private ConditionNumberExample() {
    }

    /**
     * One descent run.
     *
     * @param method        the method's name
     * @param parameters    the default parameters it was given
     * @param iterations    steps until ‖∇V‖ ≤ 10⁻⁸ (or the budget ran out)
     * @param stopReason    why it stopped
     * @param gradientNorm  ‖∇V‖ at the last iterate
     * @param predictedRate the contraction per step the theory predicts (empty for gd-armijo)
     * @param measuredRate  the contraction per step of ‖x_k − x*‖ over the second half of the run (empty for runs
     *                      shorter than 10 steps, whose tail says nothing asymptotic)
     */
    public record Run(String method, Map<String, Double> parameters, int iterations, StopReason stopReason,
                      double gradientNorm, OptionalDouble predictedRate, OptionalDouble measuredRate) {

        public Run {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * What the example computes.
     *
     * @param analysis the closed-form analysis of the quadratic
     * @param runs     one run per method, in the order of {@link DescentAlgorithm#values()}
     */
    public record Result(QuadraticAnalysis analysis, List<Run> runs) {

        public Result {
            runs = List.copyOf(runs);
        }

        /** The run of the named method. */
        public Run run(String method) {
            return runs.stream().filter(r -> r.method().equals(method)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no run of " + method));
        }
    }

    /** Analyses the quadratic and runs every descent method on it from (0, 0). */
    public static Result run() {
        Expression v = Expression.parse(FIELD);
        QuadraticAnalysis q = QuadraticAnalysis.of(v)
                .orElseThrow(() -> new IllegalStateException(FIELD + " should have a constant Hessian"));
        double[] xStar = q.minimizer().orElseThrow(() -> new IllegalStateException("A should be positive definite"));
        double[] x0 = {0, 0};
        List<Run> runs = new ArrayList<>();
        for (DescentAlgorithm algorithm : DescentAlgorithm.values()) {
            String name = algorithm.label();
            DescentMethod m = DescentDefaults.create(algorithm, v, x0, OptionalDouble.empty(), OptionalDouble.empty());
            DescentResult r = m.minimize(v, x0, StoppingCriteria.DEFAULT);
            OptionalDouble measured = r.iterations() >= MIN_ITERATIONS_FOR_RATE
                    ? OptionalDouble.of(QuadraticAnalysis.measuredRate(r.trajectory(), xStar))
                    : OptionalDouble.empty();
            runs.add(new Run(name, m.parameters(), r.iterations(), r.stopReason(), r.finalGradientNorm(),
                    q.predictedRate(m), measured));
        }
        return new Result(q, runs);
    }

    public static void main(String[] args) {
        Result r = run();
        QuadraticAnalysis q = r.analysis();
        System.out.println("V(x, y) = " + FIELD);
        System.out.printf(Locale.ROOT, "eigenvalues %.6g and %.6g, condition number %.6g%n", q.smallestEigenvalue(),
                q.largestEigenvalue(), q.conditionNumber().getAsDouble());
        double[] xStar = q.minimizer().orElseThrow();
        System.out.printf(Locale.ROOT, "minimiser (%.6g, %.6g), minimum %.6g%n", xStar[0], xStar[1],
                q.minimumValue().getAsDouble());
        System.out.printf(Locale.ROOT, "gradient descent stable for step < 2/L = %.6g, optimal step 2/(mu+L) = %.6g "
                + "with contraction %.6g%n", q.maxStableStep().getAsDouble(), q.optimalStep().getAsDouble(),
                q.optimalContraction().getAsDouble());
        System.out.printf(Locale.ROOT, "accelerated rate (sqrt(kappa)-1)/(sqrt(kappa)+1) = %.6g; "
                + "conjugate gradients need at most %d steps%n", q.acceleratedRate().getAsDouble(),
                q.distinctEigenvalues());
        System.out.println();
        System.out.println("From (0, 0) to |grad V| <= 1e-8, default parameters:");
        System.out.printf(Locale.ROOT, "  %-11s %10s %-10s %9s %10s %10s  %s%n", "method", "iterations", "stopped",
                "|grad V|", "predicted", "measured", "parameters");
        for (Run run : r.runs()) {
            System.out.printf(Locale.ROOT, "  %-11s %10d %-10s %9.2e %10s %10s  %s%n", run.method(),
                    run.iterations(), run.stopReason().label(), run.gradientNorm(), rate(run.predictedRate()), rate(run.measuredRate()),
                    parameters(run.parameters()));
        }
    }

    private static String rate(OptionalDouble r) {
        return r.isPresent() ? String.format(Locale.ROOT, "%.6f", r.getAsDouble()) : "-";
    }

    private static String parameters(Map<String, Double> p) {
        StringBuilder s = new StringBuilder();
        p.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(" = ")
                .append(String.format(Locale.ROOT, "%.6g", v)));
        return s.toString();
    }
}
