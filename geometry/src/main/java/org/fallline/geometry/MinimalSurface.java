package org.fallline.geometry;

import org.fallline.core.ProgressListener;
import org.fallline.geometry.internal.AreaFunctional;
import org.fallline.geometry.internal.HessianSolver;
import org.fallline.geometry.internal.LinearSolvers;
import org.fallline.geometry.internal.RefinementStudy;
import org.fallline.geometry.internal.SparsePattern;

/**
 * The discrete minimal graph spanning Dirichlet data: the minimiser of the P1 area
 * A(u) = Σ_T |T| √(1 + |∇u_T|²) over the interior heights, a strictly convex function, found by Newton's
 * method on its exact sparse gradient and Hessian (see {@code AreaFunctional}) from the harmonic extension
 * of the data, with a backtracking (Armijo) line search, until the step satisfies max |Δu| ≤ tol.
 * Each Newton system is solved by conjugate gradients preconditioned with geometric multigrid on a
 * structured grid, and by conjugate gradients with incomplete Cholesky IC(0) on unstructured meshes (faster than
 * EJML's sparse Cholesky by 10× at 16,000 unknowns and 200× at 65,000; benchmarks/README).
 *
 * <p>{@link #solve(Domain, int, BoundaryData, ProgressListener)} also decides whether a minimal graph exists at all: when
 * the solution is steep at the boundary it solves on two coarser meshes and reports
 * {@link GeometryException.Kind#NUMERICAL numerical trouble} if the height jump across the boundary
 * cells does not shrink with h — the discrete sign that the continuous surface detaches from the wire
 * (Jenkins and Serrin, <i>J. reine angew. Math.</i> 229 (1968); Finn, <i>Acta Math.</i> 113 (1965)).
 *
 * <p>Options are set by {@code withX} copies; instances are immutable and thread-safe.
 */
public final class MinimalSurface {

    /** The default stopping tolerance on max |Δu|. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 40;
    // grids from this size up start from the interpolated coarse solution
    private static final int NESTED_FROM = 33;

    private final double tolerance;
    private final int maxIterations;
    private final boolean checkExistence;

    private MinimalSurface(double tolerance, int maxIterations, boolean checkExistence) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.checkExistence = checkExistence;
    }

    /** Newton's method with tolerance 1e-10, at most 100 iterations, existence checked. */
    public static MinimalSurface newton() {
        return new MinimalSurface(DEFAULT_TOLERANCE, 100, true);
    }

    /** A copy stopping when max |Δu| ≤ {@code tol}. */
    public MinimalSurface withTolerance(double tol) {
        if (!(tol > 0) || !Double.isFinite(tol)) {
            throw GeometryException.badInput("tolerance " + tol + " must be positive and finite");
        }
        return new MinimalSurface(tol, maxIterations, checkExistence);
    }

    /** A copy taking at most {@code k} Newton iterations. */
    public MinimalSurface withMaxIterations(int k) {
        if (k < 1) {
            throw GeometryException.badInput("maximum iterations " + k + " must be at least 1");
        }
        return new MinimalSurface(tolerance, k, checkExistence);
    }

    /** A copy that does (or does not) test for non-existence under refinement. */
    public MinimalSurface withExistenceCheck(boolean check) {
        return new MinimalSurface(tolerance, maxIterations, check);
    }

    /** The stopping tolerance on max |Δu|. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Meshes {@code domain} with parameter {@code n}, solves, and checks that a minimal graph exists.
     *
     * @throws GeometryException numerical kind when no minimal graph with these data exists or Newton
     *         does not converge; bad-input kind for data undefined on the boundary
     */
    public MinimalSurfaceResult solve(Domain domain, int n, BoundaryData data, ProgressListener progress) {
        long start = System.nanoTime();
        MinimalSurfaceResult result = domain instanceof Domain.Rectangle r ? nested(r, n, data, progress)
                : solve(domain.mesh(n), data, progress);
        result = new MinimalSurfaceResult(result.surface(), result.iterations(), result.converged(), result.lastStep(),
                result.linearIterations(), result.linearSolver(), (System.nanoTime() - start) * 1e-9);
        if (checkExistence) {
            RefinementStudy.check(this.withExistenceCheck(false), domain, n, data, result);
        }
        if (!result.converged()) {
            throw GeometryException.numerical("Newton's method did not converge in " + result.iterations()
                    + " iterations (last step max |du| = " + (float) result.lastStep() + ", tolerance " + tolerance + ")");
        }
        return result;
    }

