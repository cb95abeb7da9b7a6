package org.fallline.core.internal;

import org.fallline.core.CoreException;
import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;

/**
 * One damped Newton (Levenberg–Marquardt) run on ∇V = 0 inside a box, then Newton polishing: the
 * iteration described in {@link org.fallline.core.equilibrium.EquilibriumFinder}. A successful run leaves in
 * {@link #point()} a finite point of the box with |∇V(x)| ≤ the tolerance.
 *
 * <p>Reference: J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006, §11.2.
 */
public final class CriticalPointNewton {
    private final ScalarField f;
    private final Box box;
    private final int n;
    private final double gradientTolerance;
    private final int maxIterations;
    private double[] x;
    private double[] g;
    private double[][] h;
    private double gradientNorm;

    /** A run on f in the box that stops when |∇V| ≤ gradientTolerance or after maxIterations steps. */
    public CriticalPointNewton(ScalarField f, Box box, double gradientTolerance, int maxIterations) {
        this.f = f;
        this.box = box;
        this.n = f.dimension();
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /** The last iterate (a copy); after a successful {@link #solve} a critical point. */
    public double[] point() {
        return x.clone();
    }

    /** |∇V| at {@link #point()}. */
    public double gradientNorm() {
        return gradientNorm;
    }

    /** Runs from the start; true when it reached |∇V| ≤ the tolerance at a finite point of the box. */
    public boolean solve(double[] start) {
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
