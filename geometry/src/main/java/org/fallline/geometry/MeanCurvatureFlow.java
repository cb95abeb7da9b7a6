package org.fallline.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fallline.core.ProgressListener;
import org.fallline.geometry.internal.AreaFunctional;
import org.fallline.geometry.internal.HessianSolver;
import org.fallline.geometry.internal.LinearSolvers;
import org.fallline.geometry.internal.RefinementStudy;
import org.fallline.geometry.internal.SparsePattern;

/**
 * Mean curvature flow of a graph with fixed boundary values, from the flat start (the interior at the
 * mean of the boundary data), in one of two forms:
 * <ul>
 * <li>{@link Form#GEOMETRIC}: u_t = Q div(∇u/Q), Q = √(1 + |∇u|²) — the graph moves with normal speed
 * equal to its mean curvature (Huisken, <i>J. Differential Equations</i> 77 (1989));</li>
 * <li>{@link Form#AREA_GRADIENT}: u_t = div(∇u/Q), the L² gradient flow of the area (Lichnewsky and
 * Temam, <i>J. Differential Equations</i> 30 (1978)).</li>
 * </ul>
 * Both have the minimal graph as steady state. P1 in space; in time either
 * <ul>
 * <li>{@link Scheme#SEMI_IMPLICIT}: the Deckelnick–Dziuk scheme
 * ∫ (u^{n+1} − u^n)/τ φ ω^n + ∫ ∇u^{n+1}·∇φ / Q^n = 0 (ω = 1/Q geometric, 1 area form): one linear SPD
 * solve per step, unconditionally stable, area non-increasing (Deckelnick and Dziuk, <i>Interfaces Free
 * Bound.</i> 2 (2000); Deckelnick, Dziuk and Elliott, <i>Acta Numer.</i> 14 (2005)), with the step τ
 * adapted so that no height changes by more than 2% of the data's range per step (and τ ≤ T/200);</li>
 * <li>{@link Scheme#EXPLICIT}: forward Euler with lumped mass, u^{n+1} = u^n − τ M_ω⁻¹ ∇A(u^n), stable for
 * τ ≤ {@link #stabilityLimit(TriangleMesh)}; a larger step is refused.</li>
 * </ul>
 * The area is tracked at every step and every increase beyond rounding is counted. Options by
 * {@code withX} copies.
 */
public final class MeanCurvatureFlow {

    /** Which flow. */
    public enum Form {
        /** u_t = Q div(∇u/Q). */
        GEOMETRIC,
        /** u_t = div(∇u/Q). */
        AREA_GRADIENT
    }

    /** Which time discretisation. */
    public enum Scheme {
        /** Forward Euler with lumped mass, under its stability limit. */
        EXPLICIT,
        /** Deckelnick–Dziuk, Q lagged, adaptive steps. */
        SEMI_IMPLICIT
    }

    // the largest height change per semi-implicit step, as a fraction of the data's range
    private static final double CHANGE_PER_STEP = 0.02;
    private static final double MAX_GROWTH = 1.5;
    private static final double MAX_STEP_FRACTION = 200;

    private final Form form;
    private final Scheme scheme;
    private final double endTime;
    private final double timeStep;
    private final int snapshots;
    private final double tolerance;
    private final int maxSteps;

    private MeanCurvatureFlow(Form form, Scheme scheme, double endTime, double timeStep, int snapshots, double tolerance,
                              int maxSteps) {
        this.form = form;
        this.scheme = scheme;
        this.endTime = endTime;
        this.timeStep = timeStep;
        this.snapshots = snapshots;
        this.tolerance = tolerance;
        this.maxSteps = maxSteps;
    }

    /** The geometric flow, semi-implicit, to t = 10 or rest (max |u_t| ≤ 1e-8), no snapshots. */
    public static MeanCurvatureFlow geometric() {
        return new MeanCurvatureFlow(Form.GEOMETRIC, Scheme.SEMI_IMPLICIT, 10, Double.NaN, 0, 1e-8, 10_000_000);
    }

    /** A copy with the given form. */
    public MeanCurvatureFlow withForm(Form f) {
        return new MeanCurvatureFlow(f, scheme, endTime, timeStep, snapshots, tolerance, maxSteps);
    }

    /** A copy with the given scheme. */
    public MeanCurvatureFlow withScheme(Scheme s) {
        return new MeanCurvatureFlow(form, s, endTime, timeStep, snapshots, tolerance, maxSteps);
    }

