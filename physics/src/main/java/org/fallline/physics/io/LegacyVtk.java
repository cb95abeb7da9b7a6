package org.fallline.physics.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.fallline.physics.heat.HeatGrid;

/**
 * One heat-equation state as a legacy VTK file (ASCII, DATASET STRUCTURED_POINTS) for ParaView or
 * VisIt: the unknowns of the grid as point data {@code u}, with ORIGIN at the first unknown and
 * SPACING h per axis (VTK User's Guide, "Simple Legacy Formats"). 1-D and 2-D grids are written with
 * the missing dimensions of size 1.
 */
public final class LegacyVtk {

    private LegacyVtk() {
    }

    /** Writes state u at time t. */
    public static void write(Writer out, HeatGrid grid, double t, double[] u) throws IOException {
        int[] dims = {1, 1, 1};
        double[] origin = {0, 0, 0};
        double[] spacing = {1, 1, 1};
        for (int a = 0; a < grid.dimension(); a++) {
            HeatGrid.Axis axis = grid.axis(a);
            dims[a] = axis.size();
            origin[a] = axis.coordinate(0);
            spacing[a] = axis.h();
        }
        out.write("# vtk DataFile Version 3.0\n");
        out.write(String.format(Locale.ROOT, "fallline heat u at t = %.17g%n", t));
        out.write("ASCII\nDATASET STRUCTURED_POINTS\n");
        out.write("DIMENSIONS " + dims[0] + " " + dims[1] + " " + dims[2] + "\n");
        out.write(String.format(Locale.ROOT, "ORIGIN %.17g %.17g %.17g%n", origin[0], origin[1], origin[2]));
        out.write(String.format(Locale.ROOT, "SPACING %.17g %.17g %.17g%n", spacing[0], spacing[1], spacing[2]));
        out.write("POINT_DATA " + u.length + "\nSCALARS u double 1\nLOOKUP_TABLE default\n");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < u.length; i++) {
            line.append(HeatCsv.number(u[i])).append(i % 8 == 7 || i == u.length - 1 ? '\n' : ' ');
            if (line.length() > 8192) {
                out.write(line.toString());
                line.setLength(0);
            }
        }
        out.write(line.toString());
    }

    /**
     * The ParaView collection (.pvd, a VTKFile of type Collection) that lists the files of a run with
     * their times, so that ParaView plays them as a time series.
     */
    public static void writeCollection(Writer out, double[] times, List<String> files) throws IOException {
        out.write("<?xml version=\"1.0\"?>\n<VTKFile type=\"Collection\" version=\"0.1\">\n  <Collection>\n");
        for (int k = 0; k < times.length; k++) {
            out.write(String.format(Locale.ROOT, "    <DataSet timestep=\"%.17g\" part=\"0\" file=\"%s\"/>%n", times[k],
                    files.get(k)));
        }
        out.write("  </Collection>\n</VTKFile>\n");
    }
}
