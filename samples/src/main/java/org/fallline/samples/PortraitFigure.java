package org.fallline.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.portrait.Curve;
import org.fallline.physics.portrait.PhasePortrait;
import org.fallline.physics.portrait.SaddleManifolds;
import org.fallline.samples.figures.ArrowAnnotation;
import org.fallline.samples.figures.Figures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figure of a two-variable phase portrait: filled contours of V over the box (viridis, {@link Figures}),
 * the fan of gradient-flow orbits in translucent white with an arrowhead halfway along each, the stable
 * manifolds of the saddles in cyan and the unstable ones in orange, and the equilibria marked by type
 * (minimum: white disc, maximum: black square, saddle: red diamond, degenerate: magenta triangle), with a legend.
 */
final class PortraitFigure {

    private static final Color ORBIT = new Color(255, 255, 255, 150);
    private static final Color STABLE = new Color(0x17becf);
    private static final Color UNSTABLE = new Color(0xff7f0e);
    private static final int SAMPLES = 200;

    private PortraitFigure() {
    }

    static JFreeChart chart(ScalarField field, PhasePortrait p, String title) {
        Box box = p.box();
        double[] lo = box.lower();
        double[] hi = box.upper();
        Figures.Grid grid = Figures.Grid.sample((a, b) -> field.value(new double[] {a, b}), lo[0], hi[0], lo[1], hi[1],
                SAMPLES, SAMPLES);
        JFreeChart chart = Figures.colourMap(title, p.variables().get(0), p.variables().get(1), "V", grid, true,
                List.of());
        XYPlot plot = chart.getXYPlot();
        int index = plot.getDatasetCount();
        add(plot, index++, curves("orbits of dx/dt = -grad V", p.trajectories()), ORBIT, 1f, null);
        for (Curve c : p.trajectories()) {
            arrow(plot, c);
        }
        List<Curve> stable = p.manifolds().stream().flatMap(m -> m.stable().stream()).toList();
        List<Curve> unstable = p.manifolds().stream().flatMap(m -> m.unstable().stream()).toList();
        if (!stable.isEmpty()) {
            add(plot, index++, curves("stable manifold", stable), STABLE, 2.5f, null);
            add(plot, index++, curves("unstable manifold", unstable), UNSTABLE, 2.5f, null);
        }
        for (EquilibriumType type : EquilibriumType.values()) {
            XYSeries s = new XYSeries(type.label(), false, true);
            for (Equilibrium e : p.equilibria()) {
                if (e.type() == type) {
                    s.add(e.point()[0], e.point()[1]);
                }
            }
            if (!s.isEmpty()) {
                add(plot, index++, s, colour(type), 1f, shape(type));
            }
        }
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        chart.addSubtitle(legend);
        return chart;
    }

    // one series for many curves: a NaN point between two curves is a gap (the renderer does not join across it)
    private static XYSeries curves(String name, List<Curve> curves) {
        XYSeries s = new XYSeries(name, false, true);
        for (Curve c : curves) {
            for (int i = 0; i < c.size(); i++) {
                s.add(c.coordinate(i, 0), c.coordinate(i, 1));
            }
            s.add(c.coordinate(c.size() - 1, 0), Double.NaN);
        }
        return s;
    }

    private static void arrow(XYPlot plot, Curve c) {
        if (c.size() < 3) {
            return;
        }
        int mid = c.size() / 2;
        plot.addAnnotation(new ArrowAnnotation(c.coordinate(mid, 0), c.coordinate(mid, 1), c.coordinate(mid + 1, 0),
                c.coordinate(mid + 1, 1), 9, Color.WHITE), false);
    }

    private static void add(XYPlot plot, int index, XYSeries series, Color colour, float width, Shape shape) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(shape == null, shape != null);
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(width));
        if (shape != null) {
            r.setSeriesShape(0, shape);
            r.setUseOutlinePaint(true);
            r.setSeriesOutlinePaint(0, colour.equals(Color.BLACK) ? Color.WHITE : Color.BLACK);
            r.setDrawOutlines(true);
        } else {
            r.setLegendLine(new java.awt.geom.Line2D.Double(-8, 0, 8, 0));
        }
        plot.setDataset(index, new XYSeriesCollection(series));
        plot.setRenderer(index, r);
    }

    private static Color colour(EquilibriumType type) {
        return switch (type) {
            case MINIMUM -> Color.WHITE;
            case MAXIMUM -> Color.BLACK;
            case SADDLE -> new Color(0xd62728);
            case DEGENERATE -> new Color(0xe377c2);
        };
    }

    private static Shape shape(EquilibriumType type) {
        double s = 11;
        return switch (type) {
            case MINIMUM -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case MAXIMUM -> new Rectangle2D.Double(-s / 2, -s / 2, s, s);
            case SADDLE -> diamond(s * 1.2);
            case DEGENERATE -> triangle(s * 1.2);
        };
    }

    private static Shape diamond(double s) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -s / 2);
        p.lineTo(s / 2, 0);
        p.lineTo(0, s / 2);
        p.lineTo(-s / 2, 0);
        p.closePath();
        return p;
    }

    private static Shape triangle(double s) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -s / 2);
        p.lineTo(s / 2, s / 2);
        p.lineTo(-s / 2, s / 2);
        p.closePath();
        return p;
    }

    /** For the table: how each branch of a saddle's manifolds ends. */
    static String describe(SaddleManifolds m) {
        return m.stableDimension() + "-dimensional stable, " + m.unstableDimension() + "-dimensional unstable";
    }
}