    /** A copy running to time {@code t}. */
    public MeanCurvatureFlow withEndTime(double t) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw GeometryException.badInput("end time " + t + " must be positive and finite");
        }
        return new MeanCurvatureFlow(form, scheme, t, timeStep, snapshots, tolerance, maxSteps);
    }

    /**
     * A copy with time step {@code dt}: the fixed step of the explicit scheme (default 0.95 of its
     * stability limit), the first step of the adaptive semi-implicit one (default h²).
     */
    public MeanCurvatureFlow withTimeStep(double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw GeometryException.badInput("time step " + dt + " must be positive and finite");
        }
        return new MeanCurvatureFlow(form, scheme, endTime, dt, snapshots, tolerance, maxSteps);
    }

    /** A copy keeping {@code k} snapshots at the times T/k, 2T/k, …, T (and the start). */
    public MeanCurvatureFlow withSnapshots(int k) {
        if (k < 0) {
            throw GeometryException.badInput("snapshot count " + k + " must not be negative");
        }
        return new MeanCurvatureFlow(form, scheme, endTime, timeStep, k, tolerance, maxSteps);
    }

    /** A copy that stops when max |u_t| ≤ {@code tol}. */
    public MeanCurvatureFlow withTolerance(double tol) {
        if (!(tol > 0) || !Double.isFinite(tol)) {
            throw GeometryException.badInput("tolerance " + tol + " must be positive and finite");
        }
        return new MeanCurvatureFlow(form, scheme, endTime, timeStep, snapshots, tol, maxSteps);
    }

    /** A copy taking at most {@code k} steps. */
    public MeanCurvatureFlow withMaxSteps(int k) {
        if (k < 1) {
            throw GeometryException.badInput("maximum steps " + k + " must be at least 1");
        }
        return new MeanCurvatureFlow(form, scheme, endTime, timeStep, snapshots, tolerance, k);
    }

    /**
     * The explicit scheme's stability limit on {@code mesh}: 2 / max_T λ_max(k_T)/(|T|/3), with k_T the
     * element stiffness (see the type's description); on the uniform grid with spacing h this is 2h²/9.
     */
    public static double stabilityLimit(TriangleMesh mesh) {
        return 2 / new AreaFunctional(mesh, null, false).elementEigenvalueBound();
    }

    /**
     * Meshes {@code domain} with parameter {@code n}, runs the flow, and checks that a minimal graph with these
     * data exists — the flow's limit. Where none exists the flow still runs, but its surface detaches from the
     * data at the boundary (Lichnewsky and Temam 1978; Oliker and Uraltseva, <i>Comm. Pure Appl. Math.</i> 46
     * (1993)); on a fixed mesh the discrete flow settles anyway, on the discrete minimiser, with a boundary
     * layer whose jump does not shrink under refinement. So when the flow ends steep at the boundary (slope
     * above 4) or still moving, its steady state — the flow's own if it came to rest, else Newton's from the
     * flow's last state — goes through the refinement study of {@link MinimalSurface}: the steady states on
     * meshes n, (n−1)/2+1, (n−1)/4+1 and their boundary jumps. A flow still moving towards a steady state that
     * passes the study is returned as it is ({@link FlowResult#stationary()} false).
     *
     * @throws GeometryException numerical when no minimal graph with these data exists, besides the failures of
     *         {@link #run(TriangleMesh, BoundaryData, ProgressListener)}
     */
    public FlowResult run(Domain domain, int n, BoundaryData data, ProgressListener progress) {
        FlowResult r = run(domain.mesh(n), data, progress);
        if (r.stationary() && !RefinementStudy.steep(r.surface())) {
            return r;
        }
        MinimalSurface newton = MinimalSurface.newton().withExistenceCheck(false);
        GraphSurface steady = r.stationary() ? r.surface() : newton.solve(r.surface(), ProgressListener.NONE).surface();
        String what = r.stationary()
                ? String.format(Locale.ROOT, "; the flow came to rest at t = %.4g on such a boundary layer", r.time())
                : String.format(Locale.ROOT, "; the flow was still moving at t = %.4g after %d steps", r.time(), r.steps());
        RefinementStudy.check(newton, domain, n, data, steady, what);
        return r;
    }

    /**
     * Runs the flow on {@code mesh} with Dirichlet data {@code data} (no existence check).
     *
     * @throws GeometryException bad input for an explicit step above the stability limit or data undefined
     *         on the boundary; numerical trouble for a non-finite state
     */
    public FlowResult run(TriangleMesh mesh, BoundaryData data, ProgressListener progress) {
        double[] u = data.boundaryValues(mesh);
        double limit = stabilityLimit(mesh);
        double h = mesh.maxEdge();
        double tau;
        if (scheme == Scheme.EXPLICIT) {
            tau = Double.isNaN(timeStep) ? 0.95 * limit : timeStep;
            if (tau > limit * (1 + 1e-12)) {
                throw GeometryException.badInput(String.format(Locale.ROOT,
                        "time step %.6g is above the explicit scheme's stability limit %.6g on this mesh "
                                + "(2/max element eigenvalue of the stiffness against the lumped mass); use a step "
                                + "<= %.6g or the semi-implicit scheme", tau, limit, limit));
            }
        } else {
            tau = Double.isNaN(timeStep) ? h * h : timeStep;
        }
        long start = System.nanoTime();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double mean = 0;
        int nb = 0;
        for (int v = 0; v < u.length; v++) {
            if (mesh.isBoundary(v)) {
                lo = Math.min(lo, u[v]);
                hi = Math.max(hi, u[v]);
                mean += u[v];
                nb++;
            }
        }
        mean /= nb;
        for (int v = 0; v < u.length; v++) {
            if (!mesh.isBoundary(v)) {
                u[v] = mean;
            }
        }
        boolean geometric = form == Form.GEOMETRIC;
        SparsePattern pattern = scheme == Scheme.SEMI_IMPLICIT ? SparsePattern.of(mesh) : null;
        AreaFunctional area = new AreaFunctional(mesh, pattern, false);
        HessianSolver solver = scheme == Scheme.SEMI_IMPLICIT ? LinearSolvers.forMesh(mesh, pattern) : null;
        double[] matrix = pattern == null ? null : new double[pattern.nonZeros()];
        int n = mesh.unknowns();
        double[] grad = new double[n];
        double[] delta = new double[n];
        double[] mass = new double[n];
        double maxChange = CHANGE_PER_STEP * Math.max(hi - lo, 1e-3);
        List<FlowSnapshot> shots = new ArrayList<>();
        double a = area.evaluate(u, grad, null);
        double initialArea = a;
        if (snapshots > 0) {
            shots.add(new FlowSnapshot(0, new GraphSurface(mesh, u), a));
        }
        int nextShot = 1;
        double t = 0;
        int steps = 0;
        int increases = 0;
        double maxIncrease = 0;
        boolean stationary = false;
        while (t < endTime * (1 - 1e-12) && steps < maxSteps) {
            double target = snapshots > 0 ? endTime * nextShot / snapshots : endTime;
            double step = Math.min(tau, target - t);
            if (scheme == Scheme.EXPLICIT) {
                area.lumpedMass(u, geometric, mass);
                for (int i = 0; i < n; i++) {
                    delta[i] = -step * grad[i] / mass[i];
                }
            } else {
                area.flowMatrix(u, step, geometric, matrix);
                for (int i = 0; i < n; i++) {
                    grad[i] = -grad[i];
                }
                Arrays.fill(delta, 0);
                solver.setMatrix(matrix);
                solver.solve(grad, delta, 1e-10);
            }
            double change = 0;
            for (int v = 0; v < u.length; v++) {
                int i = mesh.unknown(v);
                if (i >= 0) {
                    u[v] += delta[i];
                    change = Math.max(change, Math.abs(delta[i]));
                }
            }
            if (!Double.isFinite(change)) {
                throw GeometryException.numerical(String.format(Locale.ROOT,
                        "the flow became non-finite at step %d (t = %.6g)", steps + 1, t + step));
            }
            t = step == target - t ? target : t + step;
            steps++;
            double next = area.evaluate(u, grad, null);
            if (next > a + 1e-12 * Math.abs(a)) {
                increases++;
                maxIncrease = Math.max(maxIncrease, next - a);
            }
            a = next;
            if (snapshots > 0 && t >= target * (1 - 1e-12)) {
                shots.add(new FlowSnapshot(t, new GraphSurface(mesh, u), a));
                nextShot++;
            }
            progress.progress((long) (1000 * Math.min(1, t / endTime)), 1000);
            if (change / step <= tolerance) {
                stationary = true;
                break;
            }
            if (scheme == Scheme.SEMI_IMPLICIT) {
                // at most T/200: with τ → ∞ the scheme degenerates into the lagged-diffusivity (Picard) iteration,
                // which contracts only linearly; bounded steps keep the flow's own decay e^(−λτ) per step
                tau = Math.min(endTime / MAX_STEP_FRACTION,
                        step * Math.min(MAX_GROWTH, Math.max(0.5, maxChange / Math.max(change, 1e-300))));
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new FlowResult(new GraphSurface(mesh, u), steps, t, stationary, shots, increases, maxIncrease,
                initialArea, seconds);
    }
}