    /**
     * Nested iteration on the grid: the solution on the grid with (n − 1)/2 + 1 points per side (itself
     * found the same way, to a tolerance of 1e-6), interpolated linearly on the fine triangles, starts
     * Newton on the fine grid, which then needs one or two steps instead of five (Hackbusch, <i>Multi-Grid
     * Methods and Applications</i>, Springer 1985, §5.1).
     */
    private MinimalSurfaceResult nested(Domain.Rectangle r, int n, BoundaryData data, ProgressListener progress) {
        TriangleMesh mesh = r.mesh(n);
        if (n < NESTED_FROM || (n - 1) % 2 != 0) {
            return solve(mesh, data, progress);
        }
        int nc = (n - 1) / 2 + 1;
        MinimalSurface coarseSolver = withTolerance(Math.max(tolerance, 1e-6));
        GraphSurface coarse = coarseSolver.nested(r, nc, data, ProgressListener.NONE).surface();
        double[] u = data.boundaryValues(mesh);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int v = i + n * j;
                if (mesh.isBoundary(v)) {
                    continue;
                }
                int ic = i / 2;
                int jc = j / 2;
                double a = coarse.height(ic + nc * jc);
                if (i % 2 == 0 && j % 2 == 0) {
                    u[v] = a;
                } else if (j % 2 == 0) {
                    u[v] = 0.5 * (a + coarse.height(ic + 1 + nc * jc));
                } else if (i % 2 == 0) {
                    u[v] = 0.5 * (a + coarse.height(ic + nc * (jc + 1)));
                } else {
                    // the midpoint of the coarse diagonal from lower left to upper right
                    u[v] = 0.5 * (a + coarse.height(ic + 1 + nc * (jc + 1)));
                }
            }
        }
        return newton(mesh, u, progress);
    }

    /** Solves on a given mesh; no existence check, and no exception when Newton does not converge. */
    public MinimalSurfaceResult solve(TriangleMesh mesh, BoundaryData data, ProgressListener progress) {
        return newton(mesh, data.boundaryValues(mesh), null, progress);
    }

    private MinimalSurfaceResult newton(TriangleMesh mesh, double[] start, ProgressListener progress) {
        return newton(mesh, start, start, progress);
    }

    // Newton from `initial` (all vertices), or from the harmonic extension of `boundary` when initial is null
    private MinimalSurfaceResult newton(TriangleMesh mesh, double[] boundary, double[] initial, ProgressListener progress) {
        long start = System.nanoTime();
        double[] u = initial != null ? initial : boundary;
        int n = mesh.unknowns();
        SparsePattern pattern = SparsePattern.of(mesh);
        HessianSolver solver = LinearSolvers.forMesh(mesh, true);
        double[] hess = new double[pattern.nonZeros()];
        double[] grad = new double[n];
        double[] d = new double[n];
        int linear = 0;
        if (initial == null) {
            // harmonic start: minimise ½∫|∇u|² with the interior at 0, i.e. K_II u_I = −K_IB u_B
            for (int v = 0; v < u.length; v++) {
                if (!mesh.isBoundary(v)) {
                    u[v] = 0;
                }
            }
            AreaFunctional dirichlet = new AreaFunctional(mesh, pattern, true);
            dirichlet.evaluate(u, grad, hess);
            negate(grad);
            linear = solver.solve(pattern, hess, grad, d, 1e-10);
            scatter(mesh, u, d, 1);
        }
        AreaFunctional area = new AreaFunctional(mesh, pattern, false);
        double[] trial = u.clone();
        double lastStep = Double.POSITIVE_INFINITY;
        boolean converged = false;
        int it = 0;
        while (it < maxIterations && !converged) {
            it++;
            double e = area.evaluate(u, grad, hess);
            negate(grad);
            java.util.Arrays.fill(d, 0);
            // forcing term η ≤ ‖∇A‖: loose far away, tight near the solution, so the convergence stays
            // quadratic (inexact Newton, Dembo, Eisenstat and Steihaug, SIAM J. Numer. Anal. 19 (1982))
            double eta = Math.max(1e-12, Math.min(1e-4, norm(grad)));
            linear += solver.solve(pattern, hess, grad, d, eta);
            double slope = -dot(grad, d);
            double dmax = maxAbs(d);
            double t = 1;
            for (int k = 0; k < MAX_HALVINGS; k++) {
                System.arraycopy(u, 0, trial, 0, u.length);
                scatter(mesh, trial, d, t);
                double et = area.value(trial);
                if (et <= e + ARMIJO * t * slope + 1e-13 * Math.abs(e)) {
                    break;
                }
                t *= 0.5;
            }
            System.arraycopy(trial, 0, u, 0, u.length);
            lastStep = t * dmax;
            if (!Double.isFinite(lastStep)) {
                throw GeometryException.numerical("Newton's method produced a non-finite step at iteration " + it);
            }
            converged = lastStep <= tolerance;
            progress.progress(it, maxIterations);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new MinimalSurfaceResult(new GraphSurface(mesh, u), it, converged, lastStep, linear, solver.name(), seconds);
    }

    private static void scatter(TriangleMesh mesh, double[] u, double[] d, double t) {
        for (int v = 0; v < u.length; v++) {
            int i = mesh.unknown(v);
            if (i >= 0) {
                u[v] += t * d[i];
            }
        }
    }

    private static void negate(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = -a[i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
