package org.fallline.samples;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SplineFitnessFunction;
import org.fallline.evolution.gam.GamFamily;
import org.fallline.samples.figures.Figures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.TextTitle;

/**
 * The univariate fitness function of one trait (Schluter 1988, <i>Evolution</i> 42: 849–861): a penalised cubic
 * regression spline fitted on the link scale — logit for 0/1 fitness, log for counts, identity otherwise — with
 * its smoothing chosen by UBRE or GCV, and a 95% percentile band from bootstrap refits of the individuals
 * ({@link SplineFitnessFunction}), over binned means of the data (equal-count bins). Survival is drawn as the
 * probability of surviving, P(W = 1), on [0, 1]; other fitness as relative fitness w = W/W̄, from 0. The individuals
 * are drawn only when there are few (≤ {@value #MAX_POINTS}), jittered vertically when fitness is discrete. The
 * curve is the same under every {@code --model}: it is a function of one trait, not a slice of the multivariate
 * model, and the figure says so.
 */
final class FitnessFunctionFigure {

    private static final int SHOWN_BINS = 20;
    private static final int MAX_POINTS = 2000;
    private static final String BAND = "95% bootstrap band";

    private FitnessFunctionFigure() {
    }

    /** What a fitness function figure shows: the spline (null when it could not be fitted, with the reason). */
    record Curve(SplineFitnessFunction spline, String failure, boolean survival) {
    }

