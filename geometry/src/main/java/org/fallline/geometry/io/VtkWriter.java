package org.fallline.geometry.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.TriangleMesh;

/**
 * Legacy VTK (ASCII POLYDATA, "VTK User's Guide", File Formats, Kitware): points, triangles as polygons,
 * and point data {@code height} and {@code mean_curvature}; ParaView and VisIt read it.
 */
public final class VtkWriter implements MeshWriter {

    @Override
    public void write(GraphSurface surface, OutputStream out) throws IOException {
        TriangleMesh mesh = surface.mesh();
        double[] h = surface.meanCurvature();
        Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        int n = mesh.vertices();
        int nt = mesh.triangles();
        w.write("# vtk DataFile Version 3.0\nfallline graph surface\nASCII\nDATASET POLYDATA\n");
        w.write("POINTS " + n + " double\n");
        for (int v = 0; v < n; v++) {
            w.write(mesh.x(v) + " " + mesh.y(v) + " " + surface.height(v) + "\n");
        }
        w.write("POLYGONS " + nt + " " + 4L * nt + "\n");
        for (int t = 0; t < nt; t++) {
            w.write("3 " + mesh.corner(t, 0) + " " + mesh.corner(t, 1) + " " + mesh.corner(t, 2) + "\n");
        }
        w.write("POINT_DATA " + n + "\nSCALARS height double 1\nLOOKUP_TABLE default\n");
        for (int v = 0; v < n; v++) {
            w.write(surface.height(v) + "\n");
        }
        w.write("SCALARS mean_curvature double 1\nLOOKUP_TABLE default\n");
        for (int v = 0; v < n; v++) {
            w.write(h[v] + "\n");
        }
        w.flush();
    }

    @Override
    public String extension() {
        return "vtk";
    }
}
