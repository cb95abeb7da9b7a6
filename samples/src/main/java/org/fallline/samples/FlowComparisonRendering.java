package org.fallline.samples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.physics.flow.FlowResult;
import org.fallline.physics.flow.FlowStop;
import org.fallline.physics.flow.FlowVersusDescent;
import org.fallline.physics.flow.SaddleEscape;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.TextTable;

/**
 * The table and JSON of {@code fallline flow --versus-descent} (gradient descent beside the exact flow of a
 * quadratic) and {@code --saddle-escape} (the exit times of the gradient flow and the heavy ball from a ball
 * around a saddle, beside those of the linearised flows).
 */
final class FlowComparisonRendering {

    /** Rows of the comparison shown in the table (the JSON has them all). */
    private static final int TABLE_ROWS = 11;

    private FlowComparisonRendering() {
    }

    static ObjectNode json(List<String> variables, double[] eigenvalues, FlowVersusDescent c) {
        ObjectNode root = Json.object();
        Json.put(root, "variables", variables);
        root.put("comparison", "versus-descent");
        Json.put(root, "step", c.step());
        Json.put(root, "eigenvalues", eigenvalues);
        Json.put(root, "largestEigenvalue", c.largestEigenvalue());
        Json.put(root, "stabilityLimit", c.stabilityLimit());
        root.put("stable", c.stable());
        root.put("iterations", c.rows().get(c.rows().size() - 1).iteration());
        root.put("descentStop", c.descentStop().label());
        Json.put(root, "maxError", c.maxError());
        ArrayNode rows = root.putArray("rows");
        for (FlowVersusDescent.Row r : c.rows()) {
            ObjectNode row = rows.addObject();
            row.put("k", r.iteration());
            Json.put(row, "t", r.time());
            Json.put(row, "flow", r.flow());
            Json.put(row, "descent", r.descent());
            Json.put(row, "error", r.error());
        }
        return root;
    }

    static void table(String potential, List<String> names, double[] eigenvalues, FlowVersusDescent c,
                      PrintWriter out) {
        FlowVersusDescent.Row last = c.rows().get(c.rows().size() - 1);
        out.println("potential       V(" + String.join(", ", names) + ") = " + potential);
        out.println("eigenvalues     " + Numbers.table(eigenvalues) + "   (of A, the constant Hessian)");
        out.println("flow            exact: x(t) = x* + exp(-A t) (x0 - x*)");
        out.println("descent         x_k = x* + (I - eta A)^k (x0 - x*), eta = " + Numbers.table(c.step())
                + ", compared at t = k eta");
        out.println("stability       " + stability(c, eigenvalues));
        out.println("iterations      " + last.iteration() + " to t = " + Numbers.table(last.time()) + " (descent: "
                + c.descentStop().label() + ")");
        out.println("max error       |x_k - x(k eta)| = " + Numbers.table(c.maxError()));
        out.println();
        List<String> header = new ArrayList<>(List.of("k", "t"));
        names.forEach(n -> header.add("flow " + n));
        names.forEach(n -> header.add("descent " + n));
        header.add("error");
        TextTable t = new TextTable(header.toArray(String[]::new));
        List<FlowVersusDescent.Row> rows = c.rows();
        int every = Math.max(1, (rows.size() - 1 + TABLE_ROWS - 2) / (TABLE_ROWS - 1));
        for (int k = 0; k < rows.size(); k += every) {
            t.row(cells(rows.get(k)));
        }
        if ((rows.size() - 1) % every != 0) {
            t.row(cells(last));
        }
        t.print(out, "  ");
    }

    /**
     * The sentence on the stability limit: descent is stable below 2/λmax and diverges above it; along a negative
     * eigenvalue both leave x*, whatever the step.
     */
    static String stability(FlowVersusDescent c, double[] eigenvalues) {
        if (!Double.isFinite(c.stabilityLimit())) {
            return "lambda_max = " + Numbers.table(c.largestEigenvalue()) + " <= 0: no step limit (V has no "
                    + "minimum; flow and descent both leave along the non-positive eigenvalues)";
        }
        String limit = "2/lambda_max = " + Numbers.table(c.stabilityLimit());
        double lowest = Double.POSITIVE_INFINITY;
        for (double l : eigenvalues) {
            lowest = Math.min(lowest, l);
        }
        if (c.stable() && lowest < 0) {
            return "eta = " + Numbers.table(c.step()) + " < " + limit + ", but lambda_min = " + Numbers.table(lowest)
                    + " < 0: x* is a saddle, which flow and descent both leave along its negative eigenvalues";
        }
        if (c.stable()) {
            return "eta = " + Numbers.table(c.step()) + " < " + limit + ": descent is stable, like the flow";
        }
        return "eta = " + Numbers.table(c.step()) + " > " + limit + ": descent diverges (|1 - eta lambda_max| = "
                + Numbers.table(Math.abs(1 - c.step() * c.largestEigenvalue())) + " > 1) while the flow does not";
    }

