package org.fallline.core.equilibrium;

import org.fallline.core.CoreException;
import org.fallline.core.ProgressListener;
import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.fallline.core.internal.SymmetricEigen;
import org.fallline.core.internal.Vectors;

/**
 * Finds the critical points of V in a box, ∇V(x) = 0 — minima, maxima, saddles and degenerate points
 * alike — and classifies each by {@link Equilibrium#classify}.
 *
 * <p>Method: multi-start Newton on the system ∇V(x) = 0. The starts are the box centre followed by a
 * Sobol sequence in the box, shifted by a random vector drawn from the seed (Cranley–Patterson
 * rotation), so that a seed fixes the result. Each start is globalised as a Levenberg–Marquardt
 * iteration on the residual φ(x) = ½|∇V(x)|² with Jacobian H = ∇²V(x): the step
 * δ = −(H² + μI)⁻¹H∇V (computed in the eigenbasis of H) is projected onto the box and accepted only if
 * φ decreases, μ shrinking after a success (towards the pure Newton step δ = −H⁻¹∇V) and growing after
 * a failure. Because it drives ∇V to zero rather than decreasing V, it converges to saddles and maxima
 * as readily as to minima. A start that reaches |∇V| ≤ tolerance is then polished by Newton steps
 * (pseudo-inverse of H) while |∇V| keeps decreasing, which also brings degenerate critical points
 * (where Newton converges only linearly) close to the exact point. Points within
 * mergeTolerance·(hiᵢ − loᵢ) in every coordinate are merged, keeping the one with the smaller residual.
 * The list is sorted by V (compared to 1e-9 relative) and then by the coordinates (to 1e-9 of the box width).
 *
 * <p>References: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006,
 * §11.2 (Levenberg–Marquardt for nonlinear equations); P. Bratley and B. L. Fox, Algorithm 659:
 * implementing Sobol's quasirandom sequence generator, ACM TOMS 14 (1988) 88–100.
 */
public final class EquilibriumFinder {

    private static final double SORT_RESOLUTION = 1e-9;

    private final int starts;
    private final double gradientTolerance;
    private final long seed;
    private final int maxIterations;
    private final double classificationTolerance;
    private final double mergeTolerance;

    private EquilibriumFinder(Builder b) {
        this.starts = b.starts;
        this.gradientTolerance = b.gradientTolerance;
        this.seed = b.seed;
        this.maxIterations = b.maxIterations;
        this.classificationTolerance = b.classificationTolerance;
        this.mergeTolerance = b.mergeTolerance;
    }

    /** A finder with the default options (see {@link Builder}). */
    public EquilibriumFinder() {
        this(new Builder());
    }

    /** Options, each with a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of starting points. */
    public int starts() {
        return starts;
    }

    /** A point counts as critical when |∇V| ≤ this. */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /** Seed of the shift of the Sobol starts. */
    public long seed() {
        return seed;
    }

    /** Maximal number of Newton (Levenberg–Marquardt) iterations per start. */
    public int maxIterations() {
        return maxIterations;
    }

    /** Relative threshold for a zero Hessian eigenvalue (see {@link Equilibrium#classify}). */
    public double classificationTolerance() {
        return classificationTolerance;
    }

    /** Relative distance (fraction of the box width per coordinate) under which two points are one. */
    public double mergeTolerance() {
        return mergeTolerance;
    }

    /** {@link #find(ScalarField, Box, ProgressListener)} without progress reports. */
    public List<Equilibrium> find(ScalarField f, Box box) {
        return find(f, box, ProgressListener.NONE);
    }

