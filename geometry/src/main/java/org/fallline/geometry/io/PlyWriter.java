package org.fallline.geometry.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.TriangleMesh;

/**
 * Binary little-endian PLY (Turk, "The PLY polygon file format", 1994): vertices with double x, y, z and
 * the vertex properties {@code height} and {@code mean_curvature} (cotangent formula, 0 on the boundary);
 * faces as lists of three int indices.
 */
public final class PlyWriter implements MeshWriter {

    @Override
    public void write(GraphSurface surface, OutputStream out) throws IOException {
        TriangleMesh mesh = surface.mesh();
        double[] h = surface.meanCurvature();
        String header = "ply\nformat binary_little_endian 1.0\ncomment fallline graph surface\n"
                + "element vertex " + mesh.vertices() + "\nproperty double x\nproperty double y\nproperty double z\n"
                + "property double height\nproperty double mean_curvature\n"
                + "element face " + mesh.triangles() + "\nproperty list uchar int vertex_indices\nend_header\n";
        DataOutputStream data = new DataOutputStream(out);
        data.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        for (int v = 0; v < mesh.vertices(); v++) {
            b.clear();
            b.putDouble(mesh.x(v)).putDouble(mesh.y(v)).putDouble(surface.height(v)).putDouble(surface.height(v))
                    .putDouble(h[v]);
            data.write(b.array(), 0, 40);
        }
        ByteBuffer f = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
        for (int t = 0; t < mesh.triangles(); t++) {
            f.clear();
            f.put((byte) 3).putInt(mesh.corner(t, 0)).putInt(mesh.corner(t, 1)).putInt(mesh.corner(t, 2));
            data.write(f.array(), 0, 13);
        }
        data.flush();
    }

    @Override
    public String extension() {
        return "ply";
    }
}