    private static String[] cells(FlowVersusDescent.Row r) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(r.iteration()), Numbers.table(r.time())));
        for (double x : r.flow()) {
            cells.add(Numbers.table(x));
        }
        for (double x : r.descent()) {
            cells.add(Numbers.table(x));
        }
        cells.add(Numbers.table(r.error()));
        return cells.toArray(String[]::new);
    }

    // +∞ when the start has no offset along the unstable direction: the linear flow never leaves
    private static String time(double t) {
        return Double.isInfinite(t) ? "never" : Numbers.table(t);
    }

    static ObjectNode json(List<String> variables, SaddleEscape e) {
        ObjectNode root = Json.object();
        Json.put(root, "variables", variables);
        root.put("comparison", "saddle-escape");
        ObjectNode saddle = root.putObject("saddle");
        Json.put(saddle, "point", e.saddle().point());
        Json.put(saddle, "value", e.saddle().value());
        Json.put(saddle, "eigenvalues", e.saddle().eigenvalues());
        Json.put(root, "start", e.start());
        Json.put(root, "radius", e.radius());
        Json.put(root, "friction", e.friction());
        Json.put(root, "unstableOffset", e.unstableOffset());
        flow(root.putObject("gradientFlow"), e.gradientFlow(), e.gradientFlowRate(), e.linearisedGradientFlowTime());
        flow(root.putObject("heavyBall"), e.heavyBall(), e.heavyBallRate(), e.linearisedHeavyBallTime());
        root.put("faster", faster(e));
        root.put("integrator", e.gradientFlow().integrator().label());
        return root;
    }

    private static void flow(ObjectNode node, FlowResult r, double rate, double linearised) {
        node.put("stop", r.stop().label());
        Json.put(node, "t", r.time());
        Json.put(node, "point", r.point());
        Json.put(node, "rate", rate);
        Json.put(node, "linearisedTime", linearised);
        node.put("evaluations", r.evaluations());
    }

    /** gradient-flow or heavy-ball, whichever left the ball first; neither when one did not leave it. */
    static String faster(SaddleEscape e) {
        if (e.gradientFlow().stop() != FlowStop.ESCAPED || e.heavyBall().stop() != FlowStop.ESCAPED) {
            return "neither";
        }
        return e.heavyBallTime() < e.gradientFlowTime() ? "heavy-ball" : "gradient-flow";
    }

    static void table(String potential, List<String> names, SaddleEscape e, double tolerance, PrintWriter out) {
        Equilibrium s = e.saddle();
        double mu = e.gradientFlowRate();
        double b = e.friction();
        out.println("potential       V(" + String.join(", ", names) + ") = " + potential);
        out.println("saddle          " + FlowCommand.coordinates(names, s.point()) + ", V = " + Numbers.table(s.value())
                + ", Hessian eigenvalues " + Numbers.table(s.eigenvalues()));
        out.println("start           " + FlowCommand.coordinates(names, e.start()) + ", offset "
                + Numbers.table(e.unstableOffset()) + " along the most unstable direction");
        out.println("ball            radius " + Numbers.table(e.radius()) + " around the saddle");
        out.println("integrator      " + e.gradientFlow().integrator().label() + (e.gradientFlow().step().isPresent()
                ? " (fixed step " + Numbers.table(e.gradientFlow().step().getAsDouble()) + ")"
                : " (adaptive, tol " + Numbers.table(tolerance) + ")"));
        out.println();
        TextTable t = new TextTable("flow", "stop", "leaves at t", "linearised t", "growth rate");
        t.row("gradient flow", e.gradientFlow().stop().label(), Numbers.table(e.gradientFlowTime()),
                time(e.linearisedGradientFlowTime()), "mu = " + Numbers.table(mu));
        t.row("heavy ball, b = " + Numbers.table(b), e.heavyBall().stop().label(), Numbers.table(e.heavyBallTime()),
                time(e.linearisedHeavyBallTime()), "rho = " + Numbers.table(e.heavyBallRate()));
        t.print(out, "  ");
        out.println();
        String why = mu < 1 - b
                ? "a flat saddle, mu = " + Numbers.table(mu) + " < 1 - b: momentum helps"
                : "a steep saddle, mu = " + Numbers.table(mu) + " >= 1 - b: momentum hurts";
        String first = switch (faster(e)) {
            case "heavy-ball" -> "the heavy ball leaves first";
            case "gradient-flow" -> "the gradient flow leaves first";
            default -> "not both left the ball by t-end";
        };
        out.println("faster          " + first + " (" + why + "; linear growth e^(mu t) against e^(rho t), "
                + "rho = (-b + sqrt(b^2 + 4 mu))/2)");
    }
}
