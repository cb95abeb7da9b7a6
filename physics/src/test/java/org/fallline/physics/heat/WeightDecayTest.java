package org.fallline.physics.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.fallline.core.descent.GradientDescent;
import org.fallline.core.descent.StoppingCriteria;
import org.junit.jupiter.api.Test;

/**
 * Weight decay ≡ heat equation: gradient descent (core) with step η on the discrete energy
 * ½Σ D|∇_h u|² + ½λΣu² is forward Euler (Hipparchus) with Δt = η on u_t = DΔ_h u − λu.
 */
class WeightDecayTest {

    @Test
    void gradientDescentIsForwardEulerIterateForIterate() {
        for (int d = 1; d <= 2; d++) {
            HeatProblem p0 = HeatProblem.builder().dimension(d).n(12).diffusivity(0.8).decay(3)
                    .initial(SpaceTimeFunction.ofSpace(x -> x[0] * (1 - x[0]) + 0.3 * Math.sin(7 * x[0])))
                    .build();
            double eta = Math.scalb(1.0, -12); // a power of two: T = k·η exactly
            int k = 100;
            HeatProblem p = HeatProblem.builder().dimension(d).n(12).diffusivity(0.8).decay(3).tEnd(k * eta)
                    .initial(p0.initial()).build();
            List<double[]> euler = new ArrayList<>();
            HeatSolver.solve(HeatSolver.plan(p, HeatOptions.DEFAULT.withMethod("explicit:euler").withDt(eta)
                    .withSamples(2)), (t, u) -> euler.add(u.clone()));
            List<double[]> descent = new ArrayList<>();
            double[] u0 = euler.get(0);
            new GradientDescent(eta).minimize(new DiscreteEnergy(p), u0, new StoppingCriteria(0, k),
                    (i, x, value, norm) -> descent.add(x.clone()));
            assertEquals(k + 1, euler.size());
            assertEquals(k + 1, descent.size());
            for (int i = 0; i <= k; i++) {
                for (int j = 0; j < u0.length; j++) {
                    assertEquals(euler.get(i)[j], descent.get(i)[j], 4 * Math.ulp(1.0) * (1 + Math.abs(u0[j])),
                            d + "-D iterate " + i + ", unknown " + j);
                }
            }
        }
    }
}
