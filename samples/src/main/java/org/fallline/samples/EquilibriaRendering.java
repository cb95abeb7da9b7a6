package org.fallline.samples;

import java.io.PrintWriter;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumSearch;
import org.fallline.core.field.Box;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.TextTable;

/**
 * The output of {@code fallline equilibria}: the search (method, completeness, stopping rule or certification,
 * undecided boxes) and its equilibria as JSON or as a table.
 */
final class EquilibriaRendering {

    private EquilibriaRendering() {
    }

    /**
     * {@code {"variables", "method", "complete", "equilibria": [...], "stopping": {...}}} for a multistart search;
     * a certified one has {@code "certified": {"boxes"}}, an {@code "enclosure"} per equilibrium and
     * {@code "undecided": [{"lower", "upper", "reason"}]} instead of {@code "stopping"}.
     */
    static ObjectNode json(List<String> variables, EquilibriumSearch search) {
        ObjectNode root = Json.object();
        Json.put(root, "variables", variables);
        root.put("method", search.method().label());
        root.put("complete", search.complete());
        ArrayNode list = root.putArray("equilibria");
        List<Box> enclosures = search.certification().map(EquilibriumSearch.Certification::enclosures).orElse(List.of());
        for (int k = 0; k < search.equilibria().size(); k++) {
            Equilibrium e = search.equilibria().get(k);
            ObjectNode node = list.addObject();
            Json.put(node, "point", e.point());
            Json.put(node, "value", e.value());
            node.put("type", e.type().label());
            node.put("index", e.index());
            Json.put(node, "eigenvalues", e.eigenvalues());
            node.set("eigenvectors", Json.array(columns(e.eigenvectors())));
            if (k < enclosures.size()) {
                box(node.putObject("enclosure"), enclosures.get(k));
            }
        }
        search.multistart().ifPresent(m -> {
            ObjectNode stop = root.putObject("stopping");
            stop.put("rule", m.rule());
            Json.put(stop, "threshold", m.threshold());
            Json.put(stop, "estimate", m.estimate());
            stop.put("satisfied", m.satisfied());
            stop.put("starts", m.starts());
            stop.put("rounds", m.rounds());
        });
        search.certification().ifPresent(c -> {
            root.putObject("certified").put("boxes", c.boxes());
            ArrayNode undecided = root.putArray("undecided");
            for (EquilibriumSearch.UndecidedBox u : c.undecided()) {
                ObjectNode node = undecided.addObject();
                box(node, u.box());
                node.put("reason", u.reason().label());
            }
        });
        return root;
    }

    private static void box(ObjectNode node, Box box) {
        Json.put(node, "lower", box.lower());
        Json.put(node, "upper", box.upper());
    }

    /** One line on how the search went. */
    static String describe(EquilibriumSearch search) {
        if (search.certification().isPresent()) {
            long boxes = search.certification().get().boxes();
            return "certified (Krawczyk interval Newton with bisection), " + boxes + (boxes == 1 ? " box" : " boxes")
                    + " examined";
        }
        EquilibriumSearch.Multistart m = search.multistart().orElseThrow();
        String how = "multistart, " + m.starts() + " starts in " + m.rounds() + (m.rounds() == 1 ? " round" : " rounds");
        if (m.rule().equals("fixed")) {
            return how + " (--starts)";
        }
        String estimate = m.rule().equals("good-turing")
                ? "the Good-Turing rule: fraction of starts reaching a point no other start reached "
                : "the Boender-Rinnooy Kan rule: expected number of points not yet found ";
        String comparison = Numbers.table(m.estimate()) + (m.satisfied() ? " <= " : " > ") + Numbers.table(m.threshold());
        return how + (m.satisfied() ? ", stopped by " : ", stopped by --max-starts before ") + estimate + comparison;
    }

    /** Whether the list is proved complete, and if not why. */
    static String completeness(EquilibriumSearch search) {
        if (search.complete()) {
            return "yes, proved: every other part of the box holds no critical point";
        }
        if (search.certification().isEmpty()) {
            return "not proved (--certified proves it)";
        }
        int n = search.certification().get().undecided().size();
        return "no: " + n + (n == 1 ? " box" : " boxes") + " undecided (listed below)";
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

    static void table(String potential, List<String> names, Box region, EquilibriumSearch search, PrintWriter out) {
        List<Equilibrium> equilibria = search.equilibria();
        out.println("potential   V(" + String.join(", ", names) + ") = " + potential.strip());
        out.println("box         " + describe(names, region));
        out.println("method      " + describe(search));
        out.println("complete    " + completeness(search));
        out.println("found       " + equilibria.size() + (equilibria.size() == 1 ? " equilibrium" : " equilibria"));
        double[] lo = region.lower();
        double[] hi = region.upper();
        if (!equilibria.isEmpty()) {
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
        }
        List<EquilibriumSearch.UndecidedBox> undecided = search.certification()
                .map(EquilibriumSearch.Certification::undecided).orElse(List.of());
        if (!undecided.isEmpty()) {
            out.println();
            out.println("undecided boxes");
            for (EquilibriumSearch.UndecidedBox u : undecided) {
                out.println("  " + describe(names, u.box()) + "   (" + u.reason().label() + ")");
            }
        }
        out.flush();
    }

    private static String describe(List<String> names, Box box) {
        StringBuilder b = new StringBuilder();
        double[] lo = box.lower();
        double[] hi = box.upper();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(" in [").append(Numbers.table(lo[i]))
                    .append(", ").append(Numbers.table(hi[i])).append(']');
        }
        return b.toString();
    }

    // a coordinate within round-off of zero (relative to the box) prints as 0, not 3.2e-17
    private static double clean(double x, double width) {
        return Math.abs(x) < 1e-12 * width ? 0 : x;
    }
}
