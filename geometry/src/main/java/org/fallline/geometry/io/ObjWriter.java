package org.fallline.geometry.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.TriangleMesh;

/** Wavefront OBJ: {@code v x y z} per vertex, {@code f a b c} per triangle (1-based, counter-clockwise). */
public final class ObjWriter implements MeshWriter {

    @Override
    public void write(GraphSurface surface, OutputStream out) throws IOException {
        TriangleMesh mesh = surface.mesh();
        Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        w.write("# fallline graph surface: " + mesh.vertices() + " vertices, " + mesh.triangles() + " triangles\n");
        for (int v = 0; v < mesh.vertices(); v++) {
            w.write("v " + mesh.x(v) + " " + mesh.y(v) + " " + surface.height(v) + "\n");
        }
        for (int t = 0; t < mesh.triangles(); t++) {
            w.write("f " + (mesh.corner(t, 0) + 1) + " " + (mesh.corner(t, 1) + 1) + " " + (mesh.corner(t, 2) + 1) + "\n");
        }
        w.flush();
    }

    @Override
    public String extension() {
        return "obj";
    }
}