    /**
     * The distinct critical points of f found in the box, classified and sorted by value then coordinates.
     * An empty list means that no start converged (for instance V = eˣ has none).
     *
     * @param progress told after every start (done, starts)
     * @throws CoreException if the box dimension differs from the field's
     */
    public List<Equilibrium> find(ScalarField f, Box box, ProgressListener progress) {
        int n = f.dimension();
        if (box.dimension() != n) {
            throw new CoreException("box has " + box.dimension() + " coordinates, the field has " + n + " "
                    + f.variables());
        }
        List<double[]> startPoints = startPoints(box);
        List<double[]> roots = new ArrayList<>();
        List<Double> residuals = new ArrayList<>();
        long done = 0;
        for (double[] start : startPoints) {
            Newton run = new Newton(f, box);
            if (run.solve(start)) {
                merge(roots, residuals, run.x, run.gradientNorm, box);
            }
            progress.progress(++done, startPoints.size());
        }
        List<Equilibrium> result = new ArrayList<>();
        for (double[] root : roots) {
            result.add(Equilibrium.classify(f, root, classificationTolerance));
        }
        double scale = 1.0;
        for (Equilibrium e : result) {
            scale = Math.max(scale, Math.abs(e.value()));
        }
        double resolution = SORT_RESOLUTION * scale;
        Comparator<Equilibrium> byValue = Comparator.comparingDouble(e -> Math.rint(e.value() / resolution) + 0.0); // + 0.0 turns −0 into 0
        result.sort(byValue.thenComparing(Equilibrium::point, (p, q) -> lexicographic(p, q, box)));
        return List.copyOf(result);
    }

