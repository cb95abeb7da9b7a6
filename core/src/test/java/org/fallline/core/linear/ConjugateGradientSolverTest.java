package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.fallline.core.CoreException;
import org.junit.jupiter.api.Test;

class ConjugateGradientSolverTest {

    /** Q diag(λ) Qᵀ with Q orthogonal (QR of a Gaussian matrix) and the given eigenvalues, as CSR. */
    static CsrMatrix withEigenvalues(Random rnd, double[] lambda) {
        int n = lambda.length;
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g)).getQ();
        CsrMatrix.Builder b = CsrMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q.getEntry(i, k) * lambda[k] * q.getEntry(j, k);
                }
                b.add(i, j, s);
            }
        }
        return b.build();
    }

    private static double[] random(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    /**
     * Exact arithmetic ends CG in n steps. Rounding preserves that when the spectrum is evenly spread (here
     * λᵢ linear in i); for spectra with isolated small eigenvalues it is known to delay convergence (Greenbaum,
     * <i>Iterative Methods for Solving Linear Systems</i>, SIAM 1997, §4), which is why the spectrum is fixed.
     */
    @Test
    void atMostNStepsOnSmallSpdSystems() {
        Random rnd = new Random(21);
        for (double kappa : new double[] {10.0, 100.0, 1000.0}) {
            for (int n : new int[] {1, 2, 5, 20, 50}) {
                double[] lambda = new double[n];
                for (int i = 0; i < n; i++) {
                    lambda[i] = n == 1 ? 1.0 : 1 + (kappa - 1) * i / (n - 1);
                }
                CsrMatrix a = withEigenvalues(rnd, lambda);
                double[] b = random(rnd, n);
                double[] x = new double[n];
                // Tolerance relative to the conditioning: rounding in n steps loses about κ·ε.
                LinearSolveResult r = ConjugateGradientSolver.withTolerance(1e-13 * kappa)
                        .solve(a, b, x, Preconditioner.identity());
                assertTrue(r.iterations() <= n, "κ = " + kappa + ", n = " + n + ": " + r.iterations() + " iterations");
                double[] exact = new LUDecomposition(new Array2DRowRealMatrix(a.toDense())).getSolver()
                        .solve(new ArrayRealVector(b)).toArray();
                assertArrayEquals(exact, x, 1e-12 * kappa * kappa);
            }
        }
    }

    @Test
    void asManyStepsAsDistinctEigenvalues() {
        // Krylov space of dimension 3 holds A⁻¹b when A has 3 distinct eigenvalues (Saad, §6.11.3).
        Random rnd = new Random(2);
        double[] lambda = new double[40];
        for (int i = 0; i < 40; i++) {
            lambda[i] = new double[] {1.0, 4.0, 9.0}[i % 3];
        }
        CsrMatrix a = withEigenvalues(rnd, lambda);
        LinearSolveResult r = ConjugateGradientSolver.withTolerance(1e-10)
                .solve(a, random(rnd, 40), new double[40], Preconditioner.identity());
        assertEquals(3, r.iterations());
        assertTrue(r.converged() && r.relativeResidual() <= 1e-10);
    }

    @Test
    void zeroRightHandSideGivesZero() {
        double[] x = {1, 2, 3};
        LinearSolveResult r = ConjugateGradientSolver.withTolerance(1e-8)
                .solve(Stencils.laplacian1d(3), new double[3], x, Preconditioner.identity());
        assertArrayEquals(new double[3], x);
        assertEquals(0, r.iterations());
    }

    @Test
    void indefiniteOperatorIsReported() {
        CsrMatrix a = CsrMatrix.builder(2, 2).add(0, 0, 1.0).add(1, 1, -1.0).build();
        CoreException e = assertThrows(CoreException.class, () -> ConjugateGradientSolver.withTolerance(1e-10)
                .solve(a, new double[] {0.0, 1.0}, new double[2], Preconditioner.identity()));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
        assertEquals(CoreException.Kind.NUMERICAL, e.kind());
        CoreException m = assertThrows(CoreException.class, () -> ConjugateGradientSolver.withTolerance(1e-10)
                .solve(CsrMatrix.identity(2), new double[] {1.0, 1.0}, new double[2], (r, z) -> {
                    z[0] = -r[0];
                    z[1] = -r[1];
                }));
        assertTrue(m.getMessage().contains("preconditioner is not positive definite"), m.getMessage());
    }

    @Test
    void noConvergenceIsReported() {
        CsrMatrix a = Stencils.laplacian2d(30);
        double[] b = new double[900];
        java.util.Arrays.fill(b, 1.0);
        ConjugateGradientSolver cg = ConjugateGradientSolver.withTolerance(1e-10).withMaxIterations(5);
        CoreException e = assertThrows(CoreException.class,
                () -> cg.solve(a, b, new double[900], Preconditioner.identity()));
        assertTrue(e.getMessage().startsWith("conjugate gradients did not converge in 5 iterations"), e.getMessage());
        assertEquals(CoreException.Kind.NUMERICAL, e.kind());
        LinearSolveResult partial = cg.iterate(a, b, new double[900], Preconditioner.identity());
        assertFalse(partial.converged());
        assertEquals(5, partial.iterations());
        double[] nan = b.clone();
        nan[7] = Double.NaN;
        assertThrows(CoreException.class, () -> cg.solve(a, nan, new double[900], Preconditioner.identity()));
    }
}
