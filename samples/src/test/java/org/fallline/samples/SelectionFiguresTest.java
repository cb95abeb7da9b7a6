package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fallline.evolution.SplineFitnessFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The figures' data: a bounded uniform sample, and fitness functions that stay on the fitness scale. */
class SelectionFiguresTest {

    @Test
    void theSampleIsBoundedAndUniform() {
        SelectionSample sample = new SelectionSample(1, 7);
        double[] x = new double[1];
        int n = 200_000;
        for (int r = 0; r < n; r++) {
            x[0] = r;
            sample.individual("all", r % 2, x);
        }
        SelectionSample.Group g = sample.group("all");
        assertEquals(SelectionSample.CAPACITY, g.size());
        assertEquals(n, g.seen());
        // a uniform sample of 0..n-1: its mean is (n−1)/2 with standard error n/√(12·5000) ≈ 0.004 n
        double mean = 0;
        for (int r = 0; r < g.size(); r++) {
            mean += g.trait(r, 0) / g.size();
        }
        assertEquals((n - 1) / 2.0, mean, 4 * n / Math.sqrt(12.0 * SelectionSample.CAPACITY));
    }

    @Test
    void survivalFitnessFunctionsAreProbabilitiesWithTheirBand() {
        SelectionSample sample = new SelectionSample(1, 11);
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[1];
        int n = 300;
        for (int r = 0; r < n; r++) {
            // survival almost certain above 0, almost impossible below: a curve without bounds would overshoot
            x[0] = random.nextDouble(-3, 3);
            int w = random.nextDouble() < 1 / (1 + Math.exp(-6 * x[0])) ? 1 : 0;
            sample.individual("all", w, x);
        }
        JFreeChart chart = FitnessFunctionFigure.of(sample.group("all"), 0, "x", 0.5, "t", 1);
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals(0, plot.getRangeAxis().getLowerBound());
        assertEquals(1, plot.getRangeAxis().getUpperBound());
        int curves = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            for (int s = 0; s < data.getSeriesCount(); s++) {
                String name = data.getSeriesKey(s).toString();
                if (!name.startsWith("cubic regression spline") && !name.startsWith("95%")) {
                    continue;
                }
                curves++;
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double y = data.getYValue(s, i);
                    assertTrue(y > 0 && y < 1, name + " at " + data.getXValue(s, i) + ": " + y);
                }
            }
        }
        assertEquals(3, curves, "the curve and both edges of its band");
        SplineFitnessFunction s = FitnessFunctionFigure.curve(sample.group("all"), 0, "x",
                SplineFitnessFunction.Settings.DEFAULT.withSeed(1)).spline();
        assertTrue(FitnessFunctionFigure.method(s).contains("logit scale, λ by UBRE; 95% percentile band of "
                + s.resamples() + " bootstrap refits of the individuals, λ held at the fit's value"));
    }
}
