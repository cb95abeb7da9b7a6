package org.fallline.core.linear;

/** Flat-array vector kernels shared by the solvers. */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** r = b − A x; {@code work} is scratch of length n for operators that are not CSR matrices. */
    static void residual(LinearOperator a, double[] b, double[] x, double[] r, double[] work) {
        if (a instanceof CsrMatrix c) {
            c.residual(b, x, r);
            return;
        }
        a.apply(x, work);
        for (int i = 0; i < r.length; i++) {
            r[i] = b[i] - work[i];
        }
    }
}
