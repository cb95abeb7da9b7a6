package org.fallline.samples.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The example's claim: the two runs agree to rounding, and the energy decreases as the closed form says. */
class WeightDecayExampleTest {

    @Test
    void descentAndHeatFlowAgreeIterateForIterate() {
        WeightDecayExample.Result r = WeightDecayExample.run();
        assertTrue(r.maxDifference() <= 4 * Math.ulp(1.0), "difference " + r.maxDifference());
        assertTrue(r.eta() < r.stepLimit());
        // Φ(u₀) per unit h: ½Σ(Δu)²/h² + ½λΣu² = (1/h)(E_h + λ‖u‖²_h/2); for u₀ = sin πx + ½ sin 3πx on n = 40 the
        // discrete Dirichlet energy and norm follow from the eigenvalues 4/h² sin²(kπh/2) (reference §3)
        double h = 1.0 / 41;
        double mu1 = 4 / (h * h) * Math.pow(Math.sin(Math.PI * h / 2), 2);
        double mu3 = 4 / (h * h) * Math.pow(Math.sin(3 * Math.PI * h / 2), 2);
        // Σ sin²(kπjh) over j = 1..n = (n + 1)/2
        double start = 0.5 * (20.5 * (mu1 + 2) + 0.25 * 20.5 * (mu3 + 2));
        assertEquals(start, r.energyStart(), 1e-9 * start);
        // each mode contracts by (1 − η(μ + λ)) per step
        double end = 0.5 * (20.5 * (mu1 + 2) * Math.pow(1 - r.eta() * (mu1 + 2), 2 * r.steps())
                + 0.25 * 20.5 * (mu3 + 2) * Math.pow(1 - r.eta() * (mu3 + 2), 2 * r.steps()));
        assertEquals(end, r.energyEnd(), 1e-9 * end);
    }
}
