package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.physics.PhysicsException;
import org.junit.jupiter.api.Test;

/**
 * The invariants of the flow (energy never increases, total heat conserved under zero-flux Neumann
 * and periodic sides, max|u| never increases), the stiffness figures against their closed forms, and
 * the monitors firing on a deliberately unstable explicit run.
 */
class HeatInvariantsTest {

    private static final SpaceTimeFunction BUMP = SpaceTimeFunction.ofSpace(x -> {
        double r2 = 0;
        for (double c : x) {
            r2 += (c - 0.3) * (c - 0.3);
        }
        return Math.exp(-20 * r2);
    });

    @Test
    void totalHeatIsConservedUnderNeumannAndPeriodicSides() {
        for (int d = 1; d <= 3; d++) {
            for (BoundaryCondition bc : new BoundaryCondition[] {BoundaryCondition.neumann(), BoundaryCondition.periodic()}) {
                HeatProblem p = HeatProblem.builder().dimension(d).n(12).tEnd(0.2).boundary(bc).initial(BUMP).build();
                assertTrue(p.conservesHeat());
                for (String m : new String[] {"tr-bdf2", "crank-nicolson", "bdf2", "spectral", "explicit:rk4"}) {
                    HeatSolution s = HeatSolver.solve(HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod(m)), HeatObserver.none());
                    double scale = Math.abs(s.totalHeat()[0]);
                    // the ADI sweeps stop at the step's error tolerance, so the drift is at that level in 2-D/3-D
                    double allowed = d == 1 || m.equals("spectral") || m.startsWith("explicit") ? 1e-12 : 1e-6;
                    assertEquals(0, s.heatDrift(), allowed * scale, d + "-D " + bc.label() + " " + m);
                    for (int k = 1; k < s.times().length; k++) {
                        assertTrue(s.energy()[k] <= s.energy()[k - 1], d + "-D " + m + " energy rose at t = " + s.times()[k]);
                        assertTrue(s.maxAbs()[k] <= s.maxAbs()[k - 1] * (1 + 1e-9), d + "-D " + m + " max|u| rose");
                    }
                }
            }
        }
    }

    @Test
    void stiffnessIsTheClosedFormOfEveryAxisKind() {
        double d = 0.7;
        int n = 20;
        double h = 1.0 / (n + 1);
        // Neumann–Neumann: eigenvalues 4D/h² sin²(kπ/(2(n+1))), k = 0 … n+1: λmin = λ, λmax = 4D/h² + λ
        Stiffness nn = HeatSolver.plan(HeatProblem.builder().n(n).diffusivity(d).decay(0.2)
                .boundary(BoundaryCondition.neumann()).initial(BUMP).build(), HeatOptions.DEFAULT).stiffness();
        assertEquals(0.2, nn.lambdaMin(), 1e-12);
        assertEquals(4 * d / (h * h) + 0.2, nn.lambdaMax(), 1e-9);
        // Dirichlet–Neumann: θ_k = (2k − 1)π/(4(n + 1))
        Stiffness dn = HeatSolver.plan(HeatProblem.builder().n(n).diffusivity(d).boundary(1, BoundaryCondition.neumann())
                .initial(BUMP).build(), HeatOptions.DEFAULT).stiffness();
        assertEquals(4 * d / (h * h) * Math.pow(Math.sin(Math.PI / (4 * (n + 1))), 2), dn.lambdaMin(), 1e-9);
        // periodic: 4D/h² sin²(πk/n), h = 1/n, n even: λmax = 4D n²
        Stiffness pp = HeatSolver.plan(HeatProblem.builder().n(n).diffusivity(d).boundary(BoundaryCondition.periodic())
                .initial(BUMP).build(), HeatOptions.DEFAULT).stiffness();
        assertEquals(0, pp.lambdaMin(), 1e-12);
        assertEquals(4 * d * n * n, pp.lambdaMax(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, pp.ratio());
        // 3-D Dirichlet: three times the 1-D extremes
        Stiffness dd3 = HeatSolver.plan(HeatProblem.builder().dimension(3).n(n).initial(BUMP).build(),
                HeatOptions.DEFAULT.withMethod("explicit:rk4")).stiffness();
        double top = 4 / (h * h) * Math.pow(Math.sin(n * Math.PI / (2 * (n + 1))), 2);
        assertEquals(3 * top, dd3.lambdaMax(), 1e-9);
        assertEquals(2.785294 / (3 * top), dd3.explicitStepLimit(), 1e-15);
        assertEquals((long) Math.ceil(0.1 / dd3.explicitStepLimit()), dd3.explicitSteps());
    }

    @Test
    void robinExtremesBySturmBisectionMatchTheEigenvaluesOfTheMatrix() {
        // Robin: no closed form; the bisection must agree with a dense symmetric eigensolver (Hipparchus)
        HeatProblem p = HeatProblem.builder().n(30).diffusivity(1.3).boundary(BoundaryCondition.robin(2, 0.5, null))
                .initial(BUMP).build();
        Stiffness s = HeatSolver.plan(p, HeatOptions.DEFAULT).stiffness();
        AxisOperator op = new AxisOperator(p.grid().axis(0), 1.3, p.boundaries().get(0), p.boundaries().get(1));
        int m = op.m;
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            a[i][i] = op.diag[i];
            if (i + 1 < m) {
                double off = -Math.sqrt(op.sup[i] * op.sub[i + 1]);
                a[i][i + 1] = off;
                a[i + 1][i] = off;
            }
        }
        double[] ev = new org.hipparchus.linear.EigenDecompositionSymmetric(
                new org.hipparchus.linear.Array2DRowRealMatrix(a)).getEigenvalues();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : ev) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertEquals(lo, s.lambdaMin(), 1e-9 * hi);
        assertEquals(hi, s.lambdaMax(), 1e-12 * hi);
    }

    @Test
    void monitorsFireOnADeliberatelyUnstableExplicitRun() {
        HeatProblem p = HeatProblem.builder().n(50).initial(BUMP).build();
        double limit = HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("explicit:euler")).stiffness().explicitStepLimit();
        // refused as bad input, naming the limit and the implicit methods
        PhysicsException refused = assertThrows(PhysicsException.class, () -> HeatSolver.plan(p,
                HeatOptions.DEFAULT.withMethod("explicit:euler").withDt(1.05 * limit)));
        assertEquals(PhysicsException.Kind.BAD_INPUT, refused.kind());
        assertTrue(refused.getMessage().contains("stability limit") && refused.getMessage().contains("r/lambdaMax")
                && refused.getMessage().contains("crank-nicolson"), refused.getMessage());
        // run anyway: the growing stiff mode breaks the maximum principle and the energy decrease
        for (String m : new String[] {"explicit:euler", "explicit:rk4"}) {
            double r = ExplicitScheme.byLabel(m.substring(9)).stabilityRadius();
            HeatPlan plan = HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod(m).withStabilityCheck(false)
                    .withDt(1.1 * r / HeatSolver.plan(p, HeatOptions.DEFAULT).stiffness().lambdaMax()));
            PhysicsException e = assertThrows(PhysicsException.class, () -> HeatSolver.solve(plan, HeatObserver.none()));
            assertEquals(PhysicsException.Kind.NUMERICAL, e.kind());
            assertTrue(e.getMessage().contains("increased") && e.getMessage().contains("unstable"), e.getMessage());
        }
    }

    @Test
    void energyMonitorAloneCatchesTheInstability() {
        // observe the energy at every step of the unstable run: it increases before anything overflows
        HeatProblem p = HeatProblem.builder().n(50).initial(BUMP).build();
        double lambdaMax = HeatSolver.plan(p, HeatOptions.DEFAULT).stiffness().lambdaMax();
        HeatPlan plan = HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("explicit:euler").withStabilityCheck(false)
                .withDt(2.2 / lambdaMax));
        HeatOperator op = new HeatOperator(p);
        double[] work = new double[op.points];
        double[] last = {Double.NaN};
        boolean[] rose = {false};
        assertThrows(PhysicsException.class, () -> HeatSolver.solve(plan, (t, u) -> {
            double e = op.energy(t, u, work);
            rose[0] |= e > last[0];
            last[0] = e;
        }));
        assertTrue(rose[0]);
    }
}
