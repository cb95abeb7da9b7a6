package org.fallline.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.tour.CommandRun;
import org.fallline.samples.tour.SectionReport;
import org.fallline.samples.tour.TourContext;
import org.fallline.samples.tour.TourSection;

/**
 * The tour's gradient-flow section, made of real {@code fallline portrait}, {@code flow} and {@code descend}
 * runs on the seed's field V = eˣcos y − x − 1: the phase portrait with the saddles' manifolds, checked against
 * their closed forms (stable: y = 2πk; unstable: x = ln(y′/sin y′), y′ = y − 2πk); the gradient flow and the
 * heavy-ball flow x″ + x′ + ∇V = 0 from (0.5, 0.5) with V(t) and the energy E = ½|v|² + V(t), against the
 * physics reference figure E: −0.053111 → −0.196417 at t = 1; the finite-time blow-up of the gradient flow at
 * t* = ln((π + H)/(y₀ + H)), H = eˣ sin y − y conserved (1.468319115 from (0.5, 0.5)); and gradient descent as
 * forward Euler on the flow of the κ = 100 quadratic, stable for steps below 2/L = 0.02 and not above, shown
 * beside the exact flow ({@code --versus-descent}); and the exit times of both flows from a ball around the saddle
 * against the linearised ones ({@code --saddle-escape})
 * (M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential Equations, Dynamical Systems, and an Introduction
 * to Chaos</i>, 3rd ed., 2013, §9.3; /work/shared/reference/physics/README.md).
 */
final class FlowTour implements TourSection {

    static final String FIELD = EquilibriaTour.SADDLE_FIELD;
    /** t* = ln((π + H)/(y₀ + H)) with H = e^0.5 sin 0.5 − 0.5, the blow-up time from (0.5, 0.5). */
    static final double BLOW_UP_TIME = 1.468319115;
    /** The heavy-ball energy at t = 0 and t = 1 (the physics reference figure). */
    static final double ENERGY_START = -0.053111;
    static final double ENERGY_END = -0.196417;

    @Override
    public String id() {
        return "flow";
    }

    @Override
    public String domain() {
        return "physics";
    }

    @Override
    public String title() {
        return "Gradient flows: following the compass continuously";
    }

