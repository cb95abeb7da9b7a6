package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Poisson problems solved by every solver: the discrete solution of a manufactured problem (u chosen, f = A u
 * computed exactly) recovered to rounding, and second-order convergence of the 5-point solution to a smooth
 * exact solution of −Δu = f.
 */
class PoissonTest {

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** u(x, y) = sin(3x) e^y + x²y on the interior nodes. */
    private static double[] manufactured(int n) {
        double h = 1.0 / (n + 1);
        double[] u = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = (i + 1) * h;
                double y = (j + 1) * h;
                u[i + n * j] = Math.sin(3 * x) * Math.exp(y) + x * x * y;
            }
        }
        return u;
    }

    private static void assertRecovers(CsrMatrix a, double[] u, Function<double[], double[]> solver, String name) {
        double[] f = new double[u.length];
        a.multiply(u, f);
        double[] x = solver.apply(f);
        double err = maxDiff(u, x) / maxAbs(u);
        assertTrue(err < 1e-10, name + ": relative error " + err);
    }

    @Test
    void manufacturedDiscreteSolutionsAreRecovered() {
        int n = 63;
        for (CsrMatrix a : new CsrMatrix[] {Stencils.laplacian2d(n),
                Stencils.diffusion2d(n, (x, y) -> 1 + 0.5 * Math.sin(4 * x) * Math.cos(3 * y))}) {
            double[] u = manufactured(n);
            ConjugateGradientSolver cg = ConjugateGradientSolver.withTolerance(1e-13);
            Multigrid mg = Multigrid.galerkin(a, GridShape.of(n, n));
            assertRecovers(a, u, f -> {
                double[] x = new double[f.length];
                cg.solve(a, f, x, mg);
                return x;
            }, "MG-CG");
            assertRecovers(a, u, f -> {
                double[] x = new double[f.length];
                cg.solve(a, f, x, IncompleteCholesky.of(a));
                return x;
            }, "IC-CG");
            assertRecovers(a, u, f -> {
                double[] x = new double[f.length];
                cg.solve(a, f, x, JacobiPreconditioner.of(a));
                return x;
            }, "Jacobi-CG");
            assertRecovers(a, u, f -> {
                double[] x = new double[f.length];
                mg.solve(f, x, 1e-13, 50);
                return x;
            }, "MG");
        }
    }

    @Test
    void manufacturedSolutionsIn1dAnd3d() {
        int n = 200;
        CsrMatrix a1 = Stencils.laplacian1d(n);
        double[] u1 = new double[n];
        for (int i = 0; i < n; i++) {
            u1[i] = Math.cos(7.0 * i / n) + i;
        }
        assertRecovers(a1, u1, f -> {
            double[] x = new double[n];
            Multigrid.galerkin(a1, GridShape.of(n)).solve(f, x, 1e-14, 60);
            return x;
        }, "MG 1-D");
        int m = 20;
        CsrMatrix a3 = Stencils.laplacian3d(m);
        double[] u3 = new double[m * m * m];
        for (int i = 0; i < u3.length; i++) {
            u3[i] = Math.sin(0.01 * i) + 1;
        }
        assertRecovers(a3, u3, f -> {
            double[] x = new double[f.length];
            ConjugateGradientSolver.withTolerance(1e-13).solve(a3, f, x, Multigrid.galerkin(a3, GridShape.of(m, m, m)));
            return x;
        }, "MG-CG 3-D");
    }

    /**
     * −Δu = f on the unit square with u = sin(πx) sin(2πy) e^{x}: the max nodal error of the 5-point solution
     * falls by 4 when h halves (observed order 2 ± 0.1).
     */
    @Test
    void fivePointSolutionConvergesAtSecondOrder() {
        double previous = Double.NaN;
        for (int n : new int[] {15, 31, 63, 127}) {
            double h = 1.0 / (n + 1);
            double[] f = new double[n * n];
            double[] exact = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double x = (i + 1) * h;
                    double y = (j + 1) * h;
                    double s = Math.sin(Math.PI * x);
                    double c = Math.cos(Math.PI * x);
                    double t = Math.sin(2 * Math.PI * y);
                    double e = Math.exp(x);
                    exact[i + n * j] = s * t * e;
                    // Δ(s t e) = t (s'' e + 2 s' e + s e) + s e t'' = t e (−π² s + 2π c + s) − 4π² s t e.
                    f[i + n * j] = -(t * e * (-Math.PI * Math.PI * s + 2 * Math.PI * c + s) - 4 * Math.PI * Math.PI * s * t * e);
                }
            }
            CsrMatrix a = Stencils.laplacian2d(n);
            double[] u = new double[n * n];
            ConjugateGradientSolver.withTolerance(1e-12).solve(a, f, u, Multigrid.galerkin(a, GridShape.of(n, n)));
            double err = maxDiff(u, exact);
            if (!Double.isNaN(previous)) {
                double order = Math.log(previous / err) / Math.log(2);
                assertTrue(Math.abs(order - 2) < 0.1, "n = " + n + ": observed order " + order);
            }
            previous = err;
        }
    }
}
