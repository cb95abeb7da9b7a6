package org.fallline.physics.portrait;

import java.util.ArrayList;
import java.util.List;

import org.fallline.core.ProgressListener;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;
import org.fallline.physics.PhysicsException;
import org.fallline.physics.flow.GradientFlow;

/**
 * The phase portrait of the gradient flow dx/dt = −∇V in a box: the equilibria (found and classified by core),
 * the stable and unstable manifolds of every saddle, and — for two variables — a fan of orbits from a grid of
 * starts.
 *
 * <p>Manifolds are traced from x̄ ± ε·v, v a unit eigenvector of ∇²V(x̄) and ε = 10⁻⁶ times the box diagonal,
 * forwards in time along the unstable directions (λ &lt; 0) and backwards (dx/dt = +∇V) along the stable ones
 * (λ &gt; 0): the linearisation error at that distance is O(ε²), far below the drawing resolution. A
 * two-dimensional manifold is traced as eight orbits from the circle x̄ + ε(cos θ·v₁ + sin θ·v₂); higher
 * dimensions are reported but not traced. Every orbit ({@link OrbitTracer}) stops on leaving the box, within
 * 10⁻³ diagonals of another equilibrium, or at the time cap max(T, 40/|λ|). The fan starts at the centres of a
 * k × k grid of cells of the box (starts within the stopping radius of an equilibrium are skipped) and runs
 * forwards.
 *
 * <p>Reference: M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential Equations, Dynamical Systems, and an
 * Introduction to Chaos</i>, 3rd ed., Academic Press 2013, §9.3; J. Guckenheimer and P. Holmes, <i>Nonlinear
 * Oscillations, Dynamical Systems, and Bifurcations of Vector Fields</i>, Springer 1983, §1.3.
 *
 * @param variables    the field's variables
 * @param box          the region
 * @param equilibria   the equilibria in the box, as given
 * @param manifolds    one entry per saddle, in the order of {@code equilibria}
 * @param trajectories the fan of orbits (two variables only; empty otherwise)
 */