    /** Coordinates compared on a grid of 1e-9 box widths, so that rounding noise does not decide the order. */
    private static int lexicographic(double[] p, double[] q, Box box) {
        for (int i = 0; i < p.length; i++) {
            double cell = SORT_RESOLUTION * box.width(i);
            int c = Double.compare(Math.rint(p[i] / cell) + 0.0, Math.rint(q[i] / cell) + 0.0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private void merge(List<double[]> roots, List<Double> residuals, double[] x, double residual, Box box) {
        for (int r = 0; r < roots.size(); r++) {
            double[] y = roots.get(r);
            boolean same = true;
            for (int i = 0; i < x.length && same; i++) {
                same = Math.abs(x[i] - y[i]) <= mergeTolerance * box.width(i);
            }
            if (same) {
                if (residual < residuals.get(r)) {
                    roots.set(r, x);
                    residuals.set(r, residual);
                }
                return;
            }
        }
        roots.add(x);
        residuals.add(residual);
    }

    /** The box centre, then Sobol points shifted modulo 1 by a seeded random vector. */
    private List<double[]> startPoints(Box box) {
        int n = box.dimension();
        List<double[]> points = new ArrayList<>(starts);
        double[] centre = new double[n];
        java.util.Arrays.fill(centre, 0.5);
        points.add(box.fromUnitCube(centre));
        if (starts == 1) {
            return points;
        }
        if (n > 1000) {
            throw new CoreException("equilibrium search supports at most 1000 variables, got " + n);
        }
        Well19937c random = new Well19937c(seed);
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            shift[i] = random.nextDouble();
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(n);
        sobol.nextVector(); // the first Sobol point is the corner 0, which the shift would make arbitrary
        while (points.size() < starts) {
            double[] u = sobol.nextVector();
            for (int i = 0; i < n; i++) {
                u[i] += shift[i];
                if (u[i] >= 1) {
                    u[i] -= 1;
                }
            }
            points.add(box.fromUnitCube(u));
        }
        return points;
    }

    /** One damped Newton (Levenberg–Marquardt) run on ∇V = 0 inside the box. */
    private final class Newton {
        private final ScalarField f;
        private final Box box;
        private final int n;
        double[] x;
        private double[] g;
        private double[][] h;
        double gradientNorm;

        Newton(ScalarField f, Box box) {
            this.f = f;
            this.box = box;
            this.n = f.dimension();
        }

        boolean solve(double[] start) {
            x = start.clone();
            g = new double[n];
            h = new double[n][n];
            if (!evaluate(x, g, h)) {
                return false;
            }
            gradientNorm = Vectors.norm(g);
            double mu = 0;
            int iterations = 0;
            while (gradientNorm > gradientTolerance) {
                if (iterations++ >= maxIterations) {
                    return false;
                }
                SymmetricEigen eig = SymmetricEigen.of(h);
                double curvature = Math.max(eig.spectralRadius() * eig.spectralRadius(), Double.MIN_NORMAL);
                boolean accepted = false;
                // Increase μ until the projected step reduces |∇V|; μ beyond 1e20·max λ² means the step
                // has shrunk to nothing and this start is stuck at a non-zero local minimum of |∇V|.
                while (!accepted && mu <= 1e20 * curvature) {
                    final double m = mu;
                    double[] step = eig.apply(l -> l * l + m == 0 ? 0.0 : -l / (l * l + m), g);
                    double[] trial = trialPoint(step);
                    double[] gt = new double[n];
                    double[][] ht = new double[n][n];
                    if (trial != null && evaluate(trial, gt, ht) && Vectors.norm(gt) < gradientNorm) {
                        x = trial;
                        g = gt;
                        h = ht;
                        gradientNorm = Vectors.norm(gt);
                        accepted = true;
                        mu = mu <= 1e-12 * curvature ? 0 : mu / 10;
                    } else {
                        mu = Math.max(10 * mu, 1e-8 * curvature);
                    }
                }
                if (!accepted) {
                    return false;
                }
            }
            polish();
            // Every trial point was projected onto the box and checked finite; a root handed on must be both.
            return Vectors.finite(x) && box.contains(x) && gradientNorm <= gradientTolerance;
        }

        /**
         * Newton steps with the pseudo-inverse of H while |∇V| decreases. Each trial point is projected onto the
         * box and refused when it or V, ∇V, ∇²V there is not finite, so x stays a finite point of the box.
         */
        private void polish() {
            for (int k = 0; k < maxIterations && gradientNorm > 0; k++) {
                SymmetricEigen eig = SymmetricEigen.of(h);
                double cut = 1e-14 * eig.spectralRadius();
                double[] step = eig.apply(l -> Math.abs(l) <= cut ? 0.0 : -1.0 / l, g);
                double[] trial = trialPoint(step);
                double[] gt = new double[n];
                double[][] ht = new double[n][n];
                if (trial == null || !evaluate(trial, gt, ht) || !(Vectors.norm(gt) < gradientNorm)) {
                    return;
                }
                x = trial;
                g = gt;
                h = ht;
                gradientNorm = Vectors.norm(gt);
            }
        }

        /** x + step projected onto the box, or null when it does not move. */
        private double[] trialPoint(double[] step) {
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = x[i] + step[i];
            }
            t = box.project(t);
            return java.util.Arrays.equals(t, x) || !Vectors.finite(t) ? null : t;
        }

        /** Fills g and h at p; false when V, ∇V or ∇²V is not finite there (outside the field's domain). */
        private boolean evaluate(double[] p, double[] gOut, double[][] hOut) {
            double v;
            try {
                v = f.hessian(p, gOut, hOut);
            } catch (CoreException outsideDomain) {
                // A field may refuse a point outside its domain; the step is rejected like a non-finite value.
                return false;
            }
            if (!Double.isFinite(v) || !Vectors.finite(gOut)) {
                return false;
            }
            for (double[] row : hOut) {
                if (!Vectors.finite(row)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Options of an {@link EquilibriumFinder}. */
    public static final class Builder {
        private int starts = 64;
        private double gradientTolerance = 1e-10;
        private long seed = 1L;
        private int maxIterations = 100;
        private double classificationTolerance = 1e-8;
        private double mergeTolerance = 1e-6;

        private Builder() {
        }

        /** Number of starting points, ≥ 1 (default 64). */
        public Builder starts(int value) {
            if (value < 1) {
                throw new CoreException("starts must be >= 1, got " + value);
            }
            starts = value;
            return this;
        }

        /** A point counts as critical when |∇V| ≤ this, finite and &gt; 0 (default 1e-10). */
        public Builder gradientTolerance(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new CoreException("gradient tolerance must be finite and > 0, got " + value);
            }
            gradientTolerance = value;
            return this;
        }

        /** Seed of the shift of the Sobol starts (default 1). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Newton iterations per start, ≥ 1 (default 100). */
        public Builder maxIterations(int value) {
            if (value < 1) {
                throw new CoreException("max Newton iterations must be >= 1, got " + value);
            }
            maxIterations = value;
            return this;
        }

        /** Relative threshold for a zero Hessian eigenvalue, finite and ≥ 0 (default 1e-8). */
        public Builder classificationTolerance(double value) {
            if (!(value >= 0) || !Double.isFinite(value)) {
                throw new CoreException("classification tolerance must be finite and >= 0, got " + value);
            }
            classificationTolerance = value;
            return this;
        }

        /** Points closer than this fraction of the box width in every coordinate are merged, in (0, 1) (default 1e-6). */
        public Builder mergeTolerance(double value) {
            if (!(value > 0 && value < 1)) {
                throw new CoreException("merge tolerance must be in (0, 1), got " + value);
            }
            mergeTolerance = value;
            return this;
        }

        public EquilibriumFinder build() {
            return new EquilibriumFinder(this);
        }
    }
}
