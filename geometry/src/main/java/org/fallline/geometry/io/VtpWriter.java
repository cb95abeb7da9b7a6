package org.fallline.geometry.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.TriangleMesh;

/**
 * XML VTK PolyData (.vtp, ASCII; "VTK File Formats", Kitware): points, triangles and the point data
 * {@code height} and {@code mean_curvature}. Used for the numbered time series of a flow, which ParaView reads
 * through a {@code .pvd} collection (its collection reader takes the XML formats).
 */
public final class VtpWriter implements MeshWriter {

    @Override
    public void write(GraphSurface surface, OutputStream out) throws IOException {
        TriangleMesh mesh = surface.mesh();
        double[] h = surface.meanCurvature();
        int n = mesh.vertices();
        int nt = mesh.triangles();
        Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        w.write("<?xml version=\"1.0\"?>\n<VTKFile type=\"PolyData\" version=\"0.1\" byte_order=\"LittleEndian\">\n"
                + "<PolyData>\n<Piece NumberOfPoints=\"" + n + "\" NumberOfVerts=\"0\" NumberOfLines=\"0\" "
                + "NumberOfStrips=\"0\" NumberOfPolys=\"" + nt + "\">\n<PointData Scalars=\"height\">\n"
                + "<DataArray type=\"Float64\" Name=\"height\" format=\"ascii\">\n");
        for (int v = 0; v < n; v++) {
            w.write(surface.height(v) + "\n");
        }
        w.write("</DataArray>\n<DataArray type=\"Float64\" Name=\"mean_curvature\" format=\"ascii\">\n");
        for (int v = 0; v < n; v++) {
            w.write(h[v] + "\n");
        }
        w.write("</DataArray>\n</PointData>\n<Points>\n<DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        for (int v = 0; v < n; v++) {
            w.write(mesh.x(v) + " " + mesh.y(v) + " " + surface.height(v) + "\n");
        }
        w.write("</DataArray>\n</Points>\n<Polys>\n<DataArray type=\"Int32\" Name=\"connectivity\" format=\"ascii\">\n");
        for (int t = 0; t < nt; t++) {
            w.write(mesh.corner(t, 0) + " " + mesh.corner(t, 1) + " " + mesh.corner(t, 2) + "\n");
        }
        w.write("</DataArray>\n<DataArray type=\"Int32\" Name=\"offsets\" format=\"ascii\">\n");
        for (int t = 1; t <= nt; t++) {
            w.write(3 * t + "\n");
        }
        w.write("</DataArray>\n</Polys>\n</Piece>\n</PolyData>\n</VTKFile>\n");
        w.flush();
    }

    @Override
    public String extension() {
        return "vtp";
    }
}