public record PhasePortrait(List<String> variables, Box box, List<Equilibrium> equilibria,
                            List<SaddleManifolds> manifolds, List<Curve> trajectories) {

    /** Manifold offset ε, in box diagonals. */
    static final double EPSILON = 1e-6;
    /** Stopping radius near an equilibrium, in box diagonals. */
    static final double STOP_RADIUS = 1e-3;
    /** Arc length between kept points, in box diagonals. */
    static final double SPACING = 1.0 / 400;
    /** Orbits of a two-dimensional manifold. */
    static final int RING = 8;

    public PhasePortrait {
        variables = List.copyOf(variables);
        equilibria = List.copyOf(equilibria);
        manifolds = List.copyOf(manifolds);
        trajectories = List.copyOf(trajectories);
    }

    /** The manifolds of the saddle {@code equilibria().get(i)}, if it is a saddle. */
    public java.util.Optional<SaddleManifolds> manifoldsOf(Equilibrium e) {
        return manifolds.stream().filter(m -> m.saddle().equals(e)).findFirst();
    }

    /**
     * Computes the portrait.
     *
     * @param grid       k, the fan's starts per axis (0 for none; used for two variables only)
     * @param timeCap    T, the least time cap of an orbit, &gt; 0
     * @param tolerance  tolerance of the integrator, in (0, 1)
     * @param progress   told after each traced orbit
     * @throws PhysicsException (bad input) if the box's dimension is not the field's, k &lt; 0, T or the tolerance
     *                          is out of range
     */
    public static PhasePortrait compute(ScalarField field, Box box, List<Equilibrium> equilibria, int grid,
                                        double timeCap, double tolerance, ProgressListener progress) {
        int n = field.dimension();
        if (box.dimension() != n) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "the box has " + box.dimension()
                    + " coordinates; the field has " + n + " variables " + field.variables());
        }
        if (grid < 0 || !(timeCap > 0) || !Double.isFinite(timeCap) || !(tolerance > 0 && tolerance < 1)) {
            throw new PhysicsException(PhysicsException.Kind.BAD_INPUT, "portrait needs grid >= 0, a finite time "
                    + "cap > 0 and a tolerance in (0, 1); got " + grid + ", " + timeCap + ", " + tolerance);
        }
        double diagonal = 0;
        for (int i = 0; i < n; i++) {
            diagonal += box.width(i) * box.width(i);
        }
        diagonal = Math.sqrt(diagonal);
        OrbitTracer tracer = new OrbitTracer(box, tolerance, SPACING * diagonal);
        GradientFlow forward = new GradientFlow(field);
        GradientFlow backward = forward.reversed();
        double epsilon = EPSILON * diagonal;
        double stopRadius = STOP_RADIUS * diagonal;
        int fan = n == 2 ? grid * grid : 0;
        long total = fan;
        for (Equilibrium e : equilibria) {
            if (e.type() == EquilibriumType.SADDLE) {
                total += branches(e.stableDirections().size()) + branches(e.unstableDirections().size());
            }
        }
        long[] done = {0};
        List<SaddleManifolds> manifolds = new ArrayList<>();
        for (Equilibrium e : equilibria) {
            if (e.type() != EquilibriumType.SADDLE) {
                continue;
            }
            List<double[]> others = new ArrayList<>();
            for (Equilibrium o : equilibria) {
                if (o != e) {
                    others.add(o.point());
                }
            }
            List<Curve> stable = manifold(tracer, backward, e, e.stableDirections(), positive(e), epsilon, others,
                    stopRadius, timeCap, progress, done, total);
            List<Curve> unstable = manifold(tracer, forward, e, e.unstableDirections(), negative(e), epsilon, others,
                    stopRadius, timeCap, progress, done, total);
            manifolds.add(new SaddleManifolds(e, e.stableDirections().size(), e.unstableDirections().size(),
                    stable, unstable));
        }
        List<Curve> trajectories = new ArrayList<>();
        List<double[]> all = equilibria.stream().map(Equilibrium::point).toList();
        double[] lo = box.lower();
        for (int i = 0; i < (n == 2 ? grid : 0); i++) {
            for (int j = 0; j < grid; j++) {
                double[] start = {lo[0] + (i + 0.5) * box.width(0) / grid, lo[1] + (j + 0.5) * box.width(1) / grid};
                boolean near = all.stream().anyMatch(p -> OrbitTracer.distance(p, start) <= stopRadius);
                if (!near) {
                    trajectories.add(tracer.trace(forward, start, all, stopRadius, timeCap));
                }
                progress.progress(++done[0], total);
            }
        }
        return new PhasePortrait(field.variables(), box, equilibria, manifolds, trajectories);
    }

    private static int branches(int dimension) {
        return dimension == 1 ? 2 : dimension == 2 ? RING : 0;
    }

    // smallest |λ| among the positive / negative eigenvalues: sets the time the orbit needs to leave x̄
    private static double positive(Equilibrium e) {
        double m = Double.POSITIVE_INFINITY;
        for (double l : e.eigenvalues()) {
            if (l > 0) {
                m = Math.min(m, l);
            }
        }
        return m;
    }

    private static double negative(Equilibrium e) {
        double m = Double.POSITIVE_INFINITY;
        for (double l : e.eigenvalues()) {
            if (l < 0) {
                m = Math.min(m, -l);
            }
        }
        return m;
    }

    private static List<Curve> manifold(OrbitTracer tracer, GradientFlow flow, Equilibrium e, List<double[]> directions,
                                        double rate, double epsilon, List<double[]> others, double stopRadius,
                                        double timeCap, ProgressListener progress, long[] done, long total) {
        List<double[]> starts = new ArrayList<>();
        double[] x = e.point();
        if (directions.size() == 1) {
            for (int sign = 1; sign >= -1; sign -= 2) {
                starts.add(offset(x, directions.get(0), sign * epsilon, null, 0));
            }
        } else if (directions.size() == 2) {
            for (int k = 0; k < RING; k++) {
                double theta = 2 * Math.PI * k / RING;
                starts.add(offset(x, directions.get(0), epsilon * Math.cos(theta), directions.get(1),
                        epsilon * Math.sin(theta)));
            }
        }
        double cap = Math.max(timeCap, 40 / rate);
        List<Curve> curves = new ArrayList<>();
        for (double[] s : starts) {
            Curve c = tracer.trace(flow, s, others, stopRadius, cap);
            double[][] p = c.points();
            // the curve begins at the saddle itself, so that branches join there in a figure
            double[][] withSaddle = new double[p.length + 1][];
            withSaddle[0] = x;
            System.arraycopy(p, 0, withSaddle, 1, p.length);
            curves.add(new Curve(withSaddle, c.end()));
            progress.progress(++done[0], total);
        }
        return curves;
    }

    private static double[] offset(double[] x, double[] u, double a, double[] v, double b) {
        double[] p = x.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] += a * u[i] + (v == null ? 0 : b * v[i]);
        }
        return p;
    }
}