    @Override
    public SectionReport run(TourContext context) throws IOException {
        SectionReport.Builder r = SectionReport.of(this);
        r.sentence("Walk exactly where the compass points and you trace the gradient flow dx/dt = −∇V; give the "
                + "walker mass and friction and you get the heavy ball, which overshoots but loses energy all the "
                + "time. Around a saddle the flow splits: the stable manifold leads into it, the unstable ones lead "
                + "away — and gradient descent is just this flow taken in steps, faithful only while the step is "
                + "below the stability limit 2/L. Near a saddle momentum is no free lunch: on this steep one the "
                + "heavy ball leaves later than the plain flow.");

        List<String> portrait = List.of("portrait", "--potential", FIELD, "--box", "-2:2,-1.5:7.8",
                "--grid", context.quick() ? "6" : "8", "--format", "json", "--quiet", "--plot");
        CommandRun p = CommandRun.of(with(portrait, context.file("flow-portrait.png")), 0);
        r.figure("flow-portrait.png", "The phase portrait of V = eˣcos y − x − 1: filled contours of V, the saddles' "
                + "stable manifolds (cyan) and unstable manifolds (orange), and a fan of orbits.");
        double[] errors = manifoldErrors(p.json());
        r.number("portrait: saddles in [−2, 2] × [−1.5, 7.8]", Integer.toString(p.json().get("equilibria").size()),
                "exact: 2, at (0, 0) and (0, 2π)");
        r.number("stable manifolds: max |y − 2πk|", Numbers.table(errors[0]), "exact: the lines y = 2πk");
        r.number("unstable manifolds: max |x − ln(y′/sin y′)|", Numbers.table(errors[1]), "exact: x = ln(y′/sin y′)");
        r.command(CommandRun.shell(with(portrait, Path.of("portrait.png"))));

        List<String> gradient = List.of("flow", "--potential", FIELD, "--from", "0.5,0.5", "--t-end", "1",
                "--samples", "51", "--format", "json", "--quiet", "--trajectory");
        CommandRun g = CommandRun.of(with(gradient, context.file("flow-gradient.csv")), 0);
        List<String> heavy = List.of("flow", "--potential", FIELD, "--from", "0.5,0.5", "--t-end", "1", "--friction",
                "1", "--samples", "51", "--format", "json", "--quiet", "--trajectory");
        CommandRun h = CommandRun.of(with(heavy, context.file("flow-heavy-ball.csv")), 0);
        List<double[]> gt = trajectory(context.file("flow-gradient.csv"));
        List<double[]> ht = trajectory(context.file("flow-heavy-ball.csv"));
        r.figure(context.png("flow-energies.png", Figures.lines("Lyapunov functions along the flows from (0.5, 0.5)",
                "t", "V (gradient flow), E = |v|^2/2 + V (heavy ball)", false, List.of(
                        new Figures.Series("gradient flow: V", column(gt, 0), column(gt, 3), Figures.Style.LINE),
                        new Figures.Series("heavy ball: V", column(ht, 0), column(ht, 3), Figures.Style.LINE),
                        new Figures.Series("heavy ball: E", column(ht, 0), column(ht, 5), Figures.Style.LINE)))),
                "V along the gradient flow and V and the energy E along the heavy-ball flow: each Lyapunov function "
                        + "only falls; the heavy ball's V need not.");
        r.number("heavy ball: energy E at t = 0 and t = 1", Numbers.table(h.json().get("energy").get("initial")
                .asDouble()) + " → " + Numbers.table(h.json().get("energy").get("final").asDouble()),
                "reference: " + ENERGY_START + " → " + ENERGY_END);
        r.number("gradient flow: V at t = 1", Numbers.table(g.json().get("value").asDouble()), "");
        r.file("flow-gradient.csv", "the gradient flow: t, x, y, V, |grad V|");
        r.file("flow-heavy-ball.csv", "the heavy-ball flow: t, x, y, V, |grad V|, E");
        r.command(CommandRun.shell(with(gradient, Path.of("gradient.csv"))));
        r.command(CommandRun.shell(with(heavy, Path.of("heavy-ball.csv"))));

        List<String> blowUp = List.of("flow", "--potential", FIELD, "--from", "0.5,0.5", "--format", "json", "--quiet");
        CommandRun b = CommandRun.of(blowUp, 3);
        r.number("gradient flow from (0.5, 0.5): blow-up time", Numbers.table(b.json().get("t").asDouble())
                + " (" + b.json().get("stop").asText() + ", exit 3)", "exact: t* = ln((π + H)/(y₀ + H)) = "
                + BLOW_UP_TIME);
        r.command(CommandRun.shell(blowUp));

        String quadratic = DescentTour.PLANE;
        List<String> stable = List.of("descend", "--potential", quadratic, "--from", "0,0", "--method", "gd",
                "--step", "0.0199", "--format", "json", "--quiet");
        List<String> unstable = List.of("descend", "--potential", quadratic, "--from", "0,0", "--method", "gd",
                "--step", "0.0201", "--format", "json", "--quiet");
        CommandRun s = CommandRun.of(stable, 0);
        CommandRun u = CommandRun.of(unstable, 3);
        r.number("gradient descent = forward Euler on the κ = 100 quadratic, step 0.0199",
                s.json().get("stop").asText() + " after " + s.json().get("iterations").asInt() + " iterations",
                "stable below 2/L = 0.02");
        r.number("the same with step 0.0201", u.json().get("stop").asText() + " (exit 3)", "unstable above 2/L = 0.02");
        r.command(CommandRun.shell(stable));
        r.command(CommandRun.shell(unstable));

        List<String> versus = List.of("flow", "--potential", quadratic, "--from", "0,0", "--versus-descent", "0.021",
                "--t-end", "2", "--format", "json", "--quiet");
        CommandRun v = CommandRun.of(versus, 3);
        r.number("descent with η = 0.021 beside the exact flow: error after " + v.json().get("iterations").asInt()
                + " steps", Numbers.table(v.json().get("maxError").asDouble()) + " (descent "
                + v.json().get("descentStop").asText() + ", exit 3)", "diverges above 2/λmax = "
                + Numbers.table(v.json().get("stabilityLimit").asDouble()) + "; the flow does not");
        r.command(CommandRun.shell(versus));
        List<String> saddle = List.of("flow", "--potential", FIELD, "--from", "0.001,0.001", "--saddle-escape", "0.5",
                "--friction", "1", "--t-end", "20", "--format", "json", "--quiet");
        CommandRun e = CommandRun.of(saddle, 0);
        JsonNode gf = e.json().get("gradientFlow");
        JsonNode hb = e.json().get("heavyBall");
        r.number("leaving the ball of radius 0.5 around the saddle (0, 0): gradient flow, heavy ball (b = 1)",
                Numbers.table(gf.get("t").asDouble()) + ", " + Numbers.table(hb.get("t").asDouble()),
                "linearised flows: " + Numbers.table(gf.get("linearisedTime").asDouble()) + " = ln(R/ε)/μ, "
                        + Numbers.table(hb.get("linearisedTime").asDouble()) + " (heavy ball, rate ρ = (√5 − 1)/2 "
                        + "< μ = 1)");
        r.command(CommandRun.shell(saddle));
        return r.build();
    }

    private static List<String> with(List<String> args, Path file) {
        List<String> all = new ArrayList<>(args);
        all.add(file.toString());
        return all;
    }

    /** The numeric rows of a trajectory CSV. */
    private static List<double[]> trajectory(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] cells = line.split(",", -1);
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static double[] column(List<double[]> rows, int j) {
        return rows.stream().mapToDouble(row -> row[j]).toArray();
    }

    /** max |y − 2πk| over the stable manifolds and max |x − ln(y′/sin y′)| over the unstable ones. */
    static double[] manifoldErrors(JsonNode portrait) {
        double stable = 0;
        double unstable = 0;
        for (JsonNode e : portrait.get("equilibria")) {
            JsonNode m = e.get("manifolds");
            if (m == null) {
                continue;
            }
            double k = Math.rint(e.get("point").get(1).asDouble() / (2 * Math.PI));
            for (JsonNode branch : m.get("stable")) {
                for (JsonNode q : branch) {
                    stable = Math.max(stable, Math.abs(q.get(1).asDouble() - 2 * Math.PI * k));
                }
            }
            for (JsonNode branch : m.get("unstable")) {
                for (JsonNode q : branch) {
                    double y = q.get(1).asDouble() - 2 * Math.PI * k;
                    double exact = Math.abs(y) < 1e-6 ? 0 : Math.log(y / Math.sin(y));
                    unstable = Math.max(unstable, Math.abs(q.get(0).asDouble() - exact));
                }
            }
        }
        return new double[] {stable, unstable};
    }
}
