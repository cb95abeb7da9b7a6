package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.physics.PhysicsException;
import org.junit.jupiter.api.Test;

/**
 * The Radau IIA method of order 5 against its mathematics: the transformation of its stage system
 * (T Λ T⁻¹ = A⁻¹, with A's row sums the nodes), the complex stage solve against a direct product,
 * one step on a discrete sine mode against the (2, 3) Padé approximant of e^z, and the default
 * accuracy rule (time error below the spatial error of the grid) against the exact-in-time solution.
 * Its time order 5 is measured in {@link HeatConvergenceTest}, with every boundary kind.
 */
class RadauStepperTest {

    @Test
    void theRealTransformDiagonalisesTheInverseButcherMatrix() {
        RadauIIA r = new RadauIIA();
        double[][] lambda = {{r.gamma, 0, 0}, {0, r.alpha, r.beta}, {0, -r.beta, r.alpha}};
        double[][] product = multiply(multiply(r.t, lambda), r.tInverse);
        double[][] a = RadauIIA.A;
        // A·(T Λ T⁻¹) = I
        double[][] identity = multiply(a, product);
        for (int i = 0; i < 3; i++) {
            assertEquals(a[i][0] + a[i][1] + a[i][2], RadauIIA.C[i], 1e-15, "row sum " + i);
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 1 : 0, identity[i][j], 1e-13, "A·A⁻¹ at " + i + "," + j);
            }
        }
        // the eigenvalues of A in closed form (the roots of its characteristic cubic, as in Hairer and Wanner's
        // RADAU5): u = (6 + ∛81 − ∛9)/30 and a ± ib = (12 − ∛81 + ∛9)/60 ± i(∛81 + ∛9)√3/60; A⁻¹ has their reciprocals
        double c81 = Math.cbrt(81);
        double c9 = Math.cbrt(9);
        double u = (6 + c81 - c9) / 30;
        double re = (12 - c81 + c9) / 60;
        double im = (c81 + c9) * Math.sqrt(3) / 60;
        double norm = re * re + im * im;
        assertEquals(1 / u, r.gamma, 1e-13);
        assertEquals(re / norm, r.alpha, 1e-13);
        assertEquals(im / norm, Math.abs(r.beta), 1e-13);
    }

    @Test
    void theComplexStageSolveInvertsTheShiftedMatrix() {
        for (BoundaryCondition bc : new BoundaryCondition[] {BoundaryCondition.dirichlet(), BoundaryCondition.neumann(),
            BoundaryCondition.robin(1, 2, null), BoundaryCondition.periodic()}) {
            HeatProblem p = HeatProblem.builder().n(9).decay(0.4).boundary(bc).initial(SpaceTimeFunction.constant(0))
                    .build();
            AxisOperator ax = new HeatOperator(p).axes[0];
            double sr = 3.1;
            double si = -7.3;
            ComplexTridiagonal f = new ComplexTridiagonal(ax, 0.4, sr, si);
            int m = ax.m;
            double[] re = new double[m];
            double[] im = new double[m];
            for (int i = 0; i < m; i++) {
                re[i] = Math.sin(i + 1.0);
                im[i] = Math.cos(2.0 * i);
            }
            double[] xr = re.clone();
            double[] xi = im.clone();
            f.solve(xr, xi);
            // (σ + K)x recomputed row by row
            for (int i = 0; i < m; i++) {
                int lo = i == 0 ? (ax.periodic ? m - 1 : -1) : i - 1;
                int hi = i == m - 1 ? (ax.periodic ? 0 : -1) : i + 1;
                double d = ax.diag[i] + 0.4;
                double yr = (sr + d) * xr[i] - si * xi[i];
                double yi = (sr + d) * xi[i] + si * xr[i];
                if (lo >= 0) {
                    yr += ax.sub[i] * xr[lo];
                    yi += ax.sub[i] * xi[lo];
                }
                if (hi >= 0) {
                    yr += ax.sup[i] * xr[hi];
                    yi += ax.sup[i] * xi[hi];
                }
                assertEquals(re[i], yr, 1e-11 * (1 + Math.abs(ax.diag[i])), bc.kind() + " real part, row " + i);
                assertEquals(im[i], yi, 1e-11 * (1 + Math.abs(ax.diag[i])), bc.kind() + " imaginary part, row " + i);
            }
        }
    }

    @Test
    void oneStepOnASineModeIsThePadeApproximant() {
        // a discrete sine mode is an eigenvector of K: one step multiplies it by R(−hμ)
        int n = 31;
        double h = 0.02;
        HeatProblem p = HeatProblem.builder().n(n).tEnd(h).decay(0.5)
                .initial(SpaceTimeFunction.ofSpace(x -> Math.sin(3 * Math.PI * x[0]))).build();
        double[] u = HeatSolver.solve(HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("radau5").withDt(h)
                .withSamples(2)), HeatObserver.none()).finalState();
        double grid = 1.0 / (n + 1);
        double mu = 4 / (grid * grid) * Math.pow(Math.sin(3 * Math.PI * grid / 2), 2) + 0.5;
        double z = -h * mu;
        double pade = (1 + 2 * z / 5 + z * z / 20) / (1 - 3 * z / 5 + 3 * z * z / 20 - z * z * z / 60);
        for (int i = 0; i < n; i++) {
            assertEquals(pade * Math.sin(3 * Math.PI * (i + 1) * grid), u[i], 1e-14);
        }
    }

    @Test
    void theDefaultAccuracyKeepsTheTimeErrorBelowTheSpatialError() {
        SpaceTimeFunction u0 = SpaceTimeFunction.ofSpace(x -> Math.sin(Math.PI * x[0]) + 0.5 * Math.sin(3 * Math.PI * x[0]));
        SpaceTimeFunction exact = (x, t) -> Math.exp(-Math.PI * Math.PI * t) * Math.sin(Math.PI * x[0])
                + 0.5 * Math.exp(-9 * Math.PI * Math.PI * t) * Math.sin(3 * Math.PI * x[0]);
        for (int n : new int[] {100, 1000, 4000}) {
            HeatProblem p = HeatProblem.builder().n(n).tEnd(0.1).initial(u0).build();
            HeatOptions o = HeatOptions.DEFAULT.withSamples(2).withExact(exact);
            HeatSolution spectral = HeatSolver.solve(HeatSolver.plan(p, o.withMethod("spectral")), HeatObserver.none());
            HeatSolution radau = HeatSolver.solve(HeatSolver.plan(p, o.withMethod("radau5")), HeatObserver.none());
            double timeError = 0;
            for (int i = 0; i < n; i++) {
                timeError = Math.max(timeError, Math.abs(radau.finalState()[i] - spectral.finalState()[i]));
            }
            double spatial = spectral.maxError();
            assertTrue(timeError < 0.5 * spatial, "n = " + n + ": time error " + timeError + ", spatial " + spatial);
            assertTrue(radau.maxError() < 2 * spatial, "n = " + n + ": error " + radau.maxError());
        }
    }

    @Test
    void itIsOneDimensional() {
        HeatProblem p = HeatProblem.builder().dimension(2).n(8).initial(SpaceTimeFunction.constant(0)).build();
        PhysicsException e = assertThrows(PhysicsException.class,
                () -> HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("radau5")));
        assertEquals(PhysicsException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("1-D") && e.getMessage().contains("tr-bdf2"), e.getMessage());
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }
}
