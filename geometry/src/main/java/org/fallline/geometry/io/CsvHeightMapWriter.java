package org.fallline.geometry.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.TriangleMesh;

/** A CSV height map: header {@code x,y,z}, one row per vertex in vertex order (grid rows on a rectangle). */
public final class CsvHeightMapWriter implements MeshWriter {

    @Override
    public void write(GraphSurface surface, OutputStream out) throws IOException {
        TriangleMesh mesh = surface.mesh();
        Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        w.write("x,y,z\n");
        for (int v = 0; v < mesh.vertices(); v++) {
            w.write(mesh.x(v) + "," + mesh.y(v) + "," + surface.height(v) + "\n");
        }
        w.flush();
    }

    @Override
    public String extension() {
        return "csv";
    }
}
