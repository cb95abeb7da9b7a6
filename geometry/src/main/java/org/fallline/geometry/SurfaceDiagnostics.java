package org.fallline.geometry;

import java.util.OptionalDouble;

/**
 * What is measured on a computed graph surface: its discrete area; against an exact surface the exact
 * area, the area error (discrete − exact; its sign depends on the case) and the largest nodal error
 * max_v |u_v − u(x_v, y_v)|; and the largest cotangent mean curvature |H| over interior vertices, which
 * goes to zero for a minimal surface as the mesh is refined.
 */
public record SurfaceDiagnostics(double area, OptionalDouble exactArea, OptionalDouble areaError,
                                 OptionalDouble maxError, double maxMeanCurvature) {

    /** The diagnostics of {@code surface} over {@code domain}, against {@code data} when it is an exact surface. */
    public static SurfaceDiagnostics of(GraphSurface surface, Domain domain, BoundaryData data) {
        double area = surface.area();
        double curvature = surface.maxMeanCurvature();
        if (!(data instanceof ExactSurface exact)) {
            return new SurfaceDiagnostics(area, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    curvature);
        }
        double exactArea = exact.exactArea(domain);
        TriangleMesh mesh = surface.mesh();
        double maxError = 0;
        for (int v = 0; v < mesh.vertices(); v++) {
            maxError = Math.max(maxError, Math.abs(surface.height(v) - exact.height(mesh.x(v), mesh.y(v))));
        }
        return new SurfaceDiagnostics(area, OptionalDouble.of(exactArea), OptionalDouble.of(area - exactArea),
                OptionalDouble.of(maxError), curvature);
    }
}
