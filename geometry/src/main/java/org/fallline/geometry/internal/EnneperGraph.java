package org.fallline.geometry.internal;

/**
 * Enneper's surface as a graph z(x, y): the Weierstrass map with f = 2, g = w is
 * P(w) = w̄ − w³/3, that is x = u − u³/3 + uv², y = −v − u²v + v³/3, z = u² − v²; P is injective on
 * |w| &lt; 1, so z(x, y) is found by Newton's method on the 2 × 2 system from (u, v) = (x, −y), and
 * ∇z from the chain rule Jᵀ∇z = (∂z/∂u, ∂z/∂v) with J = ∂(x, y)/∂(u, v). The area element is
 * (1 + |w|²)/(1 − |w|²).
 */
public final class EnneperGraph {

    private static final int MAX_ITERATIONS = 60;

    private EnneperGraph() {
    }

    /** The height z(x, y), NaN outside the image of |w| &lt; 1. */
    public static double height(double x, double y) {
        double[] w = invert(x, y);
        return w == null ? Double.NaN : w[0] * w[0] - w[1] * w[1];
    }

    /** Writes ∇z(x, y) into g (NaN outside the image of |w| &lt; 1). */
    public static void gradient(double x, double y, double[] g) {
        double[] w = invert(x, y);
        if (w == null) {
            g[0] = Double.NaN;
            g[1] = Double.NaN;
            return;
        }
        double u = w[0];
        double v = w[1];
        double xu = 1 - u * u + v * v;
        double xv = 2 * u * v;
        double yu = -2 * u * v;
        double yv = -1 - u * u + v * v;
        // [xu yu; xv yv] (gx, gy) = (2u, -2v)
        double det = xu * yv - yu * xv;
        g[0] = (2 * u * yv - yu * (-2 * v)) / det;
        g[1] = (xu * (-2 * v) - xv * 2 * u) / det;
    }

    /** Whether (x, y) is the image of a point with |w| &lt; 1. */
    public static boolean inside(double x, double y) {
        return invert(x, y) != null;
    }

    // the preimage (u, v) with |w| < 1, or null
    static double[] invert(double x, double y) {
        double u = x;
        double v = -y;
        for (int k = 0; k < MAX_ITERATIONS; k++) {
            double fx = u - u * u * u / 3 + u * v * v - x;
            double fy = -v - u * u * v + v * v * v / 3 - y;
            double xu = 1 - u * u + v * v;
            double xv = 2 * u * v;
            double yu = -2 * u * v;
            double yv = -1 - u * u + v * v;
            double det = xu * yv - xv * yu;
            double du = (fx * yv - xv * fy) / det;
            double dv = (xu * fy - yu * fx) / det;
            u -= du;
            v -= dv;
            if (!Double.isFinite(u) || !Double.isFinite(v)) {
                return null;
            }
            if (Math.abs(du) + Math.abs(dv) < 1e-15 * (1 + Math.abs(u) + Math.abs(v))) {
                break;
            }
        }
        double fx = u - u * u * u / 3 + u * v * v - x;
        double fy = -v - u * u * v + v * v * v / 3 - y;
        if (Math.abs(fx) + Math.abs(fy) > 1e-12 * (1 + Math.abs(x) + Math.abs(y)) || u * u + v * v >= 1) {
            return null;
        }
        return new double[] {u, v};
    }
}
