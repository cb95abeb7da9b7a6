package org.fallline.samples.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    @TempDir
    Path dir;

    @Test
    void contoursOfALinearFunctionLieOnTheLevelLine() {
        // linear interpolation is exact for f = x + 2y: every crossing is on x + 2y = level
        Figures.Grid g = Figures.Grid.sample((x, y) -> x + 2 * y, -1, 1, -1, 1, 11, 13);
        List<double[]> segments = MarchingSquares.segments(g.x(), g.y(), g.z(), 0.3);
        assertFalse(segments.isEmpty());
        for (double[] s : segments) {
            assertEquals(0.3, s[0] + 2 * s[1], 1e-12);
            assertEquals(0.3, s[2] + 2 * s[3], 1e-12);
        }
    }

    @Test
    void contoursOfACircleAreCloseToTheCircle() {
        Figures.Grid g = Figures.Grid.sample((x, y) -> x * x + y * y, -1, 1, -1, 1, 201, 201);
        List<double[]> segments = MarchingSquares.segments(g.x(), g.y(), g.z(), 0.25);
        // the level set is a closed curve: crossing points pair up, and its length is 2π·0.5
        double length = 0;
        for (double[] s : segments) {
            assertEquals(0.5, Math.hypot(s[0], s[1]), 1e-4);
            length += Math.hypot(s[2] - s[0], s[3] - s[1]);
        }
        assertEquals(Math.PI, length, 1e-3);
    }

    @Test
    void levelsAreAscendingQuantilesSpanningTheRange() {
        Figures.Grid g = Figures.Grid.sample((x, y) -> Math.exp(5 * x) + y, 0, 1, 0, 1, 50, 50);
        double[] levels = Figures.levels(g.z());
        assertEquals(1.0, levels[0], 0);
        assertEquals(Math.exp(5) + 1, levels[levels.length - 1], 1e-12);
        for (int i = 1; i < levels.length; i++) {
            assertTrue(levels[i] > levels[i - 1]);
        }
    }

    @Test
    void writesPngAndSvg() throws IOException {
        Figures.Grid g = Figures.Grid.sample((x, y) -> Math.exp(x) * Math.cos(y) - x - 1, -2, 2, -1, 13, 80, 80);
        Figures.Series saddles = new Figures.Series("saddles", new double[] {0, 0, 0},
                new double[] {0, 2 * Math.PI, 4 * Math.PI}, Figures.Style.POINTS);
        var chart = Figures.colourMap("V", "x", "y", "V", g, true, List.of(saddles));
        Path png = dir.resolve("map.png");
        Path svg = dir.resolve("map.svg");
        Figures.write(chart, png);
        Figures.write(chart, svg);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Figures.WIDTH, image.getWidth());
        assertEquals(Figures.HEIGHT, image.getHeight());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") || text.startsWith("<?xml"), text.substring(0, 40));
        assertTrue(text.contains("saddles"));
        // the map is one embedded image, not a rectangle per grid cell
        assertTrue(Files.size(svg) < 1_000_000, "SVG of " + Files.size(svg) + " bytes");
    }
}
