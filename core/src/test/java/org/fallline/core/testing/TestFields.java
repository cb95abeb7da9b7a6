package org.fallline.core.testing;

import org.fallline.core.field.ScalarField;

import java.util.List;

/** Hand-written two-variable fields with exact derivatives, for the tests. */
public final class TestFields {

    private TestFields() {
    }

    /** A field of (x, y) given by its value, gradient and Hessian formulas. */
    public abstract static class Planar implements ScalarField {
        @Override
        public List<String> variables() {
            return List.of("x", "y");
        }

        @Override
        public double value(double[] p) {
            return gradient(p, new double[2]);
        }

        @Override
        public double gradient(double[] p, double[] g) {
            return hessian(p, g, new double[2][2]);
        }
    }

    /** V = eˣ cos y − x − 1: harmonic, saddles at (0, 2πk), Hessian eigenvalues ±eˣ. */
    public static final class Saddle extends Planar {
        @Override
        public double hessian(double[] p, double[] g, double[][] h) {
            double e = Math.exp(p[0]);
            double c = Math.cos(p[1]);
            double s = Math.sin(p[1]);
            g[0] = e * c - 1;
            g[1] = -e * s;
            h[0][0] = e * c;
            h[0][1] = -e * s;
            h[1][0] = -e * s;
            h[1][1] = -e * c;
            return e * c - p[0] - 1;
        }
    }

    /** V = sign·(x² + y²). */
    public static final class Paraboloid extends Planar {
        private final double sign;

        public Paraboloid(double sign) {
            this.sign = sign;
        }

        @Override
        public double hessian(double[] p, double[] g, double[][] h) {
            g[0] = 2 * sign * p[0];
            g[1] = 2 * sign * p[1];
            h[0][0] = 2 * sign;
            h[0][1] = 0;
            h[1][0] = 0;
            h[1][1] = 2 * sign;
            return sign * (p[0] * p[0] + p[1] * p[1]);
        }
    }

    /** V = (x² − 1)² + (y² − 1)²: minima (±1, ±1), saddles (0, ±1), (±1, 0), maximum (0, 0). */
    public static final class DoubleWell extends Planar {
        @Override
        public double hessian(double[] p, double[] g, double[][] h) {
            double x = p[0];
            double y = p[1];
            g[0] = 4 * x * (x * x - 1);
            g[1] = 4 * y * (y * y - 1);
            h[0][0] = 12 * x * x - 4;
            h[0][1] = 0;
            h[1][0] = 0;
            h[1][1] = 12 * y * y - 4;
            return (x * x - 1) * (x * x - 1) + (y * y - 1) * (y * y - 1);
        }
    }

    /** V = sin x sin y. */
    public static final class SinSin extends Planar {
        @Override
        public double hessian(double[] p, double[] g, double[][] h) {
            double sx = Math.sin(p[0]);
            double cx = Math.cos(p[0]);
            double sy = Math.sin(p[1]);
            double cy = Math.cos(p[1]);
            g[0] = cx * sy;
            g[1] = sx * cy;
            h[0][0] = -sx * sy;
            h[0][1] = cx * cy;
            h[1][0] = cx * cy;
            h[1][1] = -sx * sy;
            return sx * sy;
        }
    }

    /** V = x⁴ + y²: a degenerate minimum at 0. */
    public static final class Quartic extends Planar {
        @Override
        public double hessian(double[] p, double[] g, double[][] h) {
            double x = p[0];
            double y = p[1];
            g[0] = 4 * x * x * x;
            g[1] = 2 * y;
            h[0][0] = 12 * x * x;
            h[0][1] = 0;
            h[1][0] = 0;
            h[1][1] = 2;
            return x * x * x * x + y * y;
        }
    }

    /** Rosenbrock V = (1 − x)² + 100(y − x²)²: a curved valley, minimum at (1, 1). */
    public static final class Rosenbrock extends Planar {
        @Override
        public double hessian(double[] p, double[] g, double[][] h) {
            double x = p[0];
            double y = p[1];
            double r = y - x * x;
            g[0] = -2 * (1 - x) - 400 * x * r;
            g[1] = 200 * r;
            h[0][0] = 2 - 400 * r + 800 * x * x;
            h[0][1] = -400 * x;
            h[1][0] = -400 * x;
            h[1][1] = 200;
            return (1 - x) * (1 - x) + 100 * r * r;
        }
    }
}
