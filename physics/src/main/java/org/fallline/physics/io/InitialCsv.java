package org.fallline.physics.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

import org.fallline.physics.PhysicsException;
import org.fallline.physics.heat.HeatGrid;

/**
 * Reads an initial condition from CSV: a header with the coordinates and u ({@code x,u}, {@code x,y,u},
 * {@code x,y,z,u}, as {@link HeatCsv} writes them, optionally with a leading {@code t} column), then one
 * row per unknown of the grid in the grid's order (x fastest). Each row's coordinates must be the
 * grid point's within h/4. Trouble is bad input naming {@code file:line:column}.
 */
public final class InitialCsv {

    private InitialCsv() {
    }

    /** The values u on the grid's unknowns. */
    public static double[] read(Reader in, String name, HeatGrid grid) throws IOException {
        BufferedReader r = new BufferedReader(in);
        int d = grid.dimension();
        String header = r.readLine();
        if (header == null) {
            throw PhysicsException.badInput(name + ":1: empty file; expected a header such as "
                    + expectedHeader(d, false));
        }
        String[] cols = header.strip().split("\\s*,\\s*");
        boolean withTime = cols.length == d + 2 && cols[0].equals("t");
        String expected = expectedHeader(d, withTime);
        if (!String.join(",", cols).equals(expected)) {
            throw PhysicsException.badInput(name + ":1:1: header '" + header.strip() + "'; expected '"
                    + expectedHeader(d, false) + "' for a " + d + "-D grid");
        }
        int points = grid.points();
        double[] u = new double[points];
        double[] x = new double[d];
        int count = 0;
        int lineNo = 1;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != cols.length) {
                throw PhysicsException.badInput(name + ":" + lineNo + ":1: " + cells.length + " cells; expected "
                        + cols.length + " (" + expected + ")");
            }
            if (count >= points) {
                throw PhysicsException.badInput(name + ":" + lineNo + ":1: more rows than the " + points
                        + " unknowns of the grid (" + grid.describe() + ")");
            }
            grid.coordinates(count, x);
            int first = withTime ? 1 : 0;
            int column = 1 + (withTime ? cells[0].length() + 1 : 0);
            for (int a = 0; a < d; a++) {
                double c = parse(cells[first + a], name, lineNo, column);
                double h = grid.axis(a).h();
                if (Math.abs(c - x[a]) > h / 4) {
                    throw PhysicsException.badInput(name + ":" + lineNo + ":" + column + ": " + "xyz".charAt(a)
                            + " = " + cells[first + a].strip() + " but grid point " + (count + 1) + " has "
                            + "xyz".charAt(a) + " = " + x[a] + " (rows in grid order, x fastest)");
                }
                column += cells[first + a].length() + 1;
            }
            u[count++] = parse(cells[first + d], name, lineNo, column);
        }
        if (count != points) {
            throw PhysicsException.badInput(name + ": " + count + " rows for a grid of " + points + " unknowns ("
                    + grid.describe() + "); the initial condition must give every unknown");
        }
        return u;
    }

    private static String expectedHeader(int d, boolean withTime) {
        return (withTime ? "t," : "") + String.join(",", java.util.List.of("x", "y", "z").subList(0, d)) + ",u";
    }

    private static double parse(String cell, String name, int line, int column) {
        String s = cell.strip();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw PhysicsException.badInput(name + ":" + line + ":" + column + ": '" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw PhysicsException.badInput(name + ":" + line + ":" + column + ": '" + s
                    + "' is not finite; expected a finite value");
        }
        return v;
    }
}
