package org.fallline.samples.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;

import org.fallline.samples.internal.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Figures for the command line, drawn with JFreeChart: a filled contour map of a function of two
 * variables with points or paths laid over it, and x–y line-and-point plots (one or several panels
 * sharing the x axis, linear or logarithmic y). Charts are written as PNG ({@link ChartUtils}) or SVG
 * ({@link SVGGraphics2D}), chosen by the file's extension, atomically ({@link AtomicFiles}).
 *
 * <p>The colour map is a filled contour plot with levels at equally spaced quantiles of the sampled
 * values (so that every band covers about the same area, whatever the dynamic range of the function),
 * coloured with the viridis palette (van der Walt and Smith 2015), which stays ordered in grey scale
 * and for colour-blind readers; the contour lines are drawn at the band edges.
 */
public final class Figures {

    /** Default size of a written figure, in pixels (PNG) or user units (SVG). */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 640;

    private static final int LEVELS = 16;

    // viridis at 11 equally spaced points (matplotlib's table)
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x482475), new Color(0x414487), new Color(0x355f8d),
        new Color(0x2a788e), new Color(0x21918c), new Color(0x22a884), new Color(0x44bf70),
        new Color(0x7ad151), new Color(0xbddf26), new Color(0xfde725)};

    // series on a plain white plot, in order of use
    private static final Color[] PLAIN = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        Color.BLACK};

    // overlays: colours that stand out on viridis, in order of use
    private static final Color[] OVERLAY = {
        new Color(0xd62728), Color.WHITE, new Color(0xff7f0e), Color.BLACK, new Color(0xe377c2), new Color(0x17becf)};

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Figures() {
    }

    /** How an overlay is drawn. */
    public enum Style {
        /** Points only (individuals, equilibria). */
        POINTS,
        /** A path through the points, in order (a trajectory). */
        LINE,
        /** A path with its points marked. */
        LINE_AND_POINTS
    }

    /**
     * A named set of points laid over a chart.
     *
     * @param name  the legend entry
     * @param x     abscissae
     * @param y     ordinates, as many as x
     * @param style how to draw it
     */
    public record Series(String name, double[] x, double[] y, Style style) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values and " + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /**
     * A function sampled on a rectangular grid.
     *
     * @param x ascending abscissae
     * @param y ascending ordinates
     * @param z z[i][j] = f(x[i], y[j]); non-finite values are left blank
     */
    public record Grid(double[] x, double[] y, double[][] z) {
        public Grid {
            if (x.length < 2 || y.length < 2 || z.length != x.length) {
                throw new IllegalArgumentException("a grid needs at least 2 x 2 points and z[x.length][y.length]");
            }
            x = x.clone();
            y = y.clone();
            double[][] copy = new double[z.length][];
            for (int i = 0; i < z.length; i++) {
                if (z[i].length != y.length) {
                    throw new IllegalArgumentException("z row " + i + " has " + z[i].length + " values, not " + y.length);
                }
                copy[i] = z[i].clone();
            }
            z = copy;
        }

        /** Samples f on an nx × ny grid spanning [xLo, xHi] × [yLo, yHi]. */
        public static Grid sample(DoubleBinaryOperator f, double xLo, double xHi, double yLo, double yHi,
                                  int nx, int ny) {
            double[] x = new double[nx];
            double[] y = new double[ny];
            for (int i = 0; i < nx; i++) {
                x[i] = xLo + (xHi - xLo) * i / (nx - 1);
            }
            for (int j = 0; j < ny; j++) {
                y[j] = yLo + (yHi - yLo) * j / (ny - 1);
            }
            double[][] z = new double[nx][ny];
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    z[i][j] = f.applyAsDouble(x[i], y[j]);
                }
            }
            return new Grid(x, y, z);
        }
    }

    /**
     * A filled contour map of a sampled function with series laid over it.
     *
     * @param zLabel   the label of the colour scale
     * @param contours whether to draw the contour lines at the band edges
     */
    public static JFreeChart colourMap(String title, String xLabel, String yLabel, String zLabel, Grid grid,
                                       boolean contours, List<Series> overlays) {
        return colourMap(title, xLabel, yLabel, zLabel, grid, contours, overlays, levels(grid.z()));
    }

    /**
     * A filled contour map with the given band edges (ascending), so that several maps share one colour
     * scale: for instance {@link #linearLevels} over the range of all of them.
     */
    public static JFreeChart colourMap(String title, String xLabel, String yLabel, String zLabel, Grid grid,
                                       boolean contours, List<Series> overlays, double[] levels) {
        LookupPaintScale scale = paintScale(levels);

        int nx = grid.x().length;
        int ny = grid.y().length;
        double[][] xyz = new double[3][nx * ny];
        double[] gx = grid.x();
        double[] gy = grid.y();
        double[][] gz = grid.z();
        for (int i = 0, k = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++, k++) {
                xyz[0][k] = gx[i];
                xyz[1][k] = gy[j];
                xyz[2][k] = gz[i][j];
            }
        }
        DefaultXYZDataset blocks = new DefaultXYZDataset();
        blocks.addSeries(zLabel, xyz);
        XYBlockRenderer blockRenderer = new GridImageRenderer(grid);
        double dx = (gx[nx - 1] - gx[0]) / (nx - 1);
        double dy = (gy[ny - 1] - gy[0]) / (ny - 1);
        blockRenderer.setBlockWidth(dx);
        blockRenderer.setBlockHeight(dy);
        blockRenderer.setPaintScale(scale);
        blockRenderer.setDefaultSeriesVisibleInLegend(false);

        NumberAxis xAxis = axis(xLabel);
        NumberAxis yAxis = axis(yLabel);
        xAxis.setRange(gx[0] - dx / 2, gx[nx - 1] + dx / 2);
        yAxis.setRange(gy[0] - dy / 2, gy[ny - 1] + dy / 2);
        XYPlot plot = new XYPlot(blocks, xAxis, yAxis, blockRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        int index = 1;
        if (contours) {
            XYSeries lines = new XYSeries("contours", false, true);
            for (int l = 1; l < levels.length - 1; l++) {
                for (double[] s : MarchingSquares.segments(gx, gy, gz, levels[l])) {
                    lines.add(s[0], s[1]);
                    lines.add(s[2], s[3]);
                    // a gap: the renderer does not join across a NaN
                    lines.add(s[2], Double.NaN);
                }
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            // one path for all segments (the NaN gaps become moves): compact SVG
            r.setDrawSeriesLineAsPath(true);
            r.setSeriesPaint(0, new Color(0, 0, 0, 70));
            r.setSeriesStroke(0, new BasicStroke(0.8f));
            r.setDefaultSeriesVisibleInLegend(false);
            plot.setDataset(index, new XYSeriesCollection(lines));
            plot.setRenderer(index, r);
            index++;
        }
        addOverlays(plot, index, overlays, OVERLAY);
        // the overlays must not widen the axes beyond the map
        xAxis.setRange(gx[0] - dx / 2, gx[nx - 1] + dx / 2);
        yAxis.setRange(gy[0] - dy / 2, gy[ny - 1] + dy / 2);

        JFreeChart chart = new JFreeChart(title, TITLE, plot, !overlays.isEmpty());
        chart.setBackgroundPaint(Color.WHITE);
        styleLegend(chart);
        NumberAxis scaleAxis = axis(zLabel);
        scaleAxis.setRange(levels[0], levels[levels.length - 1]);
        if (zLabel.length() <= 3) {
            // a short label (V, w) reads upright; turned, "V" looks like "<"
            scaleAxis.setLabelAngle(-Math.PI / 2);
        }
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(18);
        legend.setSubdivisionCount(256);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * A panel of an x–y plot.
     *
     * @param yLabel the y axis label
     * @param logY   logarithmic y axis (points with y ≤ 0 are left out)
     * @param series the series, drawn in order
     */
    public record Panel(String yLabel, boolean logY, List<Series> series) {
        public Panel {
            series = List.copyOf(series);
        }
    }

    /**
     * The extent [min, max] of a path's coordinates widened by a quarter on each side (to a unit around the value
     * when the path does not move), as the range of a map drawn under it.
     */
    public static double[] paddedRange(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double w = hi - lo;
        if (!(w > 1e-9 * Math.max(1, Math.abs(hi)))) {
            w = Math.max(1, Math.abs(hi));
        }
        return new double[] {lo - w / 4, hi + w / 4};
    }

    /** An x–y plot of lines and points on one panel. */
    public static JFreeChart lines(String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        XYPlot plot = panel(new Panel(yLabel, logY, series), axis(xLabel));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, series.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        styleLegend(chart);
        return chart;
    }

    /** Several x–y panels stacked over a shared x axis (for instance V and |∇V| against iteration). */
    public static JFreeChart panels(String title, String xLabel, List<Panel> panels) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(axis(xLabel));
        combined.setGap(12);
        boolean legend = false;
        for (Panel p : panels) {
            combined.add(panel(p, null), 1);
            legend |= p.series().size() > 1;
        }
        JFreeChart chart = new JFreeChart(title, TITLE, combined, legend);
        chart.setBackgroundPaint(Color.WHITE);
        styleLegend(chart);
        return chart;
    }

    /** Writes the chart to {@code file} as PNG or SVG (by the extension .png or .svg), atomically. */
    public static void write(JFreeChart chart, Path file) throws IOException {
        write(chart, file, WIDTH, HEIGHT);
    }

    /** Writes the chart at the given size. */
    public static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        } else if (name.endsWith(".svg")) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
            byte[] svg = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, (OutputStream out) -> out.write(svg));
        } else {
            throw new IllegalArgumentException("figure file " + file + " must end in .png or .svg");
        }
    }

    /** {@value #LEVELS} equal bands from lo to hi (one band around lo when hi ≤ lo). */
    public static double[] linearLevels(double lo, double hi) {
        if (!(hi > lo)) {
            return new double[] {lo - 0.5, lo + 0.5};
        }
        double[] levels = new double[LEVELS + 1];
        for (int l = 0; l <= LEVELS; l++) {
            levels[l] = lo + (hi - lo) * l / LEVELS;
        }
        levels[LEVELS] = hi;
        return levels;
    }

    /** Writes charts side by side, {@code columns} per row, each tile {@code width} × {@code height} (PNG). */
    public static void writeTiles(List<JFreeChart> charts, int columns, Path file, int width, int height)
            throws IOException {
        int rows = (charts.size() + columns - 1) / columns;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(columns * width, rows * height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle((i % columns) * width, (i / columns) * height, width, height));
        }
        g.dispose();
        AtomicFiles.write(file, out -> javax.imageio.ImageIO.write(image, "png", out));
    }

    /** True when {@code file} has an extension {@link #write} understands. */
    public static boolean isFigureFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    // band edges at equally spaced quantiles of the finite values, distinct and ascending
    static double[] levels(double[][] z) {
        double[] v = Arrays.stream(z).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new double[] {0, 1};
        }
        double lo = v[0];
        double hi = v[v.length - 1];
        if (!(hi > lo)) {
            return new double[] {lo - 0.5, lo + 0.5};
        }
        double[] levels = new double[LEVELS + 1];
        int k = 0;
        for (int l = 0; l <= LEVELS; l++) {
            double q = v[(int) Math.round((double) l * (v.length - 1) / LEVELS)];
            if (k == 0 || q > levels[k - 1] + 1e-12 * (hi - lo)) {
                levels[k++] = q;
            }
        }
        levels[k - 1] = hi;
        return Arrays.copyOf(levels, k);
    }

    private static LookupPaintScale paintScale(double[] levels) {
        int bands = levels.length - 1;
        LookupPaintScale scale = new LookupPaintScale(levels[0], levels[bands], VIRIDIS[VIRIDIS.length - 1]);
        for (int b = 0; b < bands; b++) {
            scale.add(levels[b], viridis(bands == 1 ? 0.5 : (double) b / (bands - 1)));
        }
        return scale;
    }

    /** The viridis colour at t ∈ [0, 1], interpolated linearly between the table's entries. */
    static Color viridis(double t) {
        double s = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) s, VIRIDIS.length - 2);
        double f = s - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color(
                (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    private static XYPlot panel(Panel p, ValueAxis xAxis) {
        ValueAxis yAxis;
        if (p.logY()) {
            LogAxis log = new LogAxis(p.yLabel());
            log.setBase(10);
            log.setSmallestValue(1e-300);
            // ticks at whole powers of ten only: 10^-0.2 helps nobody
            TickUnits units = new TickUnits();
            for (double u : new double[] {1, 2, 5, 10, 20, 50, 100}) {
                units.add(new NumberTickUnit(u));
            }
            log.setStandardTickUnits(units);
            log.setMinorTickMarksVisible(true);
            log.setLabelFont(LABEL);
            log.setTickLabelFont(TICK);
            yAxis = log;
        } else {
            NumberAxis lin = axis(p.yLabel());
            lin.setAutoRangeIncludesZero(false);
            yAxis = lin;
        }
        XYPlot plot = new XYPlot(null, xAxis, yAxis, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        List<Series> series = p.series();
        if (p.logY()) {
            series = series.stream().map(Figures::positive).toList();
        }
        addOverlays(plot, 0, series, PLAIN);
        return plot;
    }

    private static Series positive(Series s) {
        double[] x = s.x();
        double[] y = s.y();
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i])) {
                x[k] = x[i];
                y[k++] = y[i];
            }
        }
        return new Series(s.name(), Arrays.copyOf(x, k), Arrays.copyOf(y, k), s.style());
    }

    private static void addOverlays(XYPlot plot, int firstIndex, List<Series> overlays, Color[] palette) {
        int index = firstIndex;
        int colour = 0;
        for (Series s : overlays) {
            XYSeries data = new XYSeries(s.name(), false, true);
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                data.add(x[i], y[i]);
            }
            boolean line = s.style() != Style.POINTS;
            boolean shapes = s.style() != Style.LINE;
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(line, shapes);
            Color c = palette[colour++ % palette.length];
            r.setSeriesPaint(0, c);
            r.setSeriesStroke(0, new BasicStroke(2f));
            double size = s.style() == Style.POINTS ? 8 : 5;
            Shape dot = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
            r.setSeriesShape(0, dot);
            r.setUseOutlinePaint(true);
            r.setSeriesOutlinePaint(0, c.equals(Color.BLACK) ? Color.WHITE : Color.BLACK);
            r.setSeriesOutlineStroke(0, new BasicStroke(1f));
            r.setDrawOutlines(true);
            r.setUseFillPaint(true);
            r.setSeriesFillPaint(0, c);
            r.setLegendShape(0, new Rectangle2D.Double(-5, -5, 10, 10));
            plot.setDataset(index, new XYSeriesCollection(data));
            plot.setRenderer(index, r);
            index++;
        }
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static void styleLegend(JFreeChart chart) {
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TICK);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint((Paint) Color.WHITE);
        }
    }
}
