package org.fallline.geometry.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.TriangleMesh;

/**
 * Binary STL: an 80-byte header, the triangle count (uint32), then per triangle the unit normal and three
 * vertices as little-endian float32 and a zero attribute word.
 */
public final class StlWriter implements MeshWriter {

    @Override
    public void write(GraphSurface surface, OutputStream out) throws IOException {
        TriangleMesh mesh = surface.mesh();
        byte[] header = new byte[80];
        byte[] text = "fallline graph surface (binary STL)".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        out.write(header);
        ByteBuffer b = ByteBuffer.allocate(50).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(mesh.triangles());
        out.write(b.array(), 0, 4);
        float[] p = new float[9];
        for (int t = 0; t < mesh.triangles(); t++) {
            for (int k = 0; k < 3; k++) {
                int v = mesh.corner(t, k);
                p[3 * k] = (float) mesh.x(v);
                p[3 * k + 1] = (float) mesh.y(v);
                p[3 * k + 2] = (float) surface.height(v);
            }
            double ex = p[3] - p[0];
            double ey = p[4] - p[1];
            double ez = p[5] - p[2];
            double fx = p[6] - p[0];
            double fy = p[7] - p[1];
            double fz = p[8] - p[2];
            double nx = ey * fz - ez * fy;
            double ny = ez * fx - ex * fz;
            double nz = ex * fy - ey * fx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            b.clear();
            b.putFloat((float) (nx / len)).putFloat((float) (ny / len)).putFloat((float) (nz / len));
            for (float c : p) {
                b.putFloat(c);
            }
            b.putShort((short) 0);
            out.write(b.array(), 0, 50);
        }
    }

    @Override
    public String extension() {
        return "stl";
    }
}
