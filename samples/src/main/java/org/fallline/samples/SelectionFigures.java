package org.fallline.samples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.fallline.evolution.GroupReport;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.StagedDirectory;
import org.jfree.chart.JFreeChart;

/**
 * The figures of {@code fallline selection --out DIR}, per group, drawn from the {@link SelectionSample} gathered
 * during the analysis's one pass (so that a table of millions of rows is never read twice nor held whole):
 *
 * <ul>
 *   <li>{@code surface[-GROUP].png}: the fitted fitness surface ({@link SurfaceFigure});</li>
 *   <li>{@code fitness[-GROUP]-TRAIT.png}: each trait's non-parametric fitness function
 *       ({@link FitnessFunctionFigure}).</li>
 * </ul>
 * With {@code svg} each is also written as SVG. A figure that cannot be drawn (too few distinct values) is left out
 * and said in the returned notes; the tables, written before, are never lost to a figure.
 */
final class SelectionFigures {

    private SelectionFigures() {
    }

    /**
     * Writes the figures into {@code staged} and returns notes on figures left out.
     *
     * @param surfaceTraits two traits to draw the surface over, or null for the leading canonical axes
     */
    static List<String> write(StagedDirectory staged, SelectionSample sample, SelectionOptions options,
                              SelectionReport report, List<String> surfaceTraits, boolean svg) throws IOException {
        List<String> notes = new ArrayList<>();
        boolean many = report.groups().size() > 1;
        for (GroupReport g : report.groups()) {
            SelectionSample.Group ind = sample.group(g.group());
            if (ind == null || ind.size() == 0) {
                continue;
            }
            String suffix = many ? "-" + fileSafe(g.group()) : "";
            String title = many ? " (" + options.by().orElse("group") + " = " + g.group() + ")" : "";
            StringBuilder why = new StringBuilder();
            JFreeChart surface = SurfaceFigure.of(g, ind, surfaceTraits, options, title, why);
            if (surface != null) {
                write(surface, staged, "surface" + suffix, svg);
            } else if (g.traits().size() > 1 && !why.isEmpty()) {
                notes.add("no fitness surface" + (many ? " for " + options.by().orElse("group") + " = " + g.group()
                        : "") + ": " + why);
            }
            for (int i = 0; i < g.traits().size(); i++) {
                String name = g.traits().get(i);
                String label = options.logTraits().contains(name) ? "ln " + name : name;
                JFreeChart chart = FitnessFunctionFigure.of(ind, i, label, g.meanFitness(),
                        "Fitness function of " + label + title, options.seed() + i);
                write(chart, staged, "fitness" + suffix + "-" + fileSafe(name), svg);
            }
        }
        return notes;
    }

    private static void write(JFreeChart chart, StagedDirectory staged, String name, boolean svg) throws IOException {
        Figures.write(chart, staged.file(name + ".png"));
        if (svg) {
            Figures.write(chart, staged.file(name + ".svg"));
        }
    }

    static String fileSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
