package org.fallline.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fallline.geometry.BoundaryData;
import org.fallline.geometry.Domain;
import org.fallline.geometry.FlowResult;
import org.fallline.geometry.FlowSnapshot;
import org.fallline.geometry.MeanCurvatureFlow;
import org.fallline.geometry.MinimalSurface;
import org.fallline.geometry.SurfaceDiagnostics;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.figures.SurfaceRenderer;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.tour.CommandRun;
import org.fallline.samples.tour.SectionReport;
import org.fallline.samples.tour.TourContext;
import org.fallline.samples.tour.TourSection;

/**
 * The tour's geometry section: Scherk's surface u = ln(cos y / cos x) on [−1, 1]² and the catenoid
 * u = arccosh r on the annulus 1.2 ≤ r ≤ 2 from {@code fallline surface} (Newton on the discrete area), against
 * their exact areas 5.6975122115870574 and 10.564255791668642 (mpmath, Surface Evolver and a P1 reference
 * solver: /work/shared/reference/geometry/exact.md); the geometric mean curvature flow from the plane through
 * the boundary data to the minimal surface, its area against time falling to the minimal area (Huisken 1989;
 * the semi-implicit scheme of Deckelnick and Dziuk); and the annulus 1 ≤ r ≤ 2 with heights 1.5 and 0, which
 * admits no minimal graph since the catenoid can climb at most arccosh 2 = 1.3169579 there (Finn;
 * Jenkins–Serrin 1968), reported by the command as exit 3 with the reason.
 */
final class SurfaceTour implements TourSection {

    static final double SCHERK_AREA = 5.6975122115870574383;
    static final double CATENOID_AREA = 10.564255791668642018;
    /** u = 1.5 on r = 1 and 0 on r = 2: beyond the catenoid's limit arccosh 2. */
    static final String TOO_STEEP = "1.5*(2 - sqrt(x^2 + y^2))";

    @Override
    public String id() {
        return "surface";
    }

    @Override
    public String domain() {
        return "geometry";
    }

    @Override
    public String title() {
        return "Minimal surfaces: the area's gradient set to zero";
    }

    @Override
    public SectionReport run(TourContext context) throws IOException {
        SectionReport.Builder r = SectionReport.of(this);
        r.sentence("For a soap film the landscape is the area, and its gradient is the mean curvature: the "
                + "compass tells every point of the surface which way to move to shrink it. Where the compass points "
                + "nowhere the film is minimal — Scherk's surface, the catenoid — and mean curvature flow follows the "
                + "compass there; but on an annulus whose rims differ too much in height no minimal graph exists, "
                + "and fallline says so instead of returning a surface.");
        String n = context.quick() ? "33" : "65";
        List<String> scherk = List.of("surface", "--domain", "square:-1,1", "--boundary", "scherk", "--n", n,
                "--format", "json", "--quiet");
        CommandRun s = CommandRun.of(with(scherk, "--png", context.file("surface-scherk.png"), "--export",
                context.file("surface-scherk.obj")), 0);
        r.figure("surface-scherk.png", "Scherk's surface u = ln(cos y / cos x) over [−1, 1]², solved by Newton's "
                + "method on the discrete area.");
        r.number("Scherk on [−1, 1]², n = " + n + ": area", Numbers.table(s.json().get("area").asDouble())
                + " (max nodal error " + Numbers.table(s.json().get("maxError").asDouble()) + ")",
                "exact: " + SCHERK_AREA);
        r.file("surface-scherk.obj", "the Scherk surface as a triangle mesh (Wavefront OBJ)");
        r.command(CommandRun.shell(with(scherk, "--png", Path.of("scherk.png"), "--export", Path.of("scherk.obj"))));

        List<String> catenoid = List.of("surface", "--domain", "annulus:1.2,2", "--boundary", "catenoid", "--n", n,
                "--format", "json", "--quiet");
        CommandRun c = CommandRun.of(with(catenoid, "--png", context.file("surface-catenoid.png")), 0);
        r.figure("surface-catenoid.png", "The catenoid u = arccosh r over the annulus 1.2 ≤ r ≤ 2.");
        r.number("catenoid on 1.2 ≤ r ≤ 2: area", Numbers.table(c.json().get("area").asDouble()),
                "exact: " + CATENOID_AREA);
        r.command(CommandRun.shell(with(catenoid, "--png", Path.of("catenoid.png"))));

        Domain square = SurfaceOptions.domain("square:-1,1");
        BoundaryData data = SurfaceOptions.boundary("scherk");
        int flowN = context.quick() ? 17 : 33;
        FlowResult flow = MeanCurvatureFlow.geometric().withEndTime(context.quick() ? 0.5 : 1).withSnapshots(20)
                .run(square.mesh(flowN), data, context.progress());
        // the flow's limit is the minimal surface of its own mesh, whose area lies O(h²) below the exact one
        double meshMinimal = SurfaceDiagnostics.of(MinimalSurface.newton().solve(square, flowN, data,
                context.progress()).surface(), square, data).area();
        List<FlowSnapshot> snaps = flow.snapshots();
        double[] t = snaps.stream().mapToDouble(FlowSnapshot::time).toArray();
        double[] area = snaps.stream().mapToDouble(FlowSnapshot::area).toArray();
        double[] minimal = new double[t.length];
        java.util.Arrays.fill(minimal, meshMinimal);
        r.figure(context.png("surface-flow-area.png", Figures.lines("Mean curvature flow towards Scherk's surface",
                        "t", "area", false, List.of(new Figures.Series("area of the flowing graph", t, area,
                                Figures.Style.LINE_AND_POINTS), new Figures.Series("minimal area of the mesh", t, minimal,
                                Figures.Style.LINE)))),
                "The area along the mean curvature flow with Scherk's boundary data: it only falls, towards the "
                        + "minimal area.");
        SurfaceRenderer.writePng(snaps.get(1).surface(), context.file("surface-flow-early.png"), "scherk, t = "
                + Numbers.table(snaps.get(1).time()));
        r.figure("surface-flow-early.png", "A snapshot of the flow early on, at t = " + Numbers.table(snaps.get(1).time())
                + ", still far from minimal.");
        r.number("mean curvature flow: area at t = 0 and at the end", Numbers.table(flow.initialArea()) + " → "
                + Numbers.table(area[area.length - 1]) + " (" + flow.areaIncreases() + " steps of " + flow.steps()
                + " increased it)", "falls towards the minimal area " + Numbers.table(meshMinimal) + " of the same mesh "
                + "(n = " + flowN + "; exact " + Numbers.table(SCHERK_AREA) + "); never increases");

        List<String> annulus = List.of("surface", "--domain", "annulus:1,2", "--boundary", TOO_STEEP, "--n", "33",
                "--format", "json", "--quiet");
        CommandRun a = CommandRun.of(annulus, 3);
        r.number("annulus 1 ≤ r ≤ 2, heights 1.5 and 0: exit status", a.status() + ": " + a.error()
                .replaceFirst("^error: ", ""), "no minimal graph: height difference above arccosh 2 = 1.3169579");
        r.command(CommandRun.shell(annulus));
        return r.build();
    }

    private static List<String> with(List<String> args, Object... more) {
        List<String> all = new ArrayList<>(args);
        for (Object m : more) {
            all.add(m.toString());
        }
        return all;
    }
}
