package org.fallline.core.internal;

/** Small dense vector helpers shared by the descent methods and the equilibrium finder. */
public final class Vectors {

    private Vectors() {
    }

    /** Euclidean norm, scaled to avoid overflow. */
    public static double norm(double[] v) {
        double scale = 0;
        for (double a : v) {
            scale = Math.max(scale, Math.abs(a));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double a : v) {
            double t = a / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    /** uᵀv. */
    public static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /** −v in a new array. */
    public static double[] negate(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -v[i];
        }
        return r;
    }

    /** ‖u − v‖. */
    public static double distance(double[] u, double[] v) {
        double[] d = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            d[i] = u[i] - v[i];
        }
        return norm(d);
    }

    /** A v. */
    public static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dot(a[i], v);
        }
        return out;
    }

    /** True when every entry is finite. */
    public static boolean finite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }

    /** Deep copy of a matrix. */
    public static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
