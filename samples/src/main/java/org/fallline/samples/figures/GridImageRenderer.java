package org.fallline.samples.figures;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * An {@link XYBlockRenderer} that paints the whole grid as one image, one pixel per block coloured by
 * the paint scale, stretched over the blocks' extent. The picture is the same as block by block, but
 * an SVG file holds one embedded image instead of tens of thousands of rectangles.
 */
final class GridImageRenderer extends XYBlockRenderer {

    private static final long serialVersionUID = 1L;

    private final transient Figures.Grid grid;

    GridImageRenderer(Figures.Grid grid) {
        this.grid = grid;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        if (series != 0 || item != 0) {
            return;
        }
        double[] x = grid.x();
        double[] y = grid.y();
        double[][] z = grid.z();
        int nx = x.length;
        int ny = y.length;
        BufferedImage image = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                if (Double.isFinite(z[i][j])) {
                    // image rows run downwards, y upwards
                    image.setRGB(i, ny - 1 - j, ((java.awt.Color) getPaintScale().getPaint(z[i][j])).getRGB());
                }
            }
        }
        double dx = (x[nx - 1] - x[0]) / (nx - 1);
        double dy = (y[ny - 1] - y[0]) / (ny - 1);
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double left = domainAxis.valueToJava2D(x[0] - dx / 2, dataArea, xEdge);
        double right = domainAxis.valueToJava2D(x[nx - 1] + dx / 2, dataArea, xEdge);
        double top = rangeAxis.valueToJava2D(y[ny - 1] + dy / 2, dataArea, yEdge);
        double bottom = rangeAxis.valueToJava2D(y[0] - dy / 2, dataArea, yEdge);
        Object hint = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(image, (int) Math.round(left), (int) Math.round(top),
                (int) Math.round(right - left), (int) Math.round(bottom - top), null);
        if (hint != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        }
    }
}
