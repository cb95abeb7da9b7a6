package org.fallline.samples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.fallline.evolution.CanonicalAnalysis;
import org.fallline.evolution.GroupReport;
import org.fallline.evolution.Model;
import org.fallline.evolution.SelectionOptions;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The fitted fitness surface of a group under {@code --model} ({@link FittedSurface}: the least-squares quadratic,
 * the second-order logistic probability or the second-order Poisson model's exp(η)/W̄) over two directions of
 * standardised trait space: the two canonical axes of the least-squares γ with the largest |λ| (Phillips &amp;
 * Arnold 1989, <i>Evolution</i> 43: 1209–1222), the others held at 0 (the mean phenotype), or two chosen traits in
 * their own units with the others at their means. Drawn only over the convex hull of the individuals (JTS
 * {@link ConvexHull}): a surface extrapolated beyond the data says nothing. The colour scale has even steps; a
 * least-squares quadratic is cut to the possible range of relative fitness — [0, ∞), or [0, 1/W̄] for survival —
 * with the cut said in the subtitle, while the GLM surfaces stay in range by their link. The individuals are laid
 * over it (at most {@value #MAX_POINTS}, a random sample), survivors and deaths in two marks with the deaths on top.
 */
final class SurfaceFigure {

    private static final int GRID = 120;
    private static final int MAX_POINTS = 1000;
    private static final int LOADINGS_SHOWN = 3;

    private SurfaceFigure() {
    }

    /**
     * The plane a surface figure is drawn over and the surface's values on it.
     *
     * @param grid    the surface on the plane's grid in axis units (NaN outside the convex hull), cut to the
     *                possible range
     * @param u       the plane's first direction in z
     * @param v       its second direction
     * @param offset  axis value at s = 0 (the trait's mean for trait axes, 0 for canonical axes)
     * @param unit    axis units per unit of s (the trait's scale for trait axes, 1 for canonical axes)
     * @param s       the individuals' first coordinate, z units
     * @param t       their second coordinate
     * @param xLabel  first axis label
     * @param yLabel  second axis label
     * @param held    what the other directions are held at ("" for two traits)
     * @param cut     whether the surface left its possible range somewhere and was cut
     */
    record Plane(Figures.Grid grid, double[] u, double[] v, double[] offset, double[] unit, double[] s, double[] t,
            String xLabel, String yLabel, String held, boolean cut) {

        /** The point z of trait space at axis coordinates (x, y). */
        double[] z(double x, double y) {
            return point(u, v, (x - offset[0]) / unit[0], (y - offset[1]) / unit[1]);
        }
    }

    /** z = a·u + b·v. */
    private static double[] point(double[] u, double[] v, double a, double b) {
        double[] p = new double[u.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = a * u[i] + b * v[i];
        }
        return p;
    }

    /**
     * The surface of {@code g} under {@code --model}, or null (with the reason in {@code why}) without a
     * second-order fit of that model or with fewer than two traits.
     */
    static JFreeChart of(GroupReport g, SelectionSample.Group sample, List<String> chosen, SelectionOptions options,
                         String titleSuffix, StringBuilder why) {
        if (g.traits().size() < 2) {
            why.append("a surface needs two traits");
            return null;
        }
        FittedSurface surface = FittedSurface.of(g, options.model(), sample.binary(), options.covariates(), why)
                .orElse(null);
        if (surface == null) {
            return null;
        }
        Plane plane = plane(g, sample, chosen, options, surface);
        if (plane == null) {
            why.append("the canonical analysis is missing");
            return null;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : plane.grid().z()) {
            for (double w : row) {
                if (Double.isFinite(w)) {
                    lo = Math.min(lo, w);
                    hi = Math.max(hi, w);
                }
            }
        }
        if (!(hi > lo)) {
            why.append("the fitted surface is flat over the data");
            return null;
        }
        JFreeChart chart = Figures.colourMap("Fitted fitness surface" + titleSuffix, plane.xLabel(), plane.yLabel(),
                surface.label(), plane.grid(), true, individuals(plane.s(), plane.t(), sample, plane.offset(),
                        plane.unit()), Figures.linearLevels(lo, hi));
        String sub = surface.formula() + " over the convex hull of the individuals"
                + (plane.held().isEmpty() ? "" : "; " + plane.held())
                + (plane.cut() ? "; cut to the possible range " + surface.range() : "");
        chart.addSubtitle(new TextTitle(sub));
        return chart;
    }

    /** The plane of the figure and the surface on it; null without the canonical analysis it needs. */
    static Plane plane(GroupReport g, SelectionSample.Group sample, List<String> chosen, SelectionOptions options,
                       FittedSurface surface) {
        int k = g.traits().size();
        double[] u = new double[k];
        double[] v = new double[k];
        String xLabel;
        String yLabel;
        String held;
        // axis units: s in z units, shown as x = offset + scale·s
        double[] offset = {0, 0};
        double[] unit = {1, 1};
        if (chosen != null) {
            int a = g.traits().indexOf(chosen.get(0));
            int b = g.traits().indexOf(chosen.get(1));
            u[a] = 1;
            v[b] = 1;
            xLabel = label(chosen.get(0), options);
            yLabel = label(chosen.get(1), options);
            offset = new double[] {g.traitMeans()[a], g.traitMeans()[b]};
            unit = new double[] {g.scales()[a], g.scales()[b]};
            held = k > 2 ? "other traits held at their means" : "";
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
            xLabel = "m" + (a + 1) + " (λ = " + Numbers.table(lambda[a]) + ") = " + loadings(u, g.traits());
            yLabel = "m" + (b + 1) + " (λ = " + Numbers.table(lambda[b]) + ") = " + loadings(v, g.traits());
            // the canonical axes are those of the least-squares γ whatever the model drawn
            String axes = options.model() == Model.OLS ? "" : "canonical axes of the least-squares γ; ";
            held = axes + (k > 2 ? "other canonical axes held at 0 (the mean phenotype); traits standardised"
                    : "traits standardised");
        } else {
            return null;
        }
        int n = sample.size();
        double[] s = new double[n];
        double[] t = new double[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                double z = (sample.trait(r, i) - g.traitMeans()[i]) / g.scales()[i];
                s[r] += u[i] * z;
                t[r] += v[i] * z;
            }
        }
        PreparedGeometry hull = hull(s, t);
        double sLo = Arrays.stream(s).min().orElse(-1);
        double sHi = Arrays.stream(s).max().orElse(1);
        double tLo = Arrays.stream(t).min().orElse(-1);
        double tHi = Arrays.stream(t).max().orElse(1);
        boolean[] cut = {false};
        GeometryFactory gf = new GeometryFactory();
        double[] off = offset;
        double[] un = unit;
        Figures.Grid grid = Figures.Grid.sample((x, y) -> {
            double a = (x - off[0]) / un[0];
            double b = (y - off[1]) / un[1];
            if (hull != null && !hull.covers(gf.createPoint(new Coordinate(a, b)))) {
                return Double.NaN;
            }
            double[] z = point(u, v, a, b);
            double w = surface.value().applyAsDouble(z);
            if (w < surface.floor() || w > surface.ceiling()) {
                cut[0] = true;
            }
            return surface.cut(z);
        }, offset[0] + unit[0] * sLo, offset[0] + unit[0] * sHi, offset[1] + unit[1] * tLo, offset[1] + unit[1] * tHi,
                GRID, GRID);
        if (!options.covariates().isEmpty()) {
            held = (held.isEmpty() ? "" : held + "; ") + "covariates (" + String.join(", ", options.covariates())
                    + ") held at their means (numeric) and reference levels (categorical)";
        }
        return new Plane(grid, u, v, offset, unit, s, t, xLabel, yLabel, held, cut[0]);
    }

    private static String label(String trait, SelectionOptions options) {
        return options.logTraits().contains(trait) ? "ln " + trait : trait;
    }

    /** "0.71·a − 0.70·b + …": the largest loadings of a canonical axis. */
    static String loadings(double[] m, List<String> traits) {
        Integer[] order = new Integer[m.length];
        for (int i = 0; i < m.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(m[i])));
        StringBuilder b = new StringBuilder();
        int shown = Math.min(LOADINGS_SHOWN, m.length);
        for (int j = 0; j < shown; j++) {
            int i = order[j];
            String coef = String.format(java.util.Locale.ROOT, "%.2f", Math.abs(m[i]));
            b.append(j == 0 ? (m[i] < 0 ? "−" : "") : (m[i] < 0 ? " − " : " + ")).append(coef).append("·").append(traits.get(i));
        }
        if (m.length > shown) {
            b.append(" + …");
        }
        return b.toString();
    }

    private static PreparedGeometry hull(double[] s, double[] t) {
        Coordinate[] c = new Coordinate[s.length];
        for (int r = 0; r < s.length; r++) {
            c[r] = new Coordinate(s[r], t[r]);
        }
        Geometry h = new ConvexHull(c, new GeometryFactory()).getConvexHull();
        return h.getDimension() == 2 ? PreparedGeometryFactory.prepare(h) : null;
    }

    // the individuals in axis units, split by survival when fitness is binary (deaths drawn last, on top)
    private static List<Figures.Series> individuals(double[] s, double[] t, SelectionSample.Group sample,
                                                    double[] off, double[] un) {
        int n = Math.min(MAX_POINTS, s.length);
        boolean binary = sample.binary();
        List<Figures.Series> series = new ArrayList<>();
        double[] levels = binary ? new double[] {1, 0} : new double[] {Double.NaN};
        for (double level : levels) {
            List<double[]> pts = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (!binary || sample.fitness(r) == level) {
                    pts.add(new double[] {off[0] + un[0] * s[r], off[1] + un[1] * t[r]});
                }
            }
            double[] px = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] py = pts.stream().mapToDouble(p -> p[1]).toArray();
            String name = binary ? (level == 1 ? "survived (W = 1)" : "died (W = 0)") : "individuals";
            series.add(new Figures.Series(name + (s.length > n ? ", sample of " + n : ""), px, py, Figures.Style.POINTS));
        }
        return series;
    }
}
