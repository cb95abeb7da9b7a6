package org.fallline.samples;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.field.Box;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.field.ScalarField;
import org.fallline.samples.internal.ConsoleProgress;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.Format;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.OptionTypes;
import org.fallline.samples.internal.TextTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fallline equilibria}: the critical points ∇V = 0 of a potential in a box, each classified by
 * the eigenvalues of the Hessian (minimum, maximum, saddle with its Morse index, or degenerate).
 */
@Command(name = "equilibria", sortOptions = false,
        description = {"Find the equilibria (critical points, grad V = 0) of a potential in a box and classify them "
                + "by the eigenvalues of the Hessian.",
                "Example: fallline equilibria --potential 'exp(x)*cos(y) - x - 1' --box -2:2,-1:13"})
final class EquilibriaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOptions potential;

    @Option(names = "--box", required = true, paramLabel = "LO:HI[,LO:HI...]",
            converter = OptionTypes.IntervalsConverter.class,
            description = "The box searched, one interval per variable, e.g. -2:2,-1:13.")
    OptionTypes.Intervals box;

    @Option(names = "--starts", paramLabel = "N", converter = OptionTypes.CountConverter.class,
            description = "Number of Newton starts in the box (default: ${DEFAULT-VALUE}).", defaultValue = "64")
    int starts;

    @Option(names = "--format", paramLabel = "table|json", converter = Format.TableOrJson.class,
            defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        ScalarField field = potential.field();
        Box region = potential.box(box, field, "--box");
        EquilibriumFinder finder = EquilibriumFinder.builder().starts(starts).build();
        List<Equilibrium> equilibria = finder.find(field, region,
                ConsoleProgress.create(spec.commandLine().getErr(), "equilibria", quiet));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            Json.print(json(field.variables(), equilibria), out);
        } else {
            table(field, region, equilibria, out);
        }
        return ExitStatus.OK;
    }

    static ObjectNode json(List<String> variables, List<Equilibrium> equilibria) {
        ObjectNode root = Json.object();
        Json.put(root, "variables", variables);
        ArrayNode list = root.putArray("equilibria");
        for (Equilibrium e : equilibria) {
            ObjectNode node = list.addObject();
            Json.put(node, "point", e.point());
            Json.put(node, "value", e.value());
            node.put("type", e.type().label());
            node.put("index", e.index());
            Json.put(node, "eigenvalues", e.eigenvalues());
            node.set("eigenvectors", Json.array(columns(e.eigenvectors())));
        }
        return root;
    }

    // eigenvectors as a list of vectors (column j of the matrix is the j-th eigenvector)
    private static double[][] columns(double[][] m) {
        int n = m.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private void table(ScalarField field, Box region, List<Equilibrium> equilibria, PrintWriter out) {
        List<String> names = field.variables();
        out.println("potential   V(" + String.join(", ", names) + ") = " + potential.potential.strip());
        StringBuilder b = new StringBuilder();
        double[] lo = region.lower();
        double[] hi = region.upper();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(" in [").append(Numbers.table(lo[i]))
                    .append(", ").append(Numbers.table(hi[i])).append(']');
        }
        out.println("box         " + b + "   (" + starts + " starts)");
        out.println("found       " + equilibria.size() + (equilibria.size() == 1 ? " equilibrium" : " equilibria"));
        if (equilibria.isEmpty()) {
            out.flush();
            return;
        }
        out.println();
        String[] header = new String[names.size() + 4];
        header[0] = "type";
        header[1] = "index";
        for (int i = 0; i < names.size(); i++) {
            header[2 + i] = names.get(i);
        }
        header[names.size() + 2] = "V";
        header[names.size() + 3] = "eigenvalues";
        TextTable t = new TextTable(header);
        for (Equilibrium e : equilibria) {
            String[] row = new String[header.length];
            row[0] = e.type().label();
            row[1] = Integer.toString(e.index());
            double[] x = e.point();
            for (int i = 0; i < x.length; i++) {
                row[2 + i] = Numbers.table(clean(x[i], hi[i] - lo[i]));
            }
            row[x.length + 2] = Numbers.table(e.value());
            row[x.length + 3] = Numbers.table(e.eigenvalues());
            t.row(row);
        }
        t.print(out, "  ");
        out.flush();
    }

    // a coordinate within round-off of zero (relative to the box) prints as 0, not 3.2e-17
    private static double clean(double x, double width) {
        return Math.abs(x) < 1e-12 * width ? 0 : x;
    }
}
