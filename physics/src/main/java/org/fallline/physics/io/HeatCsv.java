package org.fallline.physics.io;

import java.io.IOException;
import java.io.Writer;

import org.fallline.physics.heat.HeatGrid;
import org.fallline.physics.heat.HeatSolution;

/**
 * Heat-equation results as tidy CSV: one row per output time and grid point, {@code t,x,u},
 * {@code t,x,y,u} or {@code t,x,y,z,u} (x fastest within a time), and the invariants per output time,
 * {@code t,energy,total_heat,max_abs}. Numbers are written as the shortest decimal that reads back
 * to the same double.
 */
public final class HeatCsv {

    private static final String[] AXES = {"x", "y", "z"};

    private HeatCsv() {
    }

    /** The tidy table of the states. */
    public static void writeStates(Writer out, HeatSolution s) throws IOException {
        HeatGrid grid = s.grid();
        int d = grid.dimension();
        StringBuilder header = new StringBuilder("t");
        for (int a = 0; a < d; a++) {
            header.append(',').append(AXES[a]);
        }
        out.write(header.append(",u\n").toString());
        double[] x = new double[d];
        StringBuilder row = new StringBuilder(64);
        for (int k = 0; k < s.times().length; k++) {
            double[] u = s.states()[k];
            String t = number(s.times()[k]);
            for (int i = 0; i < u.length; i++) {
                grid.coordinates(i, x);
                row.setLength(0);
                row.append(t);
                for (int a = 0; a < d; a++) {
                    row.append(',').append(number(x[a]));
                }
                row.append(',').append(number(u[i])).append('\n');
                out.write(row.toString());
            }
        }
    }

    /** The invariants at each output time. */
    public static void writeEnergy(Writer out, HeatSolution s) throws IOException {
        out.write("t,energy,total_heat,max_abs\n");
        for (int k = 0; k < s.times().length; k++) {
            out.write(number(s.times()[k]) + "," + number(s.energy()[k]) + "," + number(s.totalHeat()[k]) + ","
                    + number(s.maxAbs()[k]) + "\n");
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // the shortest decimal that reads back to the same double
        return Double.toString(v);
    }
}
