package org.fallline.samples.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Objects;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * An arrowhead at a point of a path, pointing along the path's direction there. The direction is taken in
 * screen space, from two data points converted by the axes at drawing time, so the head points along the drawn
 * curve whatever the aspect ratio of the axes.
 */
public final class ArrowAnnotation extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;

    private final double x;
    private final double y;
    private final double toX;
    private final double toY;
    private final double size;
    private final transient Color colour;

    /**
     * @param x,y     where the head's tip is (data coordinates)
     * @param toX,toY a point further along the path, giving the direction
     * @param size    the head's length in pixels
     */
    public ArrowAnnotation(double x, double y, double toX, double toY, double size, Color colour) {
        this.x = x;
        this.y = y;
        this.toX = toX;
        this.toY = toY;
        this.size = size;
        this.colour = colour;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        double px = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double py = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        double qx = domainAxis.valueToJava2D(toX, dataArea, plot.getDomainAxisEdge());
        double qy = rangeAxis.valueToJava2D(toY, dataArea, plot.getRangeAxisEdge());
        double dx = qx - px;
        double dy = qy - py;
        double len = Math.hypot(dx, dy);
        if (!(len > 0) || !dataArea.contains(px, py)) {
            return;
        }
        dx /= len;
        dy /= len;
        Path2D.Double head = new Path2D.Double();
        head.moveTo(px + dx * size / 2, py + dy * size / 2);
        head.lineTo(px - dx * size / 2 - dy * size / 2.5, py - dy * size / 2 + dx * size / 2.5);
        head.lineTo(px - dx * size / 2 + dy * size / 2.5, py - dy * size / 2 - dx * size / 2.5);
        head.closePath();
        g2.setPaint(colour);
        g2.fill(head);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrowAnnotation a && a.x == x && a.y == y && a.toX == toX && a.toY == toY
                && a.size == size && Objects.equals(a.colour, colour);
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, y, toX, toY, size);
    }
}
