package org.fallline.samples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.fallline.core.descent.DescentAlgorithm;
import org.fallline.core.descent.DescentDefaults;
import org.fallline.core.descent.DescentMethod;
import org.fallline.core.descent.DescentResult;
import org.fallline.core.descent.QuadraticAnalysis;
import org.fallline.core.field.QuadraticField;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.tour.SectionReport;
import org.fallline.samples.tour.TourContext;
import org.fallline.samples.tour.TourSection;

/**
 * The tour's descent section: gradient descent, heavy ball, Nesterov and linear conjugate gradients on the
 * ill-conditioned quadratic V(x) = ½xᵀAx − bᵀx in n dimensions, A = diag(λ₁ … λₙ) with eigenvalues equally
 * spaced in [1, κ] and b = A·1, so x* = (1, …, 1); every run starts at 0 with the parameters the quadratic analysis recommends and
 * stops when ‖∇V‖ ≤ 10⁻⁸‖∇V(0)‖. For each κ it records the iterations and the contraction of ‖x_k − x*‖ per
 * step, measured over the second half of the run, beside the rate {@link QuadraticAnalysis#predictedRate}
 * predicts: (κ − 1)/(κ + 1) for gradient descent at 2/(μ + L), (√κ − 1)/(√κ + 1) for Polyak's heavy ball,
 * the spectral radius of Nesterov's iteration with α = 1/L, and the Chebyshev bound (√κ − 1)/(√κ + 1) for
 * conjugate gradients (which terminate in at most n steps, and on n equally spaced eigenvalues beat the bound
 * by adapting to the spectrum). The fitted exponents of iterations against κ are
 * compared with the theory's 1 (gradient descent) and ½ (the accelerated methods).
 *
 * <p>References: B. T. Polyak, <i>Introduction to Optimization</i>, 1987, §1.4 and §3.2; Yu. Nesterov,
 * <i>Lectures on Convex Optimization</i>, 2nd ed., Springer 2018, §2.2; J. Nocedal and S. J. Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Springer 2006, §5.1.
 */
final class DescentTour implements TourSection {

    static final List<String> METHODS = List.of(DescentAlgorithm.GRADIENT_DESCENT.label(),
            DescentAlgorithm.HEAVY_BALL.label(), DescentAlgorithm.NESTEROV.label(),
            DescentAlgorithm.CONJUGATE_GRADIENT.label());
    private static final Map<String, String> NAMES = Map.of("gd", "gradient descent", "heavy-ball", "heavy ball",
            "nesterov", "Nesterov", "cg", "conjugate gradients");
    static final double RELATIVE_TOLERANCE = 1e-8;
    private static final int MAX_ITERATIONS = 500_000;
    /** A measured rate needs a tail of iterates. */
    private static final int MIN_ITERATIONS_FOR_RATE = 10;

    /** The 2-D quadratic with κ = 100 of the README, for the reproducing commands. */
    static final String PLANE = "0.5*(50.5*x^2 + 2*49.5*x*y + 50.5*y^2) - x - 2*y";

    /** One run: the method on the quadratic with condition number kappa. */
    record Run(String method, double kappa, int iterations, boolean converged, OptionalDouble predicted,
               OptionalDouble measured) {
    }

    @Override
    public String id() {
        return "descent";
    }

    @Override
    public String domain() {
        return "core";
    }

    @Override
    public String title() {
        return "Descent methods on an ill-conditioned valley";
    }

    /** The condition numbers of the study. */
    static double[] kappas(boolean quick) {
        return quick ? new double[] {10, 100, 1000} : new double[] {10, 30, 100, 300, 1000, 3000};
    }

    /** The dimension of the study. */
    static int dimension(boolean quick) {
        return quick ? 50 : 100;
    }

    /** Runs every method for every κ. */
    static List<Run> study(int n, double[] kappas, TourContext context) {
        List<Run> runs = new ArrayList<>();
        int done = 0;
        for (double kappa : kappas) {
            QuadraticField f = valley(n, kappa);
            QuadraticAnalysis q = QuadraticAnalysis.of(f).orElseThrow();
            double[] xStar = f.minimizer();
            double[] x0 = new double[n];
            double[] g0 = new double[n];
            f.gradient(x0, g0);
            double tolerance = RELATIVE_TOLERANCE * Math.sqrt(java.util.Arrays.stream(g0).map(v -> v * v).sum());
            for (String name : METHODS) {
                DescentMethod m = DescentDefaults.create(DescentAlgorithm.byLabel(name).orElseThrow(), f, x0, OptionalDouble.empty(), OptionalDouble.empty());
                DescentResult r = m.minimize(f, x0, new StoppingCriteria(tolerance, MAX_ITERATIONS));
                OptionalDouble measured = r.iterations() >= MIN_ITERATIONS_FOR_RATE
                        ? OptionalDouble.of(QuadraticAnalysis.measuredRate(r.trajectory(), xStar))
                        : OptionalDouble.empty();
                runs.add(new Run(name, kappa, r.iterations(), r.converged(), q.predictedRate(m), measured));
                context.progress().progress(++done, (long) kappas.length * METHODS.size());
            }
        }
        return runs;
    }

