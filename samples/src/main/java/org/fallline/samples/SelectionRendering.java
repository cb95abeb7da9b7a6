package org.fallline.samples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.evolution.Coefficient;
import org.fallline.evolution.Estimate;
import org.fallline.evolution.GlmGradients;
import org.fallline.evolution.GroupReport;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.evolution.StationaryPoint;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.TextTable;

/**
 * Renders a {@link SelectionReport}: an aligned summary in the manner of R's {@code summary()}, the
 * tidy rows, and a JSON document. Only formatting happens here; every number comes from the report.
 */
final class SelectionRendering {

    /** Headings of the tidy analyses, in the report's order. */
    private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put("S", "Selection differentials S = Cov(w, z)");
        HEADINGS.put("beta", "Directional selection gradients beta (first-order model)");
        HEADINGS.put("gamma", "Quadratic selection gradients gamma (second-order model; diagonal = coefficient of z^2/2)");
        HEADINGS.put("quadratic_linear", "Linear terms of the second-order model");
        HEADINGS.put("covariate", "Covariates (fixed effects of the second-order model, or of the first-order model"
                + " when only that is fitted; NAME:LEVEL against the reference level)");
        HEADINGS.put("eigenvalue", "Canonical analysis of gamma: eigenvalues (std.error, statistic and p.value from the"
                + " double regression, conditional on the rotation estimated from the same data; perm.p.value and"
                + " boot.* redo the rotation in every replicate)");
        HEADINGS.put("theta", "Canonical analysis: linear gradients theta along the axes");
        HEADINGS.put("beta_logistic", "Logistic selection gradients beta (average derivative of the first-order"
                + " logistic fitness function / mean W; Janzen & Stern 1998; delta-method SE)");
        HEADINGS.put("gamma_logistic", "Logistic quadratic gradients gamma (average second derivative of the"
                + " second-order logistic fitness function / mean W; Morrissey & Sakrejda 2013)");
        HEADINGS.put("gamma_logistic_js", "Logistic gamma as Janzen & Stern rescale it (second-order coefficients"
                + " x mean p(1 - p) / mean W; Wald z of the coefficients)");
        HEADINGS.put("beta_poisson", "Poisson selection gradients beta (average derivative, first-order model)");
        HEADINGS.put("gamma_poisson", "Poisson quadratic gradients gamma (average derivative, second-order model)");
        HEADINGS.put("beta_gam", "GAM selection gradients beta (mean derivative of the spline fitness function /"
                + " mean fitted fitness; gsg's gam.gradients, Morrissey & Sakrejda 2013)");
        HEADINGS.put("gamma_gam", "GAM quadratic gradients gamma (mean second derivative of the spline fitness"
                + " function / mean fitted fitness; diagonal not halved)");
        HEADINGS.put("response", "Predicted response to selection G*beta (trait units)");
    }

    private static final List<String> STATS = List.of("std.error", "statistic", "p.value", "conf.low", "conf.high",
            "boot.se", "perm.p.value", "boot.conf.low", "boot.conf.high", "glm.p.value");

    private SelectionRendering() {
    }

    static String[] tidyRow(Estimate e) {
        return new String[] {e.group(), e.analysis(), e.term(), Numbers.csv(e.estimate()), csv(e.stdError()),
            csv(e.statistic()), csv(e.pValue()), csv(e.confLow()), csv(e.confHigh()), csv(e.bootSe()),
            csv(e.permPValue()), csv(e.bootConfLow()), csv(e.bootConfHigh()), csv(e.glmPValue())};
    }

    private static String csv(OptionalDouble v) {
        return v.isPresent() ? Numbers.csv(v.getAsDouble()) : "";
    }

    private static OptionalDouble stat(Estimate e, String column) {
        return switch (column) {
            case "std.error" -> e.stdError();
            case "statistic" -> e.statistic();
            case "p.value" -> e.pValue();
            case "conf.low" -> e.confLow();
            case "conf.high" -> e.confHigh();
            case "boot.se" -> e.bootSe();
            case "perm.p.value" -> e.permPValue();
            case "boot.conf.low" -> e.bootConfLow();
            case "boot.conf.high" -> e.bootConfHigh();
            case "glm.p.value" -> e.glmPValue();
            default -> throw new IllegalArgumentException(column);
        };
    }

    /** Notes of the whole input, then of each group and its GLM fits, one line each. */
    static List<String> allNotes(SelectionReport report) {
        List<String> notes = new ArrayList<>(report.notes());
        boolean many = report.groups().size() > 1;
        for (GroupReport g : report.groups()) {
            String prefix = many ? "group " + g.group() + ": " : "";
            g.notes().forEach(n -> notes.add(prefix + n));
            for (GlmGradients glm : g.glm()) {
                for (String d : glm.diagnoses()) {
                    // the analysis usually repeats a fit's diagnosis among the group's notes
                    if (g.notes().stream().noneMatch(n -> n.contains(d))) {
                        notes.add(prefix + glm.model().name().toLowerCase(Locale.ROOT) + ": " + d);
                    }
                }
            }
        }
        return notes;
    }

    static void table(SelectionReport report, SelectionOptions options, PrintWriter out) {
        out.println("Selection analysis of " + report.source());
        out.println("fitness " + report.fitness() + " (relative fitness w = W / mean W within each group); "
                + report.traits().size() + (report.traits().size() == 1 ? " trait" : " traits") + ", standardized by "
                + report.standardization().name().toLowerCase(Locale.ROOT)
                + (report.logTraits().isEmpty() ? "" : ", log scale: " + String.join(", ",
                        new TreeSet<>(report.logTraits())))
                + "; model " + options.model().name().toLowerCase(Locale.ROOT)
                + (options.covariates().isEmpty() ? "" : "; covariates " + String.join(", ", options.covariates())));
        List<Estimate> tidy = report.tidy();
        for (GroupReport g : report.groups()) {
            out.println();
            out.println("== group " + g.group() + ": n = " + g.n() + (g.dropped() > 0 ? " (" + g.dropped()
                    + " rows dropped for missing values)" : "") + ", mean fitness " + Numbers.table(g.meanFitness())
                    + (g.bootstrapResamples() > 0 ? ", " + g.bootstrapResamples() + " bootstrap resamples" : "")
                    + (g.permutations() > 0 ? ", " + g.permutations() + " permutations" : ""));
            List<Estimate> rows = tidy.stream().filter(e -> e.group().equals(g.group())).toList();
            for (Map.Entry<String, String> h : HEADINGS.entrySet()) {
                List<Estimate> part = rows.stream().filter(e -> e.analysis().equals(h.getKey())).toList();
                if (!part.isEmpty()) {
                    out.println();
                    out.println(h.getValue());
                    coefficients(part, out);
                }
                if (h.getKey().equals("S")) {
                    out.println();
                    out.println("Selection differentials C = Cov(w, (z - mean z)(z - mean z)^T) (upper triangle)");
                    matrix(g.traits(), g.traits(), g.differentials().c(), true, out);
                }
                if (h.getKey().equals("eigenvalue") && g.canonical().isPresent()) {
                    out.println();
                    out.println("Canonical axes M (column m_j is the eigenvector of the j-th eigenvalue)");
                    List<String> axes = new ArrayList<>();
                    for (int a = 0; a < g.traits().size(); a++) {
                        axes.add("m" + (a + 1));
                    }
                    matrix(g.traits(), axes, g.canonical().get().eigenvectors(), false, out);
                }
            }
            g.stationaryPoint().ifPresent(sp -> stationary(g, sp, report.logTraits(), out));
            List<Estimate> fit = rows.stream().filter(e -> e.analysis().equals("fit")).toList();
            out.println();
            out.println("Fit");
            TextTable t = new TextTable("statistic", "value", "p.value");
            for (Estimate e : fit) {
                t.row(e.term(), Numbers.table(e.estimate()), e.pValue().isPresent()
                        ? Numbers.table(e.pValue().getAsDouble()) : "");
            }
            t.print(out, "  ");
        }
        List<Estimate> compare = tidy.stream().filter(e -> e.analysis().equals("compare")).toList();
        if (!compare.isEmpty()) {
            out.println();
            out.println("Does selection differ between the groups? (analysis compare: estimate = F, or chi-squared for"
                    + " a GLM; degrees of freedom in the notes)");
            coefficients(compare, out);
        }
        List<String> notes = allNotes(report);
        if (!notes.isEmpty()) {
            out.println();
            out.println("Notes");
            notes.forEach(n -> out.println("  " + n));
        }
        out.flush();
    }

    private static void coefficients(List<Estimate> rows, PrintWriter out) {
        List<String> columns = new ArrayList<>(List.of("term", "estimate"));
        for (String s : STATS) {
            if (rows.stream().anyMatch(e -> stat(e, s).isPresent())) {
                columns.add(s);
            }
        }
        TextTable t = new TextTable(columns.toArray(String[]::new));
        for (Estimate e : rows) {
            String[] cells = new String[columns.size()];
            cells[0] = e.term();
            cells[1] = Numbers.table(e.estimate());
            for (int c = 2; c < columns.size(); c++) {
                OptionalDouble v = stat(e, columns.get(c));
                cells[c] = v.isPresent() ? Numbers.table(v.getAsDouble()) : "";
            }
            t.row(cells);
        }
        t.print(out, "  ");
    }

    private static void matrix(List<String> rows, List<String> columns, double[][] m, boolean upper, PrintWriter out) {
        String[] header = new String[columns.size() + 1];
        header[0] = "";
        for (int j = 0; j < columns.size(); j++) {
            header[j + 1] = columns.get(j);
        }
        TextTable t = new TextTable(header);
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = new String[header.length];
            cells[0] = rows.get(i);
            for (int j = 0; j < columns.size(); j++) {
                cells[j + 1] = upper && j < i ? "" : Numbers.table(m[i][j]);
            }
            t.row(cells);
        }
        t.print(out, "  ");
    }

    /** The level at which a canonical eigenvalue (or quadratic coefficient) counts as evidence of curvature. */
    static final double CURVATURE_ALPHA = 0.05;

    /**
     * Whether γ shows curvature at all: some canonical eigenvalue λ<sub>j</sub> (double regression,
     * Phillips &amp; Arnold 1989) — or, without a canonical analysis, some quadratic coefficient γ<sub>ij</sub>
     * — has p ≤ {@value #CURVATURE_ALPHA}. When none has, the type of the stationary point is a property of
     * the fitted surface only and is not printed as a finding.
     */
    static boolean curvatureSignificant(GroupReport g) {
        List<Coefficient> terms = g.canonical().map(c -> c.eigenvalues())
                .or(() -> g.quadratic().map(q -> q.gamma())).orElse(List.of());
        return terms.stream().anyMatch(c -> c.pValue().isPresent() && c.pValue().getAsDouble() <= CURVATURE_ALPHA);
    }

    private static void stationary(GroupReport g, StationaryPoint sp, Set<String> logTraits, PrintWriter out) {
        out.println();
        if (!sp.exists()) {
            out.println("Stationary point: none (gamma is singular)");
            return;
        }
        String kind = curvatureSignificant(g)
                ? sp.type().label() + " (" + sp.selection() + " selection)"
                : sp.type().label() + " of the fitted surface (gamma not significant: p > " + CURVATURE_ALPHA
                        + " for every " + (g.canonical().isPresent() ? "canonical eigenvalue" : "quadratic term")
                        + " - not evidence of " + sp.selection() + " selection)";
        out.println("Stationary point of the fitted surface: " + kind
                + (sp.fitness().isPresent() ? ", fitted w = " + Numbers.table(sp.fitness().getAsDouble())
                : "") + ", " + (sp.insideSample() ? "inside the sample"
                : "outside the sample: an extrapolation of the quadratic fit"));
        boolean anyLog = g.traits().stream().anyMatch(logTraits::contains);
        TextTable t = anyLog ? new TextTable("trait", "z*", "x* (analysed units)", "exp(x*) (trait units)")
                : new TextTable("trait", "z*", "x*");
        double[] z = sp.location();
        double[] x = sp.traitLocation();
        for (int i = 0; i < g.traits().size(); i++) {
            String trait = g.traits().get(i);
            if (!anyLog) {
                t.row(trait, Numbers.table(z[i]), Numbers.table(x[i]));
            } else if (logTraits.contains(trait)) {
                t.row("log(" + trait + ")", Numbers.table(z[i]), Numbers.table(x[i]), Numbers.table(Math.exp(x[i])));
            } else {
                t.row(trait, Numbers.table(z[i]), Numbers.table(x[i]), Numbers.table(x[i]));
            }
        }
        t.print(out, "  ");
        if (sp.mahalanobis().isPresent()) {
            out.println("  Mahalanobis distance D* = " + Numbers.table(sp.mahalanobis().getAsDouble())
                    + (sp.sampleMaxMahalanobis().isPresent() ? " (largest in the sample "
                    + Numbers.table(sp.sampleMaxMahalanobis().getAsDouble()) + ")" : ""));
        }
    }

    static ObjectNode json(SelectionReport report, SelectionOptions options) {
        ObjectNode root = Json.object();
        root.put("source", report.source());
        root.put("fitness", report.fitness());
        Json.put(root, "traits", report.traits());
        root.put("standardization", report.standardization().name().toLowerCase(Locale.ROOT));
        Json.put(root, "logTraits", new TreeSet<>(report.logTraits()));
        root.put("model", options.model().name().toLowerCase(Locale.ROOT));
        Json.put(root, "covariates", options.covariates());
        Json.put(root, "notes", report.notes());
        ArrayNode groups = root.putArray("groups");
        for (GroupReport g : report.groups()) {
            ObjectNode node = groups.addObject();
            node.put("group", g.group());
            node.put("n", g.n());
            node.put("dropped", g.dropped());
            Json.put(node, "meanFitness", g.meanFitness());
            Json.put(node, "traitMeans", g.traitMeans());
            Json.put(node, "traitSds", g.traitSds());
            Json.put(node, "scales", g.scales());
            node.put("bootstrapResamples", g.bootstrapResamples());
            node.put("permutations", g.permutations());
            if (!g.covariates().isEmpty()) {
                Json.put(node, "covariateHeldTerm", g.covariateHeldTerm());
            }
            g.stationaryPoint().ifPresent(sp -> {
                ObjectNode s = node.putObject("stationaryPoint");
                s.put("type", sp.type().label());
                s.put("selection", sp.selection());
                s.put("curvatureSignificant", curvatureSignificant(g));
                if (sp.exists()) {
                    Json.put(s, "location", sp.location());
                    Json.put(s, "traitLocation", sp.traitLocation());
                }
                sp.fitness().ifPresent(v -> Json.put(s, "fitness", v));
                s.put("withinRange", sp.withinRange());
                sp.mahalanobis().ifPresent(v -> Json.put(s, "mahalanobis", v));
                sp.sampleMaxMahalanobis().ifPresent(v -> Json.put(s, "sampleMaxMahalanobis", v));
                s.put("withinSample", sp.withinSample().name().toLowerCase(Locale.ROOT));
            });
            List<String> notes = new ArrayList<>(g.notes());
            for (GlmGradients glm : g.glm()) {
                for (String d : glm.diagnoses()) {
                    if (g.notes().stream().noneMatch(n -> n.contains(d))) {
                        notes.add(glm.model().name().toLowerCase(Locale.ROOT) + ": " + d);
                    }
                }
            }
            Json.put(node, "notes", notes);
            g.gam().ifPresent(gm -> {
                ObjectNode s = node.putObject("gam");
                s.put("family", gm.family().name().toLowerCase(Locale.ROOT));
                s.put("formula", gm.fitness().formula());
                s.put("criterion", gm.fitness().criterion().name());
                Json.put(s, "score", gm.fitness().score());
                Json.put(s, "edf", gm.fitness().edf());
                Json.put(s, "smoothingParameters", gm.fitness().smoothingParameters());
                Json.put(s, "deviance", gm.fitness().deviance());
                Json.put(s, "scale", gm.fitness().scale());
                s.put("smoothingReselectedInBootstrap", g.bootstrapResamples() > 0);
            });
        }
        ArrayNode estimates = root.putArray("estimates");
        for (Estimate e : report.tidy()) {
            ObjectNode row = estimates.addObject();
            row.put("group", e.group());
            row.put("analysis", e.analysis());
            row.put("term", e.term());
            Json.put(row, "estimate", e.estimate());
            for (String s : STATS) {
                OptionalDouble v = stat(e, s);
                if (v.isPresent()) {
                    Json.put(row, s, v.getAsDouble());
                }
            }
        }
        return root;
    }
}
