package org.fallline.samples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.analysis.interpolation.LoessInterpolator;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.fallline.evolution.CanonicalAnalysis;
import org.fallline.evolution.GroupReport;
import org.fallline.evolution.PhenotypeSource;
import org.fallline.evolution.QuadraticSelectionMatrix;
import org.fallline.evolution.RowFilter;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.StagedDirectory;
import org.jfree.chart.JFreeChart;

/**
 * The figures of {@code fallline selection --out DIR}, per group:
 *
 * <ul>
 *   <li>{@code surface[-GROUP].png/.svg}: the fitted second-order fitness surface
 *       w(z) = α + bᵀz + ½zᵀγz over two directions — the two canonical axes with the largest |λ|
 *       (Phillips &amp; Arnold 1989), or two chosen traits with the others at their mean — as a colour
 *       map with the individuals laid over it;</li>
 *   <li>{@code fitness[-GROUP]-TRAIT.png/.svg}: the non-parametric fitness function of each trait
 *       (Schluter 1988, Evolution 42: 849–861), relative fitness against the trait smoothed by LOESS
 *       (Cleveland 1979; commons-math3's {@link LoessInterpolator}, span 0.75 as R's {@code loess},
 *       no robustness iterations, which would treat the 0/1 fitness of survival data as outliers),
 *       with the individuals.</li>
 * </ul>
 *
 * <p>The individuals are read again from the source with the analysis's filters, groups and log
 * transforms; rows with a missing fitness or trait are left out, as the analysis leaves them out.
 */
final class SelectionFigures {

    static final double LOESS_SPAN = 0.75;
    private static final int GRID = 120;

    private SelectionFigures() {
    }

    /** The complete individuals of one group: fitness W and traits in analysed units (log where asked). */
    record Individuals(List<double[]> traits, List<Double> fitness) {
        int size() {
            return fitness.size();
        }
    }

    static void write(StagedDirectory staged, PhenotypeSource source, SelectionOptions options, SelectionReport report,
                      List<String> surfaceTraits) throws IOException {
        Map<String, Individuals> groups = read(source, options);
        boolean many = report.groups().size() > 1;
        for (GroupReport g : report.groups()) {
            Individuals ind = groups.get(g.group());
            if (ind == null || ind.size() == 0) {
                continue;
            }
            String suffix = many ? "-" + fileSafe(g.group()) : "";
            String title = many ? " (group " + g.group() + ")" : "";
            JFreeChart surface = surface(g, ind, surfaceTraits, title);
            if (surface != null) {
                Figures.write(surface, staged.file("surface" + suffix + ".png"));
                Figures.write(surface, staged.file("surface" + suffix + ".svg"));
            }
            for (int i = 0; i < g.traits().size(); i++) {
                JFreeChart chart = fitnessFunction(g, ind, i, options, title);
                String name = "fitness" + suffix + "-" + fileSafe(g.traits().get(i));
                Figures.write(chart, staged.file(name + ".png"));
                Figures.write(chart, staged.file(name + ".svg"));
            }
        }
    }

