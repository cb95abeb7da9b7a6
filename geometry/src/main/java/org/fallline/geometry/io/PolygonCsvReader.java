package org.fallline.geometry.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fallline.geometry.Domain;
import org.fallline.geometry.GeometryException;

/**
 * Reads a polygon from CSV: the header {@code x,y}, then one vertex per row in order (the last joined to
 * the first). Errors name FILE:LINE:COLUMN and what was expected.
 */
public final class PolygonCsvReader {

    private PolygonCsvReader() {
    }

    /**
     * The polygon in {@code file}.
     *
     * @throws GeometryException (bad input) for a malformed file or an invalid polygon
     * @throws IOException if the file cannot be read
     */
    public static Domain.Polygon read(Path file) throws IOException {
        List<double[]> vertices = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.strip().replace(" ", "").equalsIgnoreCase("x,y")) {
                throw GeometryException.badInput(file + ":1:1: expected the header 'x,y'");
            }
            String line;
            int number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 2) {
                    throw GeometryException.badInput(file + ":" + number + ":1: expected two numbers x,y, got "
                            + cells.length + " cells");
                }
                double[] v = new double[2];
                int column = 1;
                for (int k = 0; k < 2; k++) {
                    v[k] = parse(cells[k], file, number, column, k == 0 ? "x" : "y");
                    column += cells[k].length() + 1;
                }
                vertices.add(v);
            }
        }
        try {
            return new Domain.Polygon(vertices);
        } catch (GeometryException e) {
            throw GeometryException.badInput(file + ": " + e.getMessage());
        }
    }

    private static double parse(String cell, Path file, int line, int column, String what) {
        String t = cell.strip();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && !t.matches(".*[a-zA-Z&&[^eE]].*")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        throw GeometryException.badInput(file + ":" + line + ":" + column + ": expected a finite number for " + what
                + ", got '" + t + "'");
    }
}
