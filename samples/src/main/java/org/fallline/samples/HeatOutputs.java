package org.fallline.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fallline.physics.heat.HeatGrid;
import org.fallline.physics.heat.HeatSolution;
import org.fallline.physics.io.HeatCsv;
import org.fallline.physics.io.LegacyVtk;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.StagedDirectory;
import org.jfree.chart.JFreeChart;

/**
 * The files of {@code fallline heat --out DIR}: solution.csv (tidy t,x[,y,z],u), energy.csv
 * (t,energy,total_heat,max_abs), energy.png (energy against t on a log axis), profiles.png (1-D: u(x) at
 * each output time), heatmaps.png (2-D: u at each output time on one colour scale; 3-D: the mid-plane
 * z = L/2) and, in 2-D and 3-D, u_0000.vtk … with the collection solution.pvd for ParaView.
 */
final class HeatOutputs {

    private static final int TILE = 420;

    private HeatOutputs() {
    }

    /** Writes into the staging directory; returns the file names. */
    static List<String> write(HeatSolution s, StagedDirectory dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (var w = Files.newBufferedWriter(dir.file("solution.csv"))) {
            HeatCsv.writeStates(w, s);
        }
        names.add("solution.csv");
        try (var w = Files.newBufferedWriter(dir.file("energy.csv"))) {
            HeatCsv.writeEnergy(w, s);
        }
        names.add("energy.csv");
        Figures.write(Figures.lines("Discrete energy", "t", "energy", true, List.of(
                new Figures.Series("energy", s.times(), s.energy(), Figures.Style.LINE_AND_POINTS))),
                dir.file("energy.png"));
        names.add("energy.png");
        HeatGrid grid = s.grid();
        if (grid.dimension() == 1) {
            Figures.write(profiles(s), dir.file("profiles.png"));
            names.add("profiles.png");
            return names;
        }
        writeMaps(s, dir.file("heatmaps.png"));
        names.add("heatmaps.png");
        List<String> vtk = new ArrayList<>();
        for (int k = 0; k < s.times().length; k++) {
            String name = String.format(Locale.ROOT, "u_%04d.vtk", k);
            try (var w = Files.newBufferedWriter(dir.file(name))) {
                LegacyVtk.write(w, grid, s.times()[k], s.states()[k]);
            }
            vtk.add(name);
        }
        names.addAll(vtk);
        try (var w = Files.newBufferedWriter(dir.file("solution.pvd"))) {
            LegacyVtk.writeCollection(w, s.times(), vtk);
        }
        names.add("solution.pvd");
        return names;
    }

    private static JFreeChart profiles(HeatSolution s) {
        HeatGrid grid = s.grid();
        int m = grid.size(0);
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = grid.axis(0).coordinate(i);
        }
        List<Figures.Series> series = new ArrayList<>();
        for (int k = 0; k < s.times().length; k++) {
            series.add(new Figures.Series("t = " + Numbers.table(s.times()[k]), x, s.states()[k], Figures.Style.LINE));
        }
        return Figures.lines("u(x, t) at the output times (" + s.method() + ")", "x", "u", false, series);
    }

    // heat maps of the (mid-plane) states on one colour scale, one tile per output time
    private static void writeMaps(HeatSolution s, Path file) throws IOException {
        HeatGrid grid = s.grid();
        int m0 = grid.size(0);
        int m1 = grid.size(1);
        int plane = grid.dimension() == 3 ? grid.size(2) / 2 : 0;
        double[] x = new double[m0];
        double[] y = new double[m1];
        for (int i = 0; i < m0; i++) {
            x[i] = grid.axis(0).coordinate(i);
        }
        for (int j = 0; j < m1; j++) {
            y[j] = grid.axis(1).coordinate(j);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[][]> slices = new ArrayList<>();
        for (double[] u : s.states()) {
            double[][] z = new double[m0][m1];
            for (int i = 0; i < m0; i++) {
                for (int j = 0; j < m1; j++) {
                    z[i][j] = u[i + m0 * (j + m1 * plane)];
                    lo = Math.min(lo, z[i][j]);
                    hi = Math.max(hi, z[i][j]);
                }
            }
            slices.add(z);
        }
        double[] levels = Figures.linearLevels(lo, hi);
        String where = grid.dimension() == 3 ? ", z = " + Numbers.table(grid.axis(2).coordinate(plane)) : "";
        List<JFreeChart> charts = new ArrayList<>();
        for (int k = 0; k < slices.size(); k++) {
            charts.add(Figures.colourMap("t = " + Numbers.table(s.times()[k]) + where, "x", "y", "u",
                    new Figures.Grid(x, y, slices.get(k)), false, List.of(), levels));
        }
        int columns = Math.min(3, charts.size());
        Figures.writeTiles(charts, columns, file, TILE, TILE);
    }
}
