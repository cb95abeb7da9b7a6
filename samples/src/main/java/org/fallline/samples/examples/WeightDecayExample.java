package org.fallline.samples.examples;

import java.util.ArrayList;
import java.util.List;

import org.fallline.core.descent.GradientDescent;
import org.fallline.core.descent.StoppingCriteria;
import org.fallline.physics.heat.DiscreteEnergy;
import org.fallline.physics.heat.HeatOptions;
import org.fallline.physics.heat.HeatProblem;
import org.fallline.physics.heat.HeatSolution;
import org.fallline.physics.heat.HeatSolver;
import org.fallline.physics.heat.SpaceTimeFunction;

/**
 * Example: weight decay is heat flow. On a rod [0, 1] with u = 0 at both ends and n interior points,
 * the discrete energy Φ(u) = ½ Σ D (u_{j+1} − u_j)²/h² + ½ λ Σ u_j² ({@link DiscreteEnergy}, a core
 * ScalarField) has gradient K u with K = −DΔ_h + λ. Gradient descent on Φ with step η (core
 * {@link GradientDescent}) is therefore u ← u − η K u — the "weight decay" λ shrinks every value — and
 * forward Euler on the heat equation u_t = D u_xx − λu with Δt = η (Hipparchus, through
 * {@code fallline heat --method explicit:euler}) is the same update. The example runs both for the same
 * number of steps and prints the largest difference between the iterates (rounding: 0 or a few ulps),
 * the energy at the start and the end, and the step limit η &lt; 2/λmax that both share.
 *
 * <p>Reference: L. C. Evans, <i>Partial Differential Equations</i>, 2nd ed., AMS 2010, §2.3 (the heat
 * equation as the gradient flow of the Dirichlet energy); the physics reference §3.
 *
 * <p>Run it with {@code java -cp samples/target/fallline.jar org.fallline.samples.examples.WeightDecayExample}.
 */
public final class WeightDecayExample {

    private WeightDecayExample() {
    }

    /**
     * The two runs side by side.
     *
     * @param steps         the number of steps of each
     * @param eta           the step η = Δt
     * @param maxDifference the largest |u_GD − u_Euler| over every iterate and grid point
     * @param energyStart   Φ(u₀)
     * @param energyEnd     Φ(u_k)
     * @param stepLimit     2/λmax, the stability limit of both
     */
    public record Result(int steps, double eta, double maxDifference, double energyStart, double energyEnd,
                         double stepLimit) {
    }

    /** Runs both for 200 steps of η = 2⁻¹⁴ on a 40-point rod with D = 1, λ = 2. */
    public static Result run() {
        int steps = 200;
        double eta = Math.scalb(1.0, -14);
        HeatProblem problem = HeatProblem.builder().n(40).diffusivity(1).decay(2).tEnd(steps * eta)
                .initial(SpaceTimeFunction.ofSpace(x -> Math.sin(Math.PI * x[0]) + 0.5 * Math.sin(3 * Math.PI * x[0])))
                .build();
        List<double[]> euler = new ArrayList<>();
        HeatSolution heat = HeatSolver.solve(HeatSolver.plan(problem,
                HeatOptions.DEFAULT.withMethod("explicit:euler").withDt(eta).withSamples(2)), (t, u) -> euler.add(u.clone()));
        DiscreteEnergy energy = new DiscreteEnergy(problem);
        List<double[]> descent = new ArrayList<>();
        new GradientDescent(eta).minimize(energy, euler.get(0), new StoppingCriteria(0, steps),
                (k, x, value, norm) -> descent.add(x.clone()));
        double diff = 0;
        for (int k = 0; k < Math.min(euler.size(), descent.size()); k++) {
            for (int j = 0; j < euler.get(k).length; j++) {
                diff = Math.max(diff, Math.abs(euler.get(k)[j] - descent.get(k)[j]));
            }
        }
        return new Result(steps, eta, diff, energy.value(euler.get(0)), energy.value(descent.get(descent.size() - 1)),
                2 / heat.stiffness().lambdaMax());
    }

    public static void main(String[] args) {
        Result r = run();
        System.out.println("gradient descent on the discrete energy vs forward Euler on u_t = u_xx - 2u");
        System.out.println("steps " + r.steps() + ", eta = dt = " + r.eta() + " (stability limit 2/lambdaMax = "
                + r.stepLimit() + ")");
        System.out.println("largest difference between the iterates: " + r.maxDifference());
        System.out.println("energy " + r.energyStart() + " -> " + r.energyEnd());
    }
}
