package org.fallline.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.ProgressListener;
import org.fallline.geometry.BoundaryData;
import org.fallline.geometry.Domain;
import org.fallline.geometry.ExactSurface;
import org.fallline.geometry.FlowResult;
import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.MeanCurvatureFlow;
import org.fallline.geometry.MinimalSurface;
import org.fallline.geometry.MinimalSurfaceResult;
import org.fallline.geometry.SurfaceDiagnostics;
import org.fallline.geometry.TriangleMesh;
import org.fallline.geometry.io.FlowSeriesWriter;
import org.fallline.geometry.io.MeshWriter;
import org.fallline.samples.figures.SurfaceRenderer;
import org.fallline.samples.internal.AtomicFiles;
import org.fallline.samples.internal.BadInputException;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.FormatOption;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.OptionTypes;
import org.fallline.samples.internal.QuietOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fallline surface}: the minimal graph spanning Dirichlet data over a plane domain (Newton on the
 * discrete area), or the mean curvature flow towards it, with diagnostics against exact surfaces,
 * mesh exports and pictures.
 */
@Command(name = "surface", sortOptions = false,
        description = {"Minimal surfaces and mean curvature flow of graphs z = u(x, y) with Dirichlet data.",
                "Example: fallline surface --domain square:-1,1 --boundary scherk --n 129"})
final class SurfaceCommand implements Callable<Integer> {

    /** Bytes per vertex a solve needs at most (mesh, sparse Hessian, multigrid, work vectors), measured. */
    static final long BYTES_PER_VERTEX = 600;

