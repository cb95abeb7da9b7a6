package org.fallline.samples.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.fallline.core.ProgressListener;
import org.fallline.geometry.Domain;
import org.fallline.geometry.ExactSurface;
import org.fallline.geometry.MinimalSurface;
import org.fallline.geometry.MinimalSurfaceResult;
import org.fallline.geometry.SurfaceDiagnostics;
import org.fallline.geometry.io.MeshWriter;

/**
 * Example of the geometry module: Scherk's minimal surface u = ln(cos y / cos x) over [−1, 1]², solved by
 * Newton's method on the discrete area from its boundary values alone, checked against the exact area
 * 5.6975122115870574 (/work/shared/reference/geometry/exact.md: mpmath, Surface Evolver and a P1 reference
 * solver) and exported as a Wavefront OBJ mesh that any 3-D viewer (MeshLab, Blender, ParaView) opens. Halving
 * the mesh size divides the area error by about four: the P1 discretisation converges at order 2.
 *
 * <p>Reference: H. F. Scherk, Bemerkungen über die kleinste Fläche innerhalb gegebener Grenzen, J. reine angew.
 * Math. 13 (1835) 185–208.
 *
 * <p>Run it with {@code java -cp samples/target/fallline.jar org.fallline.samples.examples.MinimalSurfaceExample
 * scherk.obj}.
 */
public final class MinimalSurfaceExample {

    /** The exact area of Scherk's surface over [−1, 1]². */
    public static final double EXACT_AREA = 5.6975122115870574383;

    private MinimalSurfaceExample() {
    }

    /**
     * One solve.
     *
     * @param n          grid points per side
     * @param iterations Newton iterations
     * @param area       the discrete surface's area
     * @param maxError   the largest nodal |u − u_exact|
     * @param vertices   vertices of the mesh
     */
    public record Solve(int n, int iterations, double area, double maxError, int vertices) {
        /** |area − exact area|. */
        public double areaError() {
            return Math.abs(area - EXACT_AREA);
        }
    }

    /** Solves on n × n points and, when {@code export} is not null, writes the surface there (.obj, .ply, …). */
    public static Solve solve(int n, Path export) throws IOException {
        Domain square = Domain.Rectangle.square(-1, 1);
        MinimalSurfaceResult r = MinimalSurface.newton().solve(square, n, ExactSurface.SCHERK, ProgressListener.NONE);
        SurfaceDiagnostics d = SurfaceDiagnostics.of(r.surface(), square, ExactSurface.SCHERK);
        if (export != null) {
            MeshWriter.forPath(export).write(r.surface(), export);
        }
        return new Solve(n, r.iterations(), d.area(), d.maxError().orElse(Double.NaN), r.surface().mesh().vertices());
    }

    /** Solves on 17, 33 and 65 points per side and exports the finest surface. */
    public static List<Solve> run(Path export) throws IOException {
        return List.of(solve(17, null), solve(33, null), solve(65, export));
    }

    public static void main(String[] args) throws IOException {
        Path export = Path.of(args.length > 0 ? args[0] : "scherk.obj");
        List<Solve> solves = run(export);
        System.out.printf(Locale.ROOT, "Scherk's surface over [-1, 1]^2, exact area %.12f%n", EXACT_AREA);
        System.out.printf(Locale.ROOT, "  %4s %10s %16s %12s %12s%n", "n", "iterations", "area", "area error",
                "max error");
        for (Solve s : solves) {
            System.out.printf(Locale.ROOT, "  %4d %10d %16.12f %12.3e %12.3e%n", s.n(), s.iterations(), s.area(),
                    s.areaError(), s.maxError());
        }
        System.out.println("wrote " + export + " (" + Files.size(export) + " bytes, " + solves.get(2).vertices()
                + " vertices)");
    }
}
