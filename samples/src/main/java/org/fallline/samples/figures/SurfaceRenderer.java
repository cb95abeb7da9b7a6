package org.fallline.samples.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.fallline.geometry.FlowSnapshot;
import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.TriangleMesh;
import org.fallline.samples.internal.AtomicFiles;

/**
 * A shaded picture of a graph surface from an oblique view: orthographic projection after turning the
 * scene by an azimuth of −35° and tilting it to 28° elevation, true vertical scale; z-buffered triangles
 * with Gouraud-interpolated Phong lighting (ambient, Lambert diffuse, specular highlight; B. T. Phong,
 * <i>Comm. ACM</i> 18 (1975)) over a height colour map; the boundary wire drawn in black on top; a
 * colour bar labelled with the height range and the domain's bounding box at the base labelled with its
 * coordinates. The same frame (projection and colour scale) is kept for every frame of a flow animation.
 */
public final class SurfaceRenderer {

    private static final double AZIMUTH = Math.toRadians(-35);
    private static final double ELEVATION = Math.toRadians(28);
    private static final double[] LIGHT = normalize(new double[] {0.2, -0.5, 0.85});

    private final int width;
    private final int height;
    private final double zMin;
    private final double zMax;
    private final double[] box;
    private final double scale;
    private final double offsetX;
    private final double offsetY;

