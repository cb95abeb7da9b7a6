package org.fallline.geometry.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;

import org.fallline.geometry.GeometryException;
import org.fallline.geometry.GraphSurface;

/**
 * Writes a graph surface as a triangle mesh in one file format. Files are written atomically: the
 * content goes to a hidden temporary file beside the target, which is renamed over the target only when
 * complete, so a reader never sees half a file and a failure leaves none.
 */
public interface MeshWriter {

    /** Writes the surface to a stream (not closed). */
    void write(GraphSurface surface, OutputStream out) throws IOException;

    /** The file extension this format uses, without the dot. */
    String extension();

    /** Writes the surface to {@code target} atomically. */
    default void write(GraphSurface surface, Path target) throws IOException {
        AtomicOutput.write(target, out -> write(surface, out));
    }

    /** The extensions {@link #forPath} knows. */
    String KNOWN = "obj, ply, stl, vtk, csv";

    /**
     * The writer for a file name's extension: .obj, .ply, .stl, .vtk or .csv.
     *
     * @throws GeometryException (bad input) for any other extension
     */
    static MeshWriter forPath(Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "obj" -> new ObjWriter();
            case "ply" -> new PlyWriter();
            case "stl" -> new StlWriter();
            case "vtk" -> new VtkWriter();
            case "csv" -> new CsvHeightMapWriter();
            default -> throw GeometryException.badInput("unknown mesh format '" + (ext.isEmpty() ? name : "." + ext)
                    + "': expected one of " + KNOWN);
        };
    }
}
