package org.fallline.samples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.analysis.interpolation.LoessInterpolator;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.fallline.samples.figures.Figures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/**
 * The non-parametric fitness function of one trait (Schluter 1988, <i>Evolution</i> 42: 849–861): relative fitness
 * w = W/W̄ against the trait, as binned means (equal-count bins) and a LOESS curve (Cleveland 1979; span 0.75 as R's {@code loess}, no robustness iterations, which would
 * treat 0/1 survival as outliers) fitted to fine equal-count bins weighted by their counts, with a 95% percentile
 * band from a case bootstrap of the individuals. Binary fitness is smoothed on the logit scale of the bin
 * proportions and counts on the log scale of the bin means, so that the curve and its band stay on the fitness scale
 * (never below 0; never above 1/W̄ for survival). The individuals are drawn only when there are few (≤ 2000),
 * jittered vertically when fitness is discrete.
 */
final class FitnessFunctionFigure {

    static final double LOESS_SPAN = 0.75;
    private static final int SHOWN_BINS = 20;
    private static final int SMOOTHING_BINS = 60;
    private static final int BOOTSTRAP = 200;
    private static final int MAX_POINTS = 2000;

    private FitnessFunctionFigure() {
    }

    /**
     * @param sample     the group's sampled individuals
     * @param trait      index of the trait
     * @param label      the trait's axis label (with "ln" when logged)
     * @param meanW      W̄ of the group (from the analysis, over all its individuals)
     * @param title      the figure title
     */
    static JFreeChart of(SelectionSample.Group sample, int trait, String label, double meanW, String title, long seed) {
        int n = sample.size();
        double[] x = new double[n];
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = sample.trait(r, trait);
            w[r] = sample.fitness(r) / meanW;
        }
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        boolean binary = sample.binary();
        boolean counts = sample.counts();
        List<Figures.Series> series = new ArrayList<>();
        if (n <= MAX_POINTS) {
            series.add(points(x, w, binary || counts, seed));
        }
        double[][] shown = bins(x, w, order, Math.max(2, Math.min(SHOWN_BINS, n / 10)));
        series.add(new Figures.Series("binned means (" + shown[0].length + " equal-count bins)", shown[0], shown[1],
                Figures.Style.POINTS));
        int m = Math.max(4, Math.min(SMOOTHING_BINS, n / 20));
        Scale scale = binary ? Scale.LOGIT : counts ? Scale.LOG : Scale.IDENTITY;
        double[][] curve = smooth(x, w, order, m, scale, meanW);
        if (curve != null) {
            series.add(new Figures.Series("LOESS (span " + LOESS_SPAN + ")", curve[0], curve[1], Figures.Style.LINE));
            double[][] band = band(x, w, m, scale, meanW, curve[0], seed);
            if (band != null) {
                series.add(new Figures.Series("95% bootstrap band, lower", curve[0], band[0], Figures.Style.LINE));
                series.add(new Figures.Series("95% bootstrap band, upper", curve[0], band[1], Figures.Style.LINE));
            }
        }
        JFreeChart chart = Figures.lines(title, label, "relative fitness w = W / mean W", false, series);
        // fitness is never negative: the axis starts at 0
        ((XYPlot) chart.getPlot()).getRangeAxis().setLowerBound(0);
        if (sample.seen() > n) {
            chart.addSubtitle(new TextTitle("from a random sample of " + n + " of the " + sample.seen()
                    + " individuals (bins, curve and band)"));
        }
        return chart;
    }

    private enum Scale { IDENTITY, LOGIT, LOG }

    private static Figures.Series points(double[] x, double[] w, boolean discrete, long seed) {
        double[] y = w.clone();
        if (discrete) {
            double max = Arrays.stream(w).max().orElse(1);
            SplittableRandom random = new SplittableRandom(seed);
            for (int r = 0; r < y.length; r++) {
                // jitter upwards from 0 and both ways elsewhere, so that no point shows an impossible fitness
                double j = 0.04 * max * (random.nextDouble() - (y[r] == 0 ? 0 : 0.5));
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

    /** The LOESS curve through m equal-count bins on the given scale, back on the fitness scale; null if too few. */
    private static double[][] smooth(double[] x, double[] w, Integer[] order, int m, Scale scale, double meanW) {
        double[][] b = bins(x, w, order, m);
        double[] counts = new double[m];
        int n = x.length;
        for (int i = 0; i < m; i++) {
            counts[i] = (int) ((long) (i + 1) * n / m) - (int) ((long) i * n / m);
        }
        double[][] merged = strictlyIncreasing(b[0], b[1], counts);
        if (merged[0].length < 4) {
            return null;
        }
        double[] y = new double[merged[0].length];
        for (int i = 0; i < y.length; i++) {
            y[i] = forward(merged[1][i], merged[2][i], scale, meanW);
        }
        try {
            double[] fit = new LoessInterpolator(LOESS_SPAN, 0).smooth(merged[0], y, merged[2]);
            double[] back = new double[fit.length];
            for (int i = 0; i < fit.length; i++) {
                back[i] = backward(fit[i], scale, meanW);
                if (!Double.isFinite(back[i])) {
                    return null;
                }
            }
            return new double[][] {merged[0], back};
        } catch (MathIllegalArgumentException e) {
            // too few distinct trait values for a local line: the figure shows the bins only
            return null;
        }
    }

    private static double[][] band(double[] x, double[] w, int m, Scale scale, double meanW, double[] at, long seed) {
        int n = x.length;
        SplittableRandom random = new SplittableRandom(seed + 17);
        double[][] curves = new double[BOOTSTRAP][];
        int ok = 0;
        double[] bx = new double[n];
        double[] bw = new double[n];
        Integer[] order = new Integer[n];
        for (int rep = 0; rep < BOOTSTRAP; rep++) {
            for (int r = 0; r < n; r++) {
                int pick = random.nextInt(n);
                bx[r] = x[pick];
                bw[r] = w[pick];
                order[r] = r;
            }
            Arrays.sort(order, (p, q) -> Double.compare(bx[p], bx[q]));
            double[][] c = smooth(bx, bw, order, m, scale, meanW);
            if (c != null) {
                curves[ok++] = interpolate(c[0], c[1], at);
            }
        }
        if (ok < BOOTSTRAP / 2) {
            return null;
        }
        double[][] band = new double[2][at.length];
        double[] column = new double[ok];
        for (int j = 0; j < at.length; j++) {
            for (int r = 0; r < ok; r++) {
                column[r] = curves[r][j];
            }
            Arrays.sort(column);
            band[0][j] = column[(int) Math.floor(0.025 * (ok - 1))];
            band[1][j] = column[(int) Math.ceil(0.975 * (ok - 1))];
        }
        return band;
    }

    private static double forward(double meanRelative, double count, Scale scale, double meanW) {
        switch (scale) {
            case LOGIT: {
                // empirical logit of the bin's proportion surviving, with the ½ correction (Cox 1970)
                double k = meanRelative * meanW * count;
                return Math.log((k + 0.5) / (count - k + 0.5));
            }
            case LOG:
                return Math.log(meanRelative + 0.5 / (count * meanW));
            default:
                return meanRelative;
        }
    }

    private static double backward(double eta, Scale scale, double meanW) {
        switch (scale) {
            case LOGIT:
                return 1 / (1 + Math.exp(-eta)) / meanW;
            case LOG:
                return Math.exp(eta);
            default:
                return Math.max(0, eta);
        }
    }

    /** Merges bins with equal mean x (ties), weighting by count: LOESS needs strictly increasing abscissae. */
    private static double[][] strictlyIncreasing(double[] x, double[] y, double[] c) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && x[i] <= last[0]) {
                double total = last[2] + c[i];
                last[1] = (last[1] * last[2] + y[i] * c[i]) / total;
                last[2] = total;
            } else {
                out.add(new double[] {x[i], y[i], c[i]});
            }
        }
        double[][] r = new double[3][out.size()];
        for (int i = 0; i < out.size(); i++) {
            r[0][i] = out.get(i)[0];
            r[1][i] = out.get(i)[1];
            r[2][i] = out.get(i)[2];
        }
        return r;
    }

    private static double[] interpolate(double[] x, double[] y, double[] at) {
        double[] out = new double[at.length];
        for (int j = 0; j < at.length; j++) {
            double t = at[j];
            if (t <= x[0]) {
                out[j] = y[0];
            } else if (t >= x[x.length - 1]) {
                out[j] = y[y.length - 1];
            } else {
                int i = Arrays.binarySearch(x, t);
                if (i >= 0) {
                    out[j] = y[i];
                } else {
                    int hiIdx = -i - 1;
                    double f = (t - x[hiIdx - 1]) / (x[hiIdx] - x[hiIdx - 1]);
                    out[j] = y[hiIdx - 1] + f * (y[hiIdx] - y[hiIdx - 1]);
                }
            }
        }
        return out;
    }

}
