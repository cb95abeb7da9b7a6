package org.fallline.core.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What conjugate gradients needs of every preconditioner M⁻¹: symmetric (sᵀM⁻¹r = rᵀM⁻¹s), positive
 * (rᵀM⁻¹r &gt; 0), and — for the ones that are not the identity — fewer CG iterations than plain CG.
 */
class PreconditionerContractTest {

    private static final int N = 31;

    private static Map<String, Preconditioner> preconditioners(CsrMatrix a) {
        Map<String, Preconditioner> all = new LinkedHashMap<>();
        all.put("Jacobi", JacobiPreconditioner.of(a));
        all.put("IC(0)", IncompleteCholesky.of(a));
        all.put("multigrid V(2,2)", Multigrid.galerkin(a, GridShape.of(N, N)));
        all.put("multigrid V(1,1)", Multigrid.galerkin(a, GridShape.of(N, N)).withSweeps(1));
        all.put("multigrid family member", MultigridFamily.galerkin(CsrMatrix.identity(N * N), a, GridShape.of(N, N))
                .at(1.0));
        all.put("sparse Cholesky", SparseCholesky.of(a));
        return all;
    }

    private static double[] random(Random rnd) {
        double[] v = new double[N * N];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    @Test
    void everyPreconditionerIsSymmetricPositiveAndHelps() {
        // A variable coefficient keeps Jacobi from being a mere scaling of the identity.
        CsrMatrix a = Stencils.diffusion2d(N, (x, y) -> 1 + 20 * x * x);
        double[] b = random(new Random(4));
        int plain = ConjugateGradientSolver.withTolerance(1e-8).solve(a, b, new double[N * N],
                Preconditioner.identity()).iterations();
        Map<String, Preconditioner> all = preconditioners(a);
        all.put("identity", Preconditioner.identity());
        for (Map.Entry<String, Preconditioner> entry : all.entrySet()) {
            String name = entry.getKey();
            Preconditioner m = entry.getValue();
            Random rnd = new Random(7);
            for (int trial = 0; trial < 5; trial++) {
                double[] r = random(rnd);
                double[] s = random(rnd);
                double[] mr = new double[r.length];
                double[] ms = new double[r.length];
                m.apply(r, mr);
                m.apply(s, ms);
                double sMr = Vectors.dot(s, mr);
                double rMs = Vectors.dot(r, ms);
                double scale = Vectors.norm(r) * Vectors.norm(ms) + Vectors.norm(s) * Vectors.norm(mr);
                assertEquals(sMr, rMs, 1e-12 * scale, name + " is not symmetric");
                assertTrue(Vectors.dot(r, mr) > 0, name + " is not positive");
            }
            if (!name.equals("identity")) {
                // The family member preconditions I + A, not A: still SPD, and spectrally close enough to help.
                int its = ConjugateGradientSolver.withTolerance(1e-8).solve(a, b, new double[N * N], m).iterations();
                assertTrue(its < plain, name + ": " + its + " iterations against " + plain + " for plain CG");
            }
        }
    }
}
