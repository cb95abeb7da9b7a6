package org.fallline.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.equilibrium.EquilibriumSearch;
import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.portrait.Curve;
import org.fallline.physics.portrait.PhasePortrait;
import org.fallline.physics.portrait.SaddleManifolds;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.FormatOption;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.OptionTypes;
import org.fallline.samples.internal.QuietOption;
import org.fallline.samples.internal.TextTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fallline portrait}: the phase portrait of the gradient flow in a box — the equilibria (as
 * {@code fallline equilibria} finds them), the stable and unstable manifolds of every saddle and, for two
 * variables, a fan of orbits and a figure.
 */
@Command(name = "portrait", sortOptions = false,
        description = {"The phase portrait of the gradient flow dx/dt = -grad V in a box: equilibria, the stable and "
                + "unstable manifolds of each saddle, and (two variables) a fan of orbits drawn over V.",
                "Example: fallline portrait --potential 'exp(x)*cos(y) - x - 1' --box -2:2,-1.5:7.8 --plot portrait.png"})
final class PortraitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOptions potential;

    @Mixin
    BoxOption box;

    @Option(names = "--starts", paramLabel = "N", converter = OptionTypes.CountConverter.class,
            description = "Exactly N Newton starts for the equilibria (default: as 'fallline equilibria').")
    Integer starts;

    @Option(names = "--grid", paramLabel = "K", converter = OptionTypes.CountConverter.class, defaultValue = "8",
            description = "Orbits from the centres of a K x K grid of cells (two variables; default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--t-max", paramLabel = "T", converter = OptionTypes.PositiveConverter.class, defaultValue = "50",
            description = "Least time an orbit is followed before giving up (default: ${DEFAULT-VALUE}).")
    double timeCap;

    @Mixin
    PlotOption plot;

    @Mixin
    FormatOption format;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws IOException {
        ScalarField field = potential.field();
        Box region = box.of(potential, field);
        if (plot.wanted()) {
            plot.checkExtension();
            if (field.dimension() != 2) {
                throw new ParameterException(spec.commandLine(), "--plot: a portrait figure needs two variables; V has "
                        + PotentialOptions.describe(field.variables()) + " (the table and JSON report its manifolds)");
            }
            plot.checkWritable();
        }
        EquilibriumFinder.Builder finder = EquilibriumFinder.builder();
        if (starts != null) {
            finder.starts(starts);
        }
        PrintWriter err = spec.commandLine().getErr();
        EquilibriumSearch search = finder.build().search(field, region, quiet.progress(err, "equilibria"));
        PhasePortrait portrait = PhasePortrait.compute(field, region, search.equilibria(), grid, timeCap, 1e-10,
                quiet.progress(err, "orbits"));
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Json.print(json(search, portrait), out);
        } else {
            table(field, search, portrait, out);
        }
        out.flush();
        if (plot.wanted()) {
            Figures.write(PortraitFigure.chart(field, portrait, "phase portrait of V = "
                    + abbreviate(potential.potential.strip())), plot.file());
        }
        return ExitStatus.OK;
    }

    static ObjectNode json(EquilibriumSearch search, PhasePortrait p) {
        ObjectNode root = EquilibriaCommand.json(p.variables(), search);
        JsonNode list = root.get("equilibria");
        for (int i = 0; i < p.equilibria().size(); i++) {
            Equilibrium e = p.equilibria().get(i);
            ObjectNode node = (ObjectNode) list.get(i);
            p.manifoldsOf(e).ifPresent(m -> {
                ObjectNode manifolds = node.putObject("manifolds");
                manifolds.set("stable", branches(m.stable()));
                manifolds.set("unstable", branches(m.unstable()));
                ObjectNode dims = node.putObject("manifoldDimensions");
                dims.put("stable", m.stableDimension());
                dims.put("unstable", m.unstableDimension());
            });
        }
        root.set("trajectories", branches(p.trajectories()));
        return root;
    }

    private static ArrayNode branches(List<Curve> curves) {
        ArrayNode a = Json.object().arrayNode();
        for (Curve c : curves) {
            a.add(Json.array(c.points()));
        }
        return a;
    }

    private void table(ScalarField field, EquilibriumSearch search, PhasePortrait p, PrintWriter out) {
        List<String> names = field.variables();
        out.println("potential   V(" + String.join(", ", names) + ") = " + potential.potential.strip());
        double[] lo = p.box().lower();
        double[] hi = p.box().upper();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + " in [" + Numbers.table(lo[i]) + ", " + Numbers.table(hi[i]) + "]");
        }
        out.println("box         " + String.join(", ", parts));
        int k = p.equilibria().size();
        out.println("found       " + k + (k == 1 ? " equilibrium" : " equilibria"));
        if (k > 0) {
            out.println();
            List<String> header = new ArrayList<>(List.of("type", "index"));
            header.addAll(names);
            header.add("V");
            header.add("eigenvalues");
            TextTable t = new TextTable(header.toArray(String[]::new));
            for (Equilibrium e : p.equilibria()) {
                List<String> row = new ArrayList<>(List.of(e.type().label(), Integer.toString(e.index())));
                for (double x : e.point()) {
                    row.add(Numbers.table(Math.abs(x) < 1e-12 ? 0 : x));
                }
                row.add(Numbers.table(e.value()));
                row.add(Numbers.table(e.eigenvalues()));
                t.row(row.toArray(String[]::new));
            }
            t.print(out, "  ");
        }
        if (!p.manifolds().isEmpty()) {
            out.println();
            out.println("manifolds of the saddles (traced from the saddle along its eigenvectors)");
            TextTable t = new TextTable("saddle", "manifold", "dimension", "branch", "points", "end", "last point");
            for (SaddleManifolds m : p.manifolds()) {
                String at = "(" + point(m.saddle().point()) + ")";
                rows(t, at, "stable", m.stableDimension(), m.stable());
                rows(t, at, "unstable", m.unstableDimension(), m.unstable());
            }
            t.print(out, "  ");
        }
        if (!p.trajectories().isEmpty()) {
            Map<Curve.End, Integer> ends = new EnumMap<>(Curve.End.class);
            p.trajectories().forEach(c -> ends.merge(c.end(), 1, Integer::sum));
            List<String> counts = new ArrayList<>();
            ends.forEach((end, n) -> counts.add(n + " " + end.label()));
            out.println();
            out.println("orbits      " + p.trajectories().size() + " from a " + grid + " x " + grid + " grid of starts: "
                    + String.join(", ", counts));
        }
    }

    private static void rows(TextTable t, String at, String kind, int dimension, List<Curve> curves) {
        if (curves.isEmpty()) {
            t.row(at, kind, Integer.toString(dimension), "-", "-", dimension > 2 ? "not traced" : "-", "-");
        }
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            t.row(at, kind, Integer.toString(dimension), Integer.toString(i + 1), Integer.toString(c.size()),
                    c.end().label(), point(c.last()));
        }
    }

    private static String point(double[] x) {
        double[] clean = x.clone();
        for (int i = 0; i < clean.length; i++) {
            clean[i] = Math.abs(clean[i]) < 1e-12 ? 0 : clean[i];
        }
        return Numbers.table(clean);
    }

    private static String abbreviate(String s) {
        return s.length() <= 50 ? s : s.substring(0, 47) + "...";
    }
}