    @Spec
    CommandSpec spec;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "The domain: " + SurfaceOptions.DOMAINS
            + " (disks, annuli and sectors centred at the origin, angles in radians).")
    String domain;

    @Option(names = "--boundary", required = true, paramLabel = "EXPR|NAME",
            description = "Boundary data: scherk, catenoid, helicoid, enneper, plane, or an expression in x and y.")
    String boundary;

    @Option(names = "--n", paramLabel = "N", converter = OptionTypes.CountConverter.class,
            description = "Grid points per side on a rectangle (h = side/(N-1)); elsewhere the comparable mesh size "
                    + "h = sqrt(area)/(N-1) (default: 129 on rectangles, 97 elsewhere).")
    Integer n;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "newton",
            description = "newton (default), mcf (geometric flow, semi-implicit), mcf-explicit, area-flow "
                    + "(area gradient flow, semi-implicit).")
    String method;

    @Option(names = "--t-end", paramLabel = "T", converter = OptionTypes.PositiveConverter.class,
            description = "End time of a flow (default: 10, or rest).")
    Double tEnd;

    @Option(names = "--dt", paramLabel = "DT", converter = OptionTypes.PositiveConverter.class,
            description = "Time step: fixed for mcf-explicit (default 0.95 of its stability limit), first step of "
                    + "the adaptive semi-implicit flows (default h^2).")
    Double dt;

    @Option(names = "--tol", paramLabel = "TOL", converter = OptionTypes.PositiveConverter.class,
            description = "Stop when max |du| <= TOL (Newton step; default 1e-10) or max |u_t| <= TOL (flows; default 1e-8).")
    Double tol;

    @Option(names = "--snapshots", paramLabel = "K", converter = OptionTypes.CountConverter.class,
            description = "Keep K snapshots of a flow at T/K, 2T/K, ..., T; with --export they are written as "
                    + "FILE-0000.csv ..., a VTK series FILE-0000.vtp ... and FILE.pvd for ParaView.")
    Integer snapshots;

    @Option(names = "--export", paramLabel = "FILE", description = "Write the surface as .obj, .ply, .stl, .vtk or .csv.")
    Path export;

    @Option(names = "--png", paramLabel = "FILE.png", description = "Render the surface, shaded, to a PNG.")
    Path png;

    @Option(names = "--gif", paramLabel = "FILE.gif", description = "Animate a flow to a looping GIF.")
    Path gif;

    @Mixin
    FormatOption format;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws IOException {
        boolean newton = switch (method) {
            case "newton" -> true;
            case "mcf", "mcf-explicit", "area-flow" -> false;
            default -> throw new BadInputException("--method: unknown method '" + method
                    + "'; expected newton, mcf, mcf-explicit or area-flow");
        };
        if (newton && (tEnd != null || dt != null || snapshots != null || gif != null)) {
            throw new BadInputException("--t-end, --dt, --snapshots and --gif belong to the flows (--method mcf, "
                    + "mcf-explicit or area-flow), not to newton");
        }
        Domain region = SurfaceOptions.domain(domain);
        BoundaryData data = SurfaceOptions.boundary(boundary);
        int points = n != null ? n : region instanceof Domain.Rectangle ? 129 : 97;
        if (points < Domain.MIN_N) {
            throw new BadInputException("--n: " + points + " is too small; expected at least " + Domain.MIN_N);
        }
        checkMemory(region, points);
        if (data instanceof ExactSurface exact) {
            try {
                exact.checkDefinedOn(region);
            } catch (org.fallline.geometry.GeometryException e) {
                throw new BadInputException("--boundary " + exact.label() + ": " + e.getMessage());
            }
        }
        MeshWriter writer = null;
        if (export != null) {
            AtomicFiles.checkWritable(export, "--export");
            try {
                writer = MeshWriter.forPath(export);
            } catch (org.fallline.geometry.GeometryException e) {
                throw new BadInputException("--export: " + e.getMessage());
            }
        }
        checkImage(png, "--png", ".png");
        checkImage(gif, "--gif", ".gif");
        ProgressListener progress = quiet.progress(spec.commandLine().getErr(), "surface");
        GraphSurface surface;
        ObjectNode json = Json.object();
        String summary;
        FlowResult flow = null;
        long start = System.nanoTime();
        if (newton) {
            MinimalSurface solver = MinimalSurface.newton().withTolerance(tol != null ? tol : MinimalSurface.DEFAULT_TOLERANCE);
            MinimalSurfaceResult r = solver.solve(region, points, data, progress);
            surface = r.surface();
            summary = String.format(Locale.ROOT, "newton, %d iterations, converged (last max |du| = %.2g <= %.2g)",
                    r.iterations(), r.lastStep(), solver.tolerance());
            json.put("iterations", r.iterations());
            json.put("converged", r.converged());
        } else {
            MeanCurvatureFlow f = MeanCurvatureFlow.geometric()
                    .withForm(method.equals("area-flow") ? MeanCurvatureFlow.Form.AREA_GRADIENT : MeanCurvatureFlow.Form.GEOMETRIC)
                    .withScheme(method.equals("mcf-explicit") ? MeanCurvatureFlow.Scheme.EXPLICIT
                            : MeanCurvatureFlow.Scheme.SEMI_IMPLICIT);
            if (tEnd != null) {
                f = f.withEndTime(tEnd);
            }
            if (dt != null) {
                f = f.withTimeStep(dt);
            }
            if (tol != null) {
                f = f.withTolerance(tol);
            }
            int frames = snapshots != null ? snapshots : gif != null ? 40 : 0;
            f = f.withSnapshots(frames);
            flow = f.run(region, points, data, progress);
            surface = flow.surface();
            summary = String.format(Locale.ROOT, "%s, %d steps to t = %.6g, %s", method, flow.steps(), flow.time(),
                    flow.stationary() ? "at rest (converged)" : "still moving at the end time");
            json.put("steps", flow.steps());
            json.put("converged", flow.stationary());
            if (flow.areaIncreases() > 0) {
                throw new org.fallline.geometry.GeometryException(org.fallline.geometry.GeometryException.Kind.NUMERICAL,
                        String.format(Locale.ROOT, "the area increased in %d of %d steps (by up to %.3g): the flow is "
                                + "not monotone", flow.areaIncreases(), flow.steps(), flow.maxAreaIncrease()));
            }
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        SurfaceDiagnostics d = SurfaceDiagnostics.of(surface, region, data);
        if (writer != null) {
            writer.write(surface, export);
            if (flow != null && snapshots != null) {
                FlowSeriesWriter.write(flow.snapshots(), export);
            }
        }
        if (png != null) {
            SurfaceRenderer.writePng(surface, png, data.description());
        }
        if (gif != null && flow != null) {
            SurfaceRenderer.writeGif(flow.snapshots(), gif, data.description());
        }
        PrintWriter out = spec.commandLine().getOut();
        TriangleMesh mesh = surface.mesh();
        if (format.json()) {
            ObjectNode root = Json.object();
            Json.put(root, "area", d.area());
            put(root, "exactArea", d.exactArea());
            put(root, "areaError", d.areaError());
            put(root, "maxError", d.maxError());
            Json.put(root, "maxMeanCurvature", d.maxMeanCurvature());
            root.put("vertices", mesh.vertices());
            root.put("triangles", mesh.triangles());
            root.setAll(json);
            Json.put(root, "wallSeconds", wall);
            Json.print(root, out);
        } else {
            out.println("domain      " + domain + "  (n = " + points + ": " + mesh.vertices() + " vertices, "
                    + mesh.triangles() + " triangles)");
            out.println("boundary    " + data.description());
            out.println("method      " + summary);
            out.println("area        " + Numbers.table(d.area()));
            if (d.exactArea().isPresent()) {
                out.println("exact area  " + Numbers.table(d.exactArea().getAsDouble()) + "  (error "
                        + Numbers.table(d.areaError().getAsDouble()) + ")");
                out.println("max error   " + Numbers.table(d.maxError().getAsDouble()) + "  (largest nodal |u - u_exact|)");
            }
            out.println("max |H|     " + Numbers.table(d.maxMeanCurvature()) + "  (cotangent mean curvature, interior vertices)");
            out.println(String.format(Locale.ROOT, "wall        %.3f s", wall));
        }
        out.flush();
        return ExitStatus.OK;
    }

    private static void put(ObjectNode node, String key, OptionalDouble v) {
        if (v.isPresent()) {
            Json.put(node, key, v.getAsDouble());
        }
    }

    private static void checkImage(Path file, String option, String extension) {
        if (file == null) {
            return;
        }
        AtomicFiles.checkWritable(file, option);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new BadInputException(option + ": '" + file + "' must end in " + extension);
        }
    }

    private static void checkMemory(Domain region, int points) {
        long vertices = region.estimatedVertices(points);
        double need = (double) vertices * BYTES_PER_VERTEX;
        long available = Runtime.getRuntime().maxMemory();
        if (vertices > Integer.MAX_VALUE / 8 || need > 0.9 * available) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "--n: %d gives about %.3g vertices, which need about %s of memory; this JVM has %s "
                            + "(lower --n or raise -Xmx)", points, (double) vertices, bytes(need), bytes(available)));
        }
    }

    private static String bytes(double b) {
        if (b >= 1e9) {
            return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
        }
        return String.format(Locale.ROOT, "%.0f MB", b / 1e6);
    }
}