    private SurfaceRenderer(int width, int height, double[] box, double zMin, double zMax) {
        this.width = width;
        this.height = height;
        this.box = box;
        this.zMin = zMin;
        this.zMax = zMax;
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : new double[] {box[0], box[1]}) {
            for (double y : new double[] {box[2], box[3]}) {
                for (double z : new double[] {zMin, zMax}) {
                    double[] p = view(x, y, z);
                    lo[0] = Math.min(lo[0], p[0]);
                    lo[1] = Math.min(lo[1], p[1]);
                    hi[0] = Math.max(hi[0], p[0]);
                    hi[1] = Math.max(hi[1], p[1]);
                }
            }
        }
        double plotW = width * 0.78;
        double plotH = height * 0.80;
        scale = Math.min(plotW / (hi[0] - lo[0]), plotH / Math.max(hi[1] - lo[1], 1e-12));
        offsetX = width * 0.04 + (plotW - scale * (hi[0] - lo[0])) / 2 - scale * lo[0];
        offsetY = height * 0.12 + (plotH - scale * (hi[1] - lo[1])) / 2 + scale * hi[1];
    }

    /** Renders {@code surface} to a PNG file, written atomically. */
    public static void writePng(GraphSurface surface, Path file, String title) throws IOException {
        BufferedImage image = frame(List.of(surface), 1000, 760).render(surface, "minimal surface, boundary " + title
                + " (" + surface.mesh().vertices() + " vertices)");
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** Renders the snapshots of a flow into a looping animated GIF, written atomically. */
    public static void writeGif(List<FlowSnapshot> snapshots, Path file, String title) throws IOException {
        SurfaceRenderer r = frame(snapshots.stream().map(FlowSnapshot::surface).toList(), 560, 420);
        AtomicFiles.write(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (FlowSnapshot s : snapshots) {
                    BufferedImage image = r.render(s.surface(), String.format(Locale.ROOT,
                            "mean curvature flow, %s: t = %.4g, area %.6g", title, s.time(), s.area()));
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                    loop(meta, 12);
                    writer.writeToSequence(new IIOImage(image, null, meta), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    // GIF frame delay (hundredths of a second) and the NETSCAPE2.0 extension that makes it loop forever
    private static void loop(IIOMetadata meta, int delay) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delay));
        gce.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode apps = child(root, "ApplicationExtensions");
        IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
        app.setAttribute("applicationID", "NETSCAPE");
        app.setAttribute("authenticationCode", "2.0");
        app.setUserObject(new byte[] {1, 0, 0});
        apps.appendChild(app);
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    // one frame for all surfaces: their common bounding box and height range
    private static SurfaceRenderer frame(List<GraphSurface> surfaces, int w, int h) {
        TriangleMesh mesh = surfaces.get(0).mesh();
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int v = 0; v < mesh.vertices(); v++) {
            box[0] = Math.min(box[0], mesh.x(v));
            box[1] = Math.max(box[1], mesh.x(v));
            box[2] = Math.min(box[2], mesh.y(v));
            box[3] = Math.max(box[3], mesh.y(v));
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (GraphSurface s : surfaces) {
            for (int v = 0; v < mesh.vertices(); v++) {
                lo = Math.min(lo, s.height(v));
                hi = Math.max(hi, s.height(v));
            }
        }
        if (hi - lo < 1e-12) {
            hi = lo + 1e-12;
        }
        return new SurfaceRenderer(w, h, box, lo, hi);
    }

    private BufferedImage render(GraphSurface surface, String title) {
        TriangleMesh mesh = surface.mesh();
        int n = mesh.vertices();
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] depth = new double[n];
        int[] rgb = new int[n];
        double[][] normals = vertexNormals(surface);
        for (int v = 0; v < n; v++) {
            double[] p = view(mesh.x(v), mesh.y(v), surface.height(v));
            sx[v] = offsetX + scale * p[0];
            sy[v] = offsetY - scale * p[1];
            depth[v] = p[2];
            rgb[v] = shade(surface.height(v), normals[v]);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawBase(g, true);
        float[] zbuf = new float[width * height];
        java.util.Arrays.fill(zbuf, Float.NEGATIVE_INFINITY);
        int[] pixels = new int[width * height];
        image.getRGB(0, 0, width, height, pixels, 0, width);
        for (int t = 0; t < mesh.triangles(); t++) {
            raster(mesh.corner(t, 0), mesh.corner(t, 1), mesh.corner(t, 2), sx, sy, depth, rgb, zbuf, pixels);
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(1.2f, width / 600f)));
        for (int[] loop : mesh.boundaryLoops()) {
            Path2D.Double wire = new Path2D.Double();
            for (int k = 0; k < loop.length; k++) {
                if (k == 0) {
                    wire.moveTo(sx[loop[k]], sy[loop[k]]);
                } else {
                    wire.lineTo(sx[loop[k]], sy[loop[k]]);
                }
            }
            wire.closePath();
            g.draw(wire);
        }
        drawBase(g, false);
        drawColourBar(g);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, width / 62)));
        g.setColor(Color.BLACK);
        g.drawString(title, (int) (width * 0.04), (int) (height * 0.06));
        g.dispose();
        return image;
    }

    // the bounding box at z = zMin: hidden edges first (light), then the labels
    private void drawBase(Graphics2D g, boolean lines) {
        double[][] c = {{box[0], box[2]}, {box[1], box[2]}, {box[1], box[3]}, {box[0], box[3]}};
        double[][] s = new double[4][];
        for (int k = 0; k < 4; k++) {
            double[] p = view(c[k][0], c[k][1], zMin);
            s[k] = new double[] {offsetX + scale * p[0], offsetY - scale * p[1]};
        }
        if (lines) {
            g.setColor(new Color(170, 170, 170));
            g.setStroke(new BasicStroke(1f));
            for (int k = 0; k < 4; k++) {
                g.drawLine((int) s[k][0], (int) s[k][1], (int) s[(k + 1) % 4][0], (int) s[(k + 1) % 4][1]);
            }
            return;
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, width / 75)));
        int pad = width / 80;
        g.drawString("x = " + fmt(box[0]), (int) s[0][0] - 4 * pad, (int) s[0][1] + 2 * pad);
        g.drawString("x = " + fmt(box[1]), (int) s[1][0] - pad, (int) s[1][1] + 2 * pad);
        g.drawString("y = " + fmt(box[3]), (int) s[2][0] + pad, (int) s[2][1]);
        g.drawString("(z at base = " + fmt(zMin) + ")", (int) s[0][0] - 4 * pad, (int) s[0][1] + 4 * pad);
    }

    private void drawColourBar(Graphics2D g) {
        int x = (int) (width * 0.86);
        int top = (int) (height * 0.16);
        int barH = (int) (height * 0.62);
        int barW = Math.max(12, width / 50);
        for (int i = 0; i < barH; i++) {
            double f = 1 - (double) i / (barH - 1);
            g.setColor(new Color(colour(f)));
            g.fillRect(x, top + i, barW, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, top, barW, barH);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, width / 75)));
        for (int k = 0; k <= 4; k++) {
            double z = zMax - (zMax - zMin) * k / 4;
            int y = top + barH * k / 4;
            g.drawLine(x + barW, y, x + barW + 4, y);
            g.drawString(fmt(z), x + barW + 7, y + 4);
        }
        g.drawString("height z", x - barW / 2, top - 10);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    // rotate about z by the azimuth, then tilt: screen (right, up) and depth towards the viewer
    private static double[] view(double x, double y, double z) {
        double ca = Math.cos(AZIMUTH);
        double sa = Math.sin(AZIMUTH);
        double xr = ca * x - sa * y;
        double yr = sa * x + ca * y;
        double ce = Math.cos(ELEVATION);
        double se = Math.sin(ELEVATION);
        return new double[] {xr, ce * z + se * yr, -ce * yr + se * z};
    }

    private int shade(double z, double[] normal) {
        int base = colour((z - zMin) / (zMax - zMin));
        double[] nz = normal;
        // the unit vector towards the viewer: depth = eye · (x, y, z) (see view); back faces are flipped to it
        double[] eye = {-Math.cos(ELEVATION) * Math.sin(AZIMUTH), -Math.cos(ELEVATION) * Math.cos(AZIMUTH),
            Math.sin(ELEVATION)};
        if (dot(nz, eye) < 0) {
            nz = new double[] {-nz[0], -nz[1], -nz[2]};
        }
        double diffuse = Math.max(0, dot(nz, LIGHT));
        double[] r = new double[3];
        double nl = 2 * dot(nz, LIGHT);
        for (int k = 0; k < 3; k++) {
            r[k] = nl * nz[k] - LIGHT[k];
        }
        double specular = Math.pow(Math.max(0, dot(r, eye)), 24);
        double lit = 0.35 + 0.65 * diffuse;
        int red = channel(((base >> 16) & 255) * lit + 255 * 0.25 * specular);
        int green = channel(((base >> 8) & 255) * lit + 255 * 0.25 * specular);
        int blue = channel((base & 255) * lit + 255 * 0.25 * specular);
        return (red << 16) | (green << 8) | blue;
    }

    private static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    // a perceptually ordered map from dark blue through teal and green to yellow (viridis-like key colours)
    private static int colour(double f) {
        double[][] keys = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double s = Math.max(0, Math.min(1, f)) * (keys.length - 1);
        int i = Math.min(keys.length - 2, (int) s);
        double u = s - i;
        int r = (int) Math.round(keys[i][0] + u * (keys[i + 1][0] - keys[i][0]));
        int g = (int) Math.round(keys[i][1] + u * (keys[i + 1][1] - keys[i][1]));
        int b = (int) Math.round(keys[i][2] + u * (keys[i + 1][2] - keys[i][2]));
        return (r << 16) | (g << 8) | b;
    }

    private static double[][] vertexNormals(GraphSurface s) {
        TriangleMesh mesh = s.mesh();
        double[][] n = new double[mesh.vertices()][3];
        for (int t = 0; t < mesh.triangles(); t++) {
            int a = mesh.corner(t, 0);
            int b = mesh.corner(t, 1);
            int c = mesh.corner(t, 2);
            double ex = mesh.x(b) - mesh.x(a);
            double ey = mesh.y(b) - mesh.y(a);
            double ez = s.height(b) - s.height(a);
            double fx = mesh.x(c) - mesh.x(a);
            double fy = mesh.y(c) - mesh.y(a);
            double fz = s.height(c) - s.height(a);
            double[] f = {ey * fz - ez * fy, ez * fx - ex * fz, ex * fy - ey * fx};
            for (int v : new int[] {a, b, c}) {
                n[v][0] += f[0];
                n[v][1] += f[1];
                n[v][2] += f[2];
            }
        }
        for (double[] v : n) {
            double[] u = normalize(v);
            System.arraycopy(u, 0, v, 0, 3);
        }
        return n;
    }

    private void raster(int a, int b, int c, double[] sx, double[] sy, double[] depth, int[] rgb, float[] zbuf,
                        int[] pixels) {
        double x0 = sx[a];
        double y0 = sy[a];
        double x1 = sx[b];
        double y1 = sy[b];
        double x2 = sx[c];
        double y2 = sy[c];
        double det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        if (Math.abs(det) < 1e-12) {
            return;
        }
        int minX = Math.max(0, (int) Math.floor(Math.min(x0, Math.min(x1, x2))));
        int maxX = Math.min(width - 1, (int) Math.ceil(Math.max(x0, Math.max(x1, x2))));
        int minY = Math.max(0, (int) Math.floor(Math.min(y0, Math.min(y1, y2))));
        int maxY = Math.min(height - 1, (int) Math.ceil(Math.max(y0, Math.max(y1, y2))));
        for (int py = minY; py <= maxY; py++) {
            double cy = py + 0.5;
            for (int px = minX; px <= maxX; px++) {
                double cx = px + 0.5;
                double l1 = ((cx - x0) * (y2 - y0) - (x2 - x0) * (cy - y0)) / det;
                double l2 = ((x1 - x0) * (cy - y0) - (cx - x0) * (y1 - y0)) / det;
                double l0 = 1 - l1 - l2;
                if (l0 < -1e-9 || l1 < -1e-9 || l2 < -1e-9) {
                    continue;
                }
                float z = (float) (l0 * depth[a] + l1 * depth[b] + l2 * depth[c]);
                int k = py * width + px;
                if (z <= zbuf[k]) {
                    continue;
                }
                zbuf[k] = z;
                int r = (int) (l0 * ((rgb[a] >> 16) & 255) + l1 * ((rgb[b] >> 16) & 255) + l2 * ((rgb[c] >> 16) & 255));
                int gg = (int) (l0 * ((rgb[a] >> 8) & 255) + l1 * ((rgb[b] >> 8) & 255) + l2 * ((rgb[c] >> 8) & 255));
                int bl = (int) (l0 * (rgb[a] & 255) + l1 * (rgb[b] & 255) + l2 * (rgb[c] & 255));
                pixels[k] = (channel(r) << 16) | (channel(gg) << 8) | channel(bl);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] normalize(double[] v) {
        double n = Math.sqrt(dot(v, v));
        return n == 0 ? new double[] {0, 0, 1} : new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
