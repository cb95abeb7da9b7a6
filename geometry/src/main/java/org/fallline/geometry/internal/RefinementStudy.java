package org.fallline.geometry.internal;

import java.util.Locale;

import org.fallline.core.ProgressListener;
import org.fallline.geometry.BoundaryData;
import org.fallline.geometry.Domain;
import org.fallline.geometry.GeometryException;
import org.fallline.geometry.GraphSurface;
import org.fallline.geometry.MinimalSurface;
import org.fallline.geometry.MinimalSurfaceResult;
import org.fallline.geometry.TriangleMesh;

/**
 * Existence of a minimal graph judged from the discrete solutions on three meshes h, 2h, 4h. The
 * discrete area always has a minimiser, but where the continuous problem has no solution the surface
 * detaches from the wire: the height jump J(h) across the cells at the boundary tends to a positive
 * limit (a vertical wall) while the boundary slope J/h grows like 1/h. Where a solution exists J(h)
 * tends to 0 (like h for bounded slope, like √h at a vertical tangent). The limit is estimated by
 * Aitken's Δ² extrapolation J∞ = (J_h J_4h − J_2h²)/(J_h + J_4h − 2 J_2h) of the model J∞ + C h^p.
 * Only steep solutions (boundary slope above {@value #STEEP}) are examined.
 */
public final class RefinementStudy {

    static final double STEEP = 4;
    private static final double DETACHED = 0.2;

    private RefinementStudy() {
    }

    /** Whether the largest boundary slope of {@code s} exceeds {@value #STEEP}: only then is existence in doubt. */
    public static boolean steep(GraphSurface s) {
        return boundaryJump(s)[1] > STEEP;
    }

    /** The largest jump |u_b − u_i| over edges from a boundary vertex b to an interior vertex i, and its slope. */
    public static double[] boundaryJump(GraphSurface s) {
        TriangleMesh mesh = s.mesh();
        double jump = 0;
        double slope = 0;
        for (int t = 0; t < mesh.triangles(); t++) {
            for (int k = 0; k < 3; k++) {
                int a = mesh.corner(t, k);
                int b = mesh.corner(t, (k + 1) % 3);
                if (mesh.isBoundary(a) == mesh.isBoundary(b)) {
                    continue;
                }
                double dz = Math.abs(s.height(a) - s.height(b));
                double len = Math.hypot(mesh.x(a) - mesh.x(b), mesh.y(a) - mesh.y(b));
                jump = Math.max(jump, dz);
                slope = Math.max(slope, dz / len);
            }
        }
        return new double[] {jump, slope};
    }

    /**
     * Throws a numerical {@link GeometryException} when the solutions on meshes n, (n−1)/2+1 and
     * (n−1)/4+1 show a boundary jump that does not vanish under refinement.
     */
    public static void check(MinimalSurface solver, Domain domain, int n, BoundaryData data, MinimalSurfaceResult fine) {
        check(solver, domain, n, data, fine.surface(), "");
    }

    /**
     * As {@link #check(MinimalSurface, Domain, int, BoundaryData, MinimalSurfaceResult)} for a discrete minimal
     * surface {@code fine} on mesh n found otherwise (the steady state of a flow), with {@code context} appended
     * to the message (what the flow did).
     */
    public static void check(MinimalSurface solver, Domain domain, int n, BoundaryData data, GraphSurface fine,
                             String context) {
        double[] j0 = boundaryJump(fine);
        if (j0[1] <= STEEP) {
            return;
        }
        int n1 = (n - 1) / 2 + 1;
        int n2 = (n - 1) / 4 + 1;
        if (n2 < 5) {
            return;
        }
        double[] j1 = boundaryJump(solver.solve(domain.mesh(n1), data, ProgressListener.NONE).surface());
        double[] j2 = boundaryJump(solver.solve(domain.mesh(n2), data, ProgressListener.NONE).surface());
        double denominator = j0[0] + j2[0] - 2 * j1[0];
        double limit = denominator > 0 ? (j0[0] * j2[0] - j1[0] * j1[0]) / denominator : j0[0];
        boolean shrinking = j0[0] < 0.95 * j1[0];
        if (limit > DETACHED * j0[0] || !shrinking) {
            throw GeometryException.numerical(String.format(Locale.ROOT,
                    "no minimal graph with these boundary data exists: under mesh refinement (n = %d, %d, %d) the "
                            + "boundary slope grows without bound (%.3g, %.3g, %.3g) and the height jump at the boundary "
                            + "tends to a positive limit instead of zero (%.3g, %.3g, %.3g; extrapolated %.3g): the surface "
                            + "detaches from the boundary data%s%s",
                    n2, n1, n, j2[1], j1[1], j0[1], j2[0], j1[0], j0[0], limit, context, symmetricHint(domain, fine)));
        }
    }

    // for rotationally symmetric data on an annulus: the catenoid's limit R1 arccosh(R2/R1)
    private static String symmetricHint(Domain domain, GraphSurface s) {
        if (!(domain instanceof Domain.Annulus a)) {
            return "";
        }
        TriangleMesh mesh = s.mesh();
        double innerMin = Double.POSITIVE_INFINITY;
        double innerMax = Double.NEGATIVE_INFINITY;
        double outerMin = Double.POSITIVE_INFINITY;
        double outerMax = Double.NEGATIVE_INFINITY;
        double mid = 0.5 * (a.inner() + a.outer());
        for (int v = 0; v < mesh.vertices(); v++) {
            if (!mesh.isBoundary(v)) {
                continue;
            }
            double z = s.height(v);
            if (Math.hypot(mesh.x(v), mesh.y(v)) < mid) {
                innerMin = Math.min(innerMin, z);
                innerMax = Math.max(innerMax, z);
            } else {
                outerMin = Math.min(outerMin, z);
                outerMax = Math.max(outerMax, z);
            }
        }
        double scale = 1 + Math.max(Math.abs(innerMax), Math.abs(outerMax));
        if (innerMax - innerMin > 1e-9 * scale || outerMax - outerMin > 1e-9 * scale) {
            return "";
        }
        double critical = a.inner() * Math.log(a.outer() / a.inner() + Math.sqrt(Math.pow(a.outer() / a.inner(), 2) - 1));
        return String.format(Locale.ROOT, "; for rotationally symmetric data on this annulus a minimal graph exists only "
                        + "for a height difference up to R1*arccosh(R2/R1) = %.6f (the catenoid's limit), here %.6g",
                critical, Math.abs(innerMax - outerMax));
    }
}
