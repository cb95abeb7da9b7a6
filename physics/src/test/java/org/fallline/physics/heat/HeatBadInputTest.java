package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fallline.physics.PhysicsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** §5: bad input is refused before any work, with a message naming the option and what was expected. */
class HeatBadInputTest {

    private static final SpaceTimeFunction ONE = SpaceTimeFunction.constant(1);

    private static void refused(Executable e, String... fragments) {
        PhysicsException ex = assertThrows(PhysicsException.class, e);
        assertEquals(PhysicsException.Kind.BAD_INPUT, ex.kind(), ex.getMessage());
        for (String f : fragments) {
            assertTrue(ex.getMessage().contains(f), ex.getMessage() + " should mention " + f);
        }
    }

    @Test
    void problemParameters() {
        refused(() -> HeatProblem.builder().n(1).initial(ONE).build(), "--n", "at least 2");
        refused(() -> HeatProblem.builder().diffusivity(0).initial(ONE).build(), "--diffusivity", "> 0");
        refused(() -> HeatProblem.builder().diffusivity(-1).initial(ONE).build(), "--diffusivity");
        refused(() -> HeatProblem.builder().decay(-0.1).initial(ONE).build(), "--decay", ">= 0");
        refused(() -> HeatProblem.builder().tEnd(0).initial(ONE).build(), "--t-end");
        refused(() -> HeatProblem.builder().tEnd(Double.POSITIVE_INFINITY).initial(ONE).build(), "--t-end", "finite");
        refused(() -> HeatProblem.builder().tEnd(Double.NaN).initial(ONE).build(), "--t-end");
        refused(() -> HeatProblem.builder().dimension(4).initial(ONE).build(), "--dim");
        refused(() -> HeatProblem.builder().build(), "--initial", "missing");
    }

    @Test
    void boundariesThatDoNotFitTheDimension() {
        refused(() -> HeatProblem.builder().boundary(2, BoundaryCondition.neumann()).initial(ONE).build(),
                "side 'bottom' does not exist in 1-D");
        refused(() -> HeatProblem.builder().boundary(0, BoundaryCondition.periodic()).initial(ONE).build(),
                "periodic on 'left' needs periodic on 'right'");
        refused(() -> BoundaryCondition.robin(1, 0, null), "robin");
        refused(() -> HeatSolver.plan(HeatProblem.builder().n(2).boundary(BoundaryCondition.periodic()).initial(ONE)
                .build(), HeatOptions.DEFAULT), "--n", "periodic");
    }

    @Test
    void initialData() {
        refused(() -> HeatProblem.builder().n(10).initialValues(new double[9]).build(), "9 values", "10 unknowns");
        double[] bad = new double[10];
        bad[3] = Double.NaN;
        refused(() -> HeatProblem.builder().n(10).initialValues(bad).build(), "value 4", "not finite");
        HeatProblem p = HeatProblem.builder().n(10).initial(SpaceTimeFunction.ofSpace(x -> 1 / (x[0] - 4.0 / 11)))
                .build();
        refused(() -> HeatSolver.solve(HeatSolver.plan(p, HeatOptions.DEFAULT), HeatObserver.none()), "--initial",
                "Infinity", "0.3636");
    }

    @Test
    void methodsAndSteps() {
        HeatProblem p = HeatProblem.builder().initial(ONE).build();
        refused(() -> HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("euler")), "--method", "explicit:NAME");
        refused(() -> HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("explicit:rk5")), "unknown integrator", "rk4");
        refused(() -> HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("explicit:rk4").withDt(1e-3)),
                "stability limit", "2.785294/", "tr-bdf2");
        refused(() -> HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("explicit:dp853").withDt(1e-6)), "--dt",
                "adaptive");
        refused(() -> HeatSolver.plan(HeatProblem.builder().initial(ONE).source(ONE).build(),
                HeatOptions.DEFAULT.withMethod("spectral")), "spectral does not apply", "source");
        refused(() -> HeatOptions.DEFAULT.withDt(-1), "--dt");
        refused(() -> HeatOptions.DEFAULT.withSamples(1), "--samples");
        refused(() -> HeatOptions.DEFAULT.withTol(0), "--tol");
    }

    @Test
    void aGridTooLargeForTheMemorySaysHowMuchItNeeds() {
        HeatProblem p = HeatProblem.builder().dimension(3).n(2000).initial(ONE).build();
        refused(() -> HeatSolver.plan(p, HeatOptions.DEFAULT), "8000000000 unknowns", "MiB", "-Xmx");
    }

    @Test
    void aHugeAdaptiveExplicitRunIsWarnedAbout() {
        HeatPlan plan = HeatSolver.plan(HeatProblem.builder().n(10_000).initial(ONE).build(),
                HeatOptions.DEFAULT.withMethod("explicit:dp853"));
        assertEquals(1, plan.warnings().size());
        assertTrue(plan.warnings().get(0).contains("6257") && plan.warnings().get(0).contains("tr-bdf2"),
                plan.warnings().get(0));
    }
}