    static String fileSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Reads the individuals of every group, as the analysis sees them. */
    static Map<String, Individuals> read(PhenotypeSource source, SelectionOptions options) {
        List<String> header = source.columns();
        List<String> traits = options.traits();
        int k = traits.size();
        List<Integer> cols = new ArrayList<>();
        cols.add(header.indexOf(options.fitness()));
        for (String t : traits) {
            cols.add(header.indexOf(t));
        }
        List<RowFilter> filters = options.filters();
        for (RowFilter f : filters) {
            cols.add(header.indexOf(f.column()));
        }
        int byAt = -1;
        if (options.by().isPresent()) {
            byAt = cols.size();
            cols.add(header.indexOf(options.by().get()));
        }
        boolean[] log = new boolean[k];
        for (int i = 0; i < k; i++) {
            log[i] = options.logTraits().contains(traits.get(i));
        }
        Map<String, Individuals> groups = new LinkedHashMap<>();
        int byColumn = byAt;
        source.scan(cols.stream().mapToInt(Integer::intValue).toArray(), (line, cells) -> {
            for (int f = 0; f < filters.size(); f++) {
                if (!filters.get(f).matches(cells[1 + k + f])) {
                    return;
                }
            }
            String group = byColumn < 0 ? GroupReport.ALL : cells[byColumn].trim();
            double w = number(cells[0]);
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = number(cells[1 + i]);
                if (log[i]) {
                    x[i] = Math.log(x[i]);
                }
            }
            if (group.isEmpty() || !Double.isFinite(w) || Arrays.stream(x).anyMatch(v -> !Double.isFinite(v))) {
                return;
            }
            Individuals ind = groups.computeIfAbsent(group, gr -> new Individuals(new ArrayList<>(), new ArrayList<>()));
            ind.traits().add(x);
            ind.fitness().add(w);
        });
        return groups;
    }

    private static double number(String cell) {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            // a missing cell (empty, NA): the analysis drops the row too
            return Double.NaN;
        }
    }

    /** z = (x − x̄)/c for each individual, with the group's means and scales. */
    private static double[][] standardized(GroupReport g, Individuals ind) {
        double[] mean = g.traitMeans();
        double[] scale = g.scales();
        double[][] z = new double[ind.size()][];
        for (int r = 0; r < z.length; r++) {
            double[] x = ind.traits().get(r);
            z[r] = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                z[r][i] = (x[i] - mean[i]) / scale[i];
            }
        }
        return z;
    }

    /** The fitted surface over two directions u, v of z-space: w(s u + t v). */
    static JFreeChart surface(GroupReport g, Individuals ind, List<String> chosen, String titleSuffix) {
        if (g.quadratic().isEmpty() || g.traits().size() < 2) {
            return null;
        }
        QuadraticSelectionMatrix q = g.quadratic().get();
        int k = g.traits().size();
        double[] u = new double[k];
        double[] v = new double[k];
        String xLabel;
        String yLabel;
        if (chosen != null) {
            int a = g.traits().indexOf(chosen.get(0));
            int b = g.traits().indexOf(chosen.get(1));
            u[a] = 1;
            v[b] = 1;
            xLabel = chosen.get(0) + " (standardized)";
            yLabel = chosen.get(1) + " (standardized)";
        } else if (g.canonical().isPresent()) {
            CanonicalAnalysis ca = g.canonical().get();
            double[] lambda = ca.eigenvalueValues();
            double[][] m = ca.eigenvectors();
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(lambda[i])));
            int a = Math.min(order[0], order[1]);
            int b = Math.max(order[0], order[1]);
            for (int i = 0; i < k; i++) {
                u[i] = m[i][a];
                v[i] = m[i][b];
            }
            xLabel = "canonical axis m" + (a + 1) + " (\u03bb = " + Numbers.table(lambda[a]) + ")";
            yLabel = "canonical axis m" + (b + 1) + " (\u03bb = " + Numbers.table(lambda[b]) + ")";
        } else {
            return null;
        }
        double alpha = q.intercept().estimate();
        double[] lin = q.linearValues();
        double[][] gamma = q.matrix();
        double[][] z = standardized(g, ind);
        double[] s = new double[z.length];
        double[] t = new double[z.length];
        for (int r = 0; r < z.length; r++) {
            s[r] = dot(u, z[r]);
            t[r] = dot(v, z[r]);
        }
        double[] sr = padded(s);
        double[] tr = padded(t);
        Figures.Grid grid = Figures.Grid.sample((a, b) -> {
            double[] p = new double[k];
            for (int i = 0; i < k; i++) {
                p[i] = a * u[i] + b * v[i];
            }
            double w = alpha + dot(lin, p);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    w += 0.5 * p[i] * gamma[i][j] * p[j];
                }
            }
            return w;
        }, sr[0], sr[1], tr[0], tr[1], GRID, GRID);
        return Figures.colourMap("Fitted fitness surface w(z) = \u03b1 + b\u00b7z + \u00bd z\u00b7\u03b3z" + titleSuffix, xLabel, yLabel,
                "fitted relative fitness w", grid, true, individuals(s, t, ind.fitness()));
    }

    // the individuals, split by fitness 0 / > 0 when fitness is binary
    private static List<Figures.Series> individuals(double[] x, double[] y, List<Double> fitness) {
        boolean binary = fitness.stream().allMatch(w -> w == 0 || w == 1);
        if (!binary) {
            return List.of(new Figures.Series("individuals", x, y, Figures.Style.POINTS));
        }
        List<Figures.Series> series = new ArrayList<>();
        // survivors first, the deaths (usually the fewer) on top so that they are not hidden
        for (double level : new double[] {1, 0}) {
            int n = (int) fitness.stream().filter(w -> w == level).count();
            double[] px = new double[n];
            double[] py = new double[n];
            for (int r = 0, c = 0; r < x.length; r++) {
                if (fitness.get(r) == level) {
                    px[c] = x[r];
                    py[c++] = y[r];
                }
            }
            series.add(new Figures.Series("W = " + (int) level, px, py, Figures.Style.POINTS));
        }
        return series;
    }

    /** Relative fitness against one trait: the individuals and their LOESS curve. */
    static JFreeChart fitnessFunction(GroupReport g, Individuals ind, int trait, SelectionOptions options,
                                      String titleSuffix) {
        String name = g.traits().get(trait);
        boolean logged = options.logTraits().contains(name);
        double meanW = g.meanFitness();
        int n = ind.size();
        double[] x = new double[n];
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = ind.traits().get(r)[trait];
            w[r] = ind.fitness().get(r) / meanW;
        }
        List<Figures.Series> series = new ArrayList<>();
        series.add(new Figures.Series("individuals", x, w, Figures.Style.POINTS));
        double[][] curve = loess(x, w);
        if (curve != null) {
            series.add(new Figures.Series("LOESS (span " + LOESS_SPAN + ")", curve[0], curve[1], Figures.Style.LINE));
        }
        String label = logged ? "ln " + name : name;
        return Figures.lines("Fitness function of " + label + titleSuffix, label, "relative fitness w = W / mean W",
                false, series);
    }

    /**
     * LOESS through the points: tied x values are merged into their mean y with the count as weight,
     * since the smoother needs strictly increasing abscissae. Null when there are too few distinct
     * values for a local fit.
     */
    static double[][] loess(double[] x, double[] y) {
        TreeMap<Double, double[]> byX = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] acc = byX.computeIfAbsent(x[i], key -> new double[2]);
            acc[0] += y[i];
            acc[1] += 1;
        }
        int m = byX.size();
        if (m * LOESS_SPAN < 4) {
            return null;
        }
        double[] ux = new double[m];
        double[] uy = new double[m];
        double[] wt = new double[m];
        int i = 0;
        for (Map.Entry<Double, double[]> e : byX.entrySet()) {
            ux[i] = e.getKey();
            uy[i] = e.getValue()[0] / e.getValue()[1];
            wt[i++] = e.getValue()[1];
        }
        try {
            double[] fitted = new LoessInterpolator(LOESS_SPAN, 0).smooth(ux, uy, wt);
            if (Arrays.stream(fitted).anyMatch(v -> !Double.isFinite(v))) {
                return null;
            }
            return new double[][] {ux, fitted};
        } catch (MathIllegalArgumentException e) {
            // too few points in some window for a local line: the figure shows the individuals only
            return null;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] padded(double[] v) {
        double lo = Arrays.stream(v).min().orElse(-1);
        double hi = Arrays.stream(v).max().orElse(1);
        double pad = hi > lo ? 0.05 * (hi - lo) : 1;
        return new double[] {lo - pad, hi + pad};
    }
}
