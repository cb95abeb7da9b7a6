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
    // a coarse grid of the nested iteration is solved until its gradient has fallen by this factor
    private static final double COARSE_REDUCTION = 1e-2;
    // the first, loose linear solve of every Newton step (relative residual)
    private static final double LOOSE = 0.1;
    // the linear accuracy of the step that meets the stopping rule
    private static final double FINAL = 1e-4;

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
     * Nested iteration on the grid (full multigrid in the nonlinear sense: Hackbusch, <i>Multi-Grid Methods and
     * Applications</i>, Springer 1985, §5.1; Deuflhard, <i>Newton Methods for Nonlinear Problems</i>, Springer
     * 2004, §8.3): the solution on the grid with (n − 1)/2 + 1 points per side, interpolated linearly on the fine
     * triangles, starts Newton on the fine grid. The interpolation error is O(h²), well inside Newton's region of
     * quadratic convergence, so a coarse grid need only be solved to a fraction of it: its Newton iteration stops
     * once the gradient has fallen by {@value #COARSE_REDUCTION} from its start (usually after one step), the
     * coarsest grid (harmonic start) once the step is within max(tol, 1e-6).
     */
    private MinimalSurfaceResult nested(Domain.Rectangle r, int n, BoundaryData data, ProgressListener progress) {
        return nested(r, n, data, new Stop(tolerance, 0), progress);
    }

    private MinimalSurfaceResult nested(Domain.Rectangle r, int n, BoundaryData data, Stop stop,
                                        ProgressListener progress) {
        TriangleMesh mesh = r.mesh(n);
        if (n < NESTED_FROM || (n - 1) % 2 != 0) {
            Stop coarsest = new Stop(stop.gradientReduction() > 0 ? Math.max(tolerance, 1e-6) : stop.step(), 0);
            return newton(mesh, data.boundaryValues(mesh), null, coarsest, progress);
        }
        int nc = (n - 1) / 2 + 1;
        Stop coarseStop = new Stop(Math.max(tolerance, 1e-6), COARSE_REDUCTION);
        GraphSurface coarse = nested(r, nc, data, coarseStop, ProgressListener.NONE).surface();
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
        return newton(mesh, u, u, stop, progress);
    }

    /**
     * Newton from the heights of {@code start} (its boundary heights are the data) on its mesh — e.g. from the
     * last state of a flow to the flow's steady state; no existence check, and no exception when Newton does not
     * converge.
     */
    public MinimalSurfaceResult solve(GraphSurface start, ProgressListener progress) {
        TriangleMesh mesh = start.mesh();
        double[] u = new double[mesh.vertices()];
        for (int v = 0; v < u.length; v++) {
            u[v] = start.height(v);
        }
        return newton(mesh, u, u, new Stop(tolerance, 0), progress);
    }

    /** Solves on a given mesh; no existence check, and no exception when Newton does not converge. */
    public MinimalSurfaceResult solve(TriangleMesh mesh, BoundaryData data, ProgressListener progress) {
        return newton(mesh, data.boundaryValues(mesh), null, new Stop(tolerance, 0), progress);
    }

    /**
     * When a Newton iteration stops: a step max |Δu| within {@code step}, or (when positive) the gradient's
     * norm fallen by the factor {@code gradientReduction} from its value at the start.
     */
    private record Stop(double step, double gradientReduction) {
    }

    /**
     * Newton from {@code initial} (all vertices), or from the harmonic extension of {@code boundary} when
     * initial is null. Each step is an inexact Newton step: CG first to the loose relative residual
     * {@value #LOOSE}, which already shows whether the step is within the tolerance (then CG goes on to
     * {@value #FINAL}, and the iteration ends with that step); otherwise CG goes on from there to the forcing
     * term η = max(η_EW, η_stop), capped at the loose value — η_EW = 0.9 (‖∇A_k‖/‖∇A_{k−1}‖)² (Eisenstat and Walker, <i>SIAM J. Sci. Comput.</i> 17
     * (1996), choice 2: no more linear accuracy than the nonlinear convergence can use) and η_stop the
     * accuracy that puts the next iterate within the stopping rule (0.1 tol / |Δu|, or 0.1 of the gradient
     * reduction still asked for).
     */
    private MinimalSurfaceResult newton(TriangleMesh mesh, double[] boundary, double[] initial, Stop stop,
                                        ProgressListener progress) {
        long start = System.nanoTime();
        double[] u = initial != null ? initial : boundary;
        int n = mesh.unknowns();
        SparsePattern pattern = SparsePattern.of(mesh);
        double[] hess = new double[pattern.nonZeros()];
        double[] grad = new double[n];
        double[] trialGrad = new double[n];
        double[] rhs = new double[n];
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
            negate(grad, rhs);
            HessianSolver laplace = LinearSolvers.forMesh(mesh, pattern);
            laplace.setMatrix(hess);
            linear = laplace.solve(rhs, d, 1e-10);
            scatter(mesh, u, d, 1);
        }
        HessianSolver solver = LinearSolvers.forMesh(mesh, pattern, true);
        AreaFunctional area = new AreaFunctional(mesh, pattern, false);
        double[] trial = u.clone();
        double e = area.evaluate(u, grad, hess);
        double g0 = norm(grad);
        double gPrevious = Double.NaN;
        double lastStep = Double.POSITIVE_INFINITY;
        boolean converged = false;
        int it = 0;
        while (it < maxIterations && !converged) {
            it++;
            double g = norm(grad);
            negate(grad, rhs);
            solver.setMatrix(hess);
            java.util.Arrays.fill(d, 0);
            linear += solver.solve(rhs, d, LOOSE);
            double dmax = maxAbs(d);
            // a step within the tolerance is the last one: solved to FINAL, so that the final iterate's error is
            // a small fraction of the tolerance
            double eta = FINAL;
            if (dmax > stop.step()) {
                eta = 0.1 * stop.step() / dmax;
                if (stop.gradientReduction() > 0) {
                    eta = Math.max(eta, 0.1 * stop.gradientReduction() * g0 / g);
                }
                if (it > 1) {
                    eta = Math.max(eta, 0.9 * (g / gPrevious) * (g / gPrevious));
                }
                eta = Math.max(1e-13, eta);
            }
            if (eta < LOOSE) {
                linear += solver.solve(rhs, d, eta);
                dmax = maxAbs(d);
            }
            double slope = -dot(rhs, d);
            double t = 1;
            double et = e;
            for (int k = 0; k < MAX_HALVINGS; k++) {
                System.arraycopy(u, 0, trial, 0, u.length);
                scatter(mesh, trial, d, t);
                et = area.evaluate(trial, trialGrad, null);
                if (et <= e + ARMIJO * t * slope + 1e-13 * Math.abs(e)) {
                    break;
                }
                t *= 0.5;
            }
            double[] swap = u;
            u = trial;
            trial = swap;
            swap = grad;
            grad = trialGrad;
            trialGrad = swap;
            e = et;
            gPrevious = g;
            lastStep = t * dmax;
            if (!Double.isFinite(lastStep)) {
                throw GeometryException.numerical("Newton's method produced a non-finite step at iteration " + it);
            }
            converged = lastStep <= stop.step()
                    || (stop.gradientReduction() > 0 && norm(grad) <= stop.gradientReduction() * g0);
            progress.progress(it, maxIterations);
            if (!converged && it < maxIterations) {
                area.evaluate(u, null, hess);
            }
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

    private static void negate(double[] a, double[] into) {
        for (int i = 0; i < a.length; i++) {
            into[i] = -a[i];
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