    /** ½xᵀAx − bᵀx with A = diag(λ), λ equally spaced in [1, κ], and b = A·1. */
    static QuadraticField valley(int n, double kappa) {
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1 + (kappa - 1) * i / (n - 1);
            b[i] = a[i][i];
        }
        return new QuadraticField(a, b, 0);
    }

    /** The slope of log(iterations) against log κ for one method (least squares). */
    static double exponent(List<Run> runs, String method) {
        SimpleRegression fit = new SimpleRegression();
        for (Run r : runs) {
            if (r.method().equals(method)) {
                fit.addData(Math.log(r.kappa()), Math.log(r.iterations()));
            }
        }
        return fit.getSlope();
    }

    @Override
    public SectionReport run(TourContext context) throws IOException {
        int n = dimension(context.quick());
        double[] kappas = kappas(context.quick());
        List<Run> runs = study(n, kappas, context);
        SectionReport.Builder r = SectionReport.of(this);
        r.sentence("In a long narrow valley the compass points mostly across the valley, not along it: gradient "
                + "descent zig-zags and needs a number of steps proportional to the condition number κ, while "
                + "momentum (heavy ball, Nesterov) and conjugate directions remember where they came from and need "
                + "only about √κ.");

        List<String[]> rows = new ArrayList<>();
        for (Run run : runs) {
            rows.add(new String[] {run.method(), Numbers.csv(run.kappa()), Integer.toString(run.iterations()),
                    Boolean.toString(run.converged()), Numbers.csv(run.predicted().orElse(Double.NaN)),
                    Numbers.csv(run.measured().orElse(Double.NaN))});
        }
        String csv = context.csv("descent-rates.csv", List.of("method", "kappa", "iterations", "converged",
                "predicted_rate", "measured_rate"), rows);

        Map<String, List<Run>> byMethod = new LinkedHashMap<>();
        for (String m : METHODS) {
            byMethod.put(m, runs.stream().filter(x -> x.method().equals(m)).toList());
        }
        List<Figures.Series> iterations = new ArrayList<>();
        List<Figures.Series> ratios = new ArrayList<>();
        byMethod.forEach((m, list) -> {
            double[] logKappa = list.stream().mapToDouble(x -> Math.log10(x.kappa())).toArray();
            iterations.add(new Figures.Series(NAMES.get(m), logKappa,
                    list.stream().mapToDouble(Run::iterations).toArray(), Figures.Style.LINE_AND_POINTS));
            ratios.add(new Figures.Series(NAMES.get(m), logKappa, list.stream().mapToDouble(DescentTour::exponentRatio)
                    .toArray(), Figures.Style.LINE_AND_POINTS));
        });
        r.figure(context.png("descent-iterations.png", Figures.lines("Iterations to |grad V| <= 1e-8 |grad V(0)|, n = "
                        + n, "log10 κ", "iterations", true, iterations)),
                "Iterations against the condition number κ (n = " + n + ", eigenvalues equally spaced in [1, κ]): "
                        + "gradient descent grows like κ, the momentum methods like √κ; conjugate gradients adapt "
                        + "to the spectrum and can never need more than n steps.");
        r.figure(context.png("descent-rates.png", Figures.lines("Measured against predicted contraction per step",
                        "log10 κ", "ln(measured ρ) / ln(predicted ρ)", false, ratios)),
                "The measured contraction ρ of ‖x_k − x*‖ per step (second half of each run) against the "
                        + "theory's, as the ratio of their logarithms: 1 means the prediction holds, above 1 the run "
                        + "is faster. Conjugate gradients beat their Chebyshev bound by adapting to the spectrum.");

        for (String m : METHODS) {
            Run last = byMethod.get(m).get(byMethod.get(m).size() - 1);
            r.number(NAMES.get(m) + " at κ = " + Numbers.table(last.kappa()) + ": iterations, measured ρ",
                    last.iterations() + ", " + rate(last.measured()), "predicted ρ = " + rate(last.predicted())
                            + (m.equals("cg") ? " (Chebyshev bound)" : ""));
        }
        r.number("gradient descent: exponent of iterations in κ", Numbers.table(exponent(runs, "gd")), "theory: 1");
        r.number("heavy ball: exponent of iterations in κ", Numbers.table(exponent(runs, "heavy-ball")), "theory: 0.5");
        r.number("Nesterov: exponent of iterations in κ", Numbers.table(exponent(runs, "nesterov")), "theory: 0.5");
        r.file(csv, "method, κ, iterations, predicted and measured rate for every run");
        for (String m : METHODS) {
            r.command("fallline descend --potential '" + PLANE + "' --from 0,0 --method " + m);
        }
        return r.build();
    }

    /** ln(measured ρ) / ln(predicted ρ): 1 when the prediction holds (NaN when either is missing). */
    static double exponentRatio(Run run) {
        if (run.predicted().isEmpty() || run.measured().isEmpty()) {
            return Double.NaN;
        }
        return Math.log(run.measured().getAsDouble()) / Math.log(run.predicted().getAsDouble());
    }

    private static String rate(OptionalDouble v) {
        return v.isPresent() ? Numbers.table(v.getAsDouble()) : "—";
    }
}
