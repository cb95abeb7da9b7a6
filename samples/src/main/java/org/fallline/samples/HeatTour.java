package org.fallline.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.tour.CommandRun;
import org.fallline.samples.tour.SectionReport;
import org.fallline.samples.tour.TourContext;
import org.fallline.samples.tour.TourSection;

/**
 * The tour's heat section, made of real {@code fallline heat} runs: u_t = DΔu − λu on [0, 1]^d with Dirichlet
 * sides from u₀ = Π sin(πx_i), in 1-D and 2-D, without and with weight decay λ = 5 — the gradient flow of the
 * Dirichlet energy ½∫|∇u|² (+ ½λ∫u²). Its exact solution is e^{−(dπ²D + λ)t}u₀, and that of the
 * semi-discrete system e^{−(dλ_h + λ)t}u₀ with λ_h = (4/h²)sin²(πh/2), so max|u(T)| is shown beside both;
 * the stiffness of the semi-discrete system — λ_max of the
 * discrete Laplacian and the forward-Euler limit dt ≤ 2/λ_max, which is gradient descent's 2/L — comes from
 * the run's report (J. W. Thomas, <i>Numerical Partial Differential Equations</i>, Springer 1995, §2.3).
 */
final class HeatTour implements TourSection {

    static final double T = 0.1;
    static final double DECAY = 5;

    @Override
    public String id() {
        return "heat";
    }

    @Override
    public String domain() {
        return "physics";
    }

    @Override
    public String title() {
        return "The heat equation as a gradient flow";
    }

    @Override
    public SectionReport run(TourContext context) throws IOException {
        SectionReport.Builder r = SectionReport.of(this);
        r.sentence("Heat flows downhill on the Dirichlet energy: the compass points from hot to cold, and the "
                + "temperature follows it until the bumps are smoothed away. Weight decay tilts the whole landscape "
                + "towards zero, so every mode falls faster by the same rate λ; and an explicit time step is a "
                + "gradient-descent step, stable only below 2/λ_max — tiny on a fine grid, which is why fallline "
                + "chooses implicit or exact-in-time methods.");
        Path work = Files.createTempDirectory("fallline-tour-heat");
        try {
            for (int dim = 1; dim <= 2; dim++) {
                for (double decay : new double[] {0, DECAY}) {
                    heat(context, r, work, dim, decay);
                }
            }
        } finally {
            delete(work);
        }
        return r.build();
    }

    private static void heat(TourContext context, SectionReport.Builder r, Path work, int dim, double decay)
            throws IOException {
        String n = Integer.toString(gridSize(dim, context.quick()));
        String tag = "heat-" + dim + "d" + (decay > 0 ? "-decay" : "");
        Path out = work.resolve(tag);
        List<String> args = new ArrayList<>(List.of("heat", "--dim", Integer.toString(dim), "--n", n, "--t-end",
                Double.toString(T), "--decay", Numbers.table(decay), "--format", "json", "--quiet", "--out"));
        List<String> shown = new ArrayList<>(args);
        args.add(out.toString());
        shown.add(tag);
        CommandRun run = CommandRun.of(args, 0);
        JsonNode j = run.json();
        for (String file : List.of("energy.png", "profiles.png", "heatmaps.png", "solution.csv")) {
            if (Files.exists(out.resolve(file))) {
                Files.copy(out.resolve(file), context.file(tag + "-" + file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String what = dim + "-D" + (decay > 0 ? ", weight decay λ = " + Numbers.table(decay) : "");
        if (dim == 1 && decay == 0) {
            r.figure(tag + "-profiles.png", "1-D: the temperature profiles at five times, falling towards zero.");
        }
        if (dim == 2 && decay == 0) {
            r.figure(tag + "-heatmaps.png", "2-D: the temperature as heat maps at the output times.");
        }
        if (decay == 0) {
            r.figure(tag + "-energy.png", what + ": the Dirichlet energy, the Lyapunov function of the flow, "
                    + "decreasing along the run.");
        }
        double exact = Math.exp(-(dim * Math.PI * Math.PI + decay) * T);
        r.number(what + ": max |u(T)|, T = " + Numbers.table(T), Numbers.table(j.get("maxAbs").get("final").asDouble()),
                "exact on the grid " + Numbers.table(gridExact(dim, gridSize(dim, context.quick()), decay))
                        + "; continuum e^{-(dπ² + λ)T} = " + Numbers.table(exact));
        if (decay == 0) {
            JsonNode s = j.get("stiffness");
            r.number(what + ": λ_max of the discrete Laplacian; explicit limit 2/λ_max",
                    Numbers.table(s.get("lambdaMax").asDouble()) + "; " + Numbers.table(s.get("explicitStepLimit")
                            .asDouble()) + " (" + s.get("explicitSteps").asInt() + " forward-Euler steps to T)",
                    "2/λ_max = " + Numbers.table(2 / s.get("lambdaMax").asDouble()));
        }
        r.file(tag + "-solution.csv", what + ": the solution at the output times");
        r.command(CommandRun.shell(shown));
    }

    /** Interior points per side. */
    static int gridSize(int dim, boolean quick) {
        return dim == 1 ? (quick ? 50 : 100) : (quick ? 15 : 31);
    }

    /**
     * max|u(T)| of the semi-discrete problem, exact in time: u₀'s nodal values are an eigenvector of the
     * discrete Dirichlet Laplacian with eigenvalue d·(4/h²)sin²(πh/2), h = 1/(n + 1), so
     * max|u(T)| = e^{−(d·(4/h²)sin²(πh/2) + λ)T}·max sin(πx_i)^d.
     */
    static double gridExact(int dim, int n, double decay) {
        double h = 1.0 / (n + 1);
        double eigenvalue = 4 / (h * h) * Math.pow(Math.sin(Math.PI * h / 2), 2);
        double peak = Math.sin(Math.PI * ((n + 1) / 2) * h);
        return Math.exp(-(dim * eigenvalue + decay) * T) * Math.pow(peak, dim);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
