package org.fallline.geometry.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.fallline.geometry.FlowSnapshot;

/**
 * The snapshots of a flow as files beside a base name B (the export path without its extension):
 * CSV height maps {@code B-0000.csv, B-0001.csv, …}, a numbered VTK series
 * {@code B-0000.vtp, …} (XML PolyData with point data), and the ParaView collection {@code B.pvd} listing the
 * VTK files with their times. Each file is written atomically.
 */
public final class FlowSeriesWriter {

    private FlowSeriesWriter() {
    }

    /** Writes the series next to {@code export}; returns the .pvd path. */
    public static Path write(List<FlowSnapshot> snapshots, Path export) throws IOException {
        Path absolute = export.toAbsolutePath();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path dir = absolute.getParent();
        StringBuilder pvd = new StringBuilder("<?xml version=\"1.0\"?>\n<VTKFile type=\"Collection\" version=\"0.1\">\n"
                + "  <Collection>\n");
        VtpWriter vtk = new VtpWriter();
        CsvHeightMapWriter csv = new CsvHeightMapWriter();
        for (int k = 0; k < snapshots.size(); k++) {
            FlowSnapshot s = snapshots.get(k);
            String stem = String.format(Locale.ROOT, "%s-%04d", base, k);
            csv.write(s.surface(), dir.resolve(stem + ".csv"));
            vtk.write(s.surface(), dir.resolve(stem + ".vtp"));
            pvd.append(String.format(Locale.ROOT, "    <DataSet timestep=\"%.17g\" group=\"\" part=\"0\" file=\"%s.vtp\"/>%n",
                    s.time(), stem));
        }
        pvd.append("  </Collection>\n</VTKFile>\n");
        Path target = dir.resolve(base + ".pvd");
        AtomicOutput.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(pvd.toString());
            w.flush();
        });
        return target;
    }
}