    /**
     * The spline and band of a trait, on the figure's scale.
     *
     * @param settings how many resamples, points and which seed
     */
    static Curve curve(SelectionSample.Group sample, int trait, String label, SplineFitnessFunction.Settings settings) {
        int n = sample.size();
        double[] x = new double[n];
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = sample.trait(r, trait);
            w[r] = sample.fitness(r);
        }
        boolean survival = SplineFitnessFunction.familyOf(w) == GamFamily.BINOMIAL;
        try {
            return new Curve(SplineFitnessFunction.fit(label, x, w, settings), null, survival);
        } catch (SelectionException e) {
            return new Curve(null, e.getMessage(), survival);
        }
    }

    /**
     * @param sample     the group's sampled individuals
     * @param trait      index of the trait
     * @param label      the trait's axis label (with "ln" when logged)
     * @param meanW      W̄ of the group (from the analysis, over all its individuals)
     * @param title      the figure title
     * @param seed       seed of the bootstrap and of the jitter
     */
    static JFreeChart of(SelectionSample.Group sample, int trait, String label, double meanW, String title, long seed) {
        Curve curve = curve(sample, trait, label, SplineFitnessFunction.Settings.DEFAULT.withSeed(seed));
        boolean survival = curve.survival();
        // the shown scale: P(W = 1) for survival, relative fitness W/W̄ otherwise
        double unit = survival ? 1 : 1 / meanW;
        int n = sample.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = sample.trait(r, trait);
            y[r] = sample.fitness(r) * unit;
        }
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        List<Figures.Series> series = new ArrayList<>();
        if (n <= MAX_POINTS) {
            series.add(points(x, y, sample.counts(), seed));
        }
        double[][] shown = bins(x, y, order, Math.max(2, Math.min(SHOWN_BINS, n / 10)));
        series.add(new Figures.Series((survival ? "proportion surviving" : "mean relative fitness") + " ("
                + shown[0].length + " equal-count bins)", shown[0], shown[1], Figures.Style.POINTS));
        SplineFitnessFunction s = curve.spline();
        String subtitle;
        if (s != null) {
            double[] at = s.at();
            series.add(new Figures.Series(String.format(Locale.ROOT, "cubic regression spline (edf %.1f)", s.edf()),
                    at, scaled(s.fitted(), unit), Figures.Style.LINE));
            if (s.hasBand()) {
                series.add(new Figures.Series(BAND, at, scaled(s.lower(), unit), Figures.Style.LINE));
                series.add(new Figures.Series(BAND + " (upper edge)", at, scaled(s.upper(), unit),
                        Figures.Style.LINE));
            }
            subtitle = method(s);
        } else {
            subtitle = "no spline: " + curve.failure();
        }
        String yLabel = survival ? "probability of survival P(W = 1)" : "relative fitness w = W / mean W";
        JFreeChart chart = Figures.lines(title, label, yLabel, false, series);
        XYPlot plot = (XYPlot) chart.getPlot();
        // fitness is never negative and a probability never above 1: the axis shows that range
        plot.getRangeAxis().setLowerBound(0);
        if (survival) {
            plot.getRangeAxis().setUpperBound(1);
        }
        bandStyle(plot);
        chart.addSubtitle(new TextTitle(subtitle));
        if (sample.seen() > n) {
            chart.addSubtitle(new TextTitle("from a random sample of " + n + " of the " + sample.seen()
                    + " individuals (bins, spline and band)"));
        }
        return chart;
    }

    /** Both edges of the band as one legend entry: dashed, in the spline's colour. */
    private static void bandStyle(XYPlot plot) {
        Paint curve = null;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) == null || plot.getDataset(d).getSeriesCount() == 0) {
                continue;
            }
            String name = plot.getDataset(d).getSeriesKey(0).toString();
            XYItemRenderer r = plot.getRenderer(d);
            if (name.startsWith("cubic regression spline")) {
                curve = r.getSeriesPaint(0);
                r.setSeriesStroke(0, new BasicStroke(2.5f));
            } else if (name.startsWith(BAND) && curve != null) {
                r.setSeriesPaint(0, curve);
                r.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                        new float[] {6f, 4f}, 0f));
                r.setSeriesVisibleInLegend(0, !name.endsWith("(upper edge)"));
            }
        }
    }

    /** How the curve and band were made, for the subtitle. */
    static String method(SplineFitnessFunction s) {
        String link = switch (s.family()) {
            case BINOMIAL -> "logit";
            case POISSON -> "log";
            case GAUSSIAN -> "identity";
        };
        String band = s.hasBand()
                ? "95% percentile band of " + s.resamples() + " bootstrap refits of the individuals"
                + (s.failed() > 0 ? " (" + s.failed() + " failed)" : "")
                + (s.reselected() ? ", λ chosen again in each" : ", λ held at the fit's value")
                : "no bootstrap band" + (s.failed() > 0 ? " (" + s.failed() + " refits failed)" : "");
        return "Penalised cubic regression spline on the " + link + " scale, λ by "
                + s.criterion().name() + "; " + band + "; one trait alone, the same under every --model";
    }

    private static double[] scaled(double[] v, double unit) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * unit;
        }
        return out;
    }

    private static Figures.Series points(double[] x, double[] w, boolean discrete, long seed) {
        double[] y = w.clone();
        if (discrete) {
            double max = Arrays.stream(w).max().orElse(1);
            SplittableRandom random = new SplittableRandom(seed);
            for (int r = 0; r < y.length; r++) {
                // jitter inwards from 0 and from the largest value, both ways elsewhere: no point shows an
                // impossible fitness (below 0, or a survival probability above 1)
                double u = random.nextDouble();
                double j = 0.04 * max * (y[r] == 0 ? u : y[r] == max ? -u : u - 0.5);
                y[r] += j;
            }
        }
        return new Figures.Series(discrete ? "individuals (jittered)" : "individuals", x, y, Figures.Style.POINTS);
    }

    /** Equal-count bins of the sorted individuals: {mean x, mean w} per bin. */
    static double[][] bins(double[] x, double[] w, Integer[] order, int nb) {
        int n = x.length;
        double[][] out = new double[2][nb];
        for (int b = 0; b < nb; b++) {
            int from = (int) ((long) b * n / nb);
            int to = (int) ((long) (b + 1) * n / nb);
            double sx = 0;
            double sw = 0;
            for (int i = from; i < to; i++) {
                sx += x[order[i]];
                sw += w[order[i]];
            }
            int c = to - from;
            out[0][b] = sx / c;
            out[1][b] = sw / c;
        }
        return out;
    }
}
