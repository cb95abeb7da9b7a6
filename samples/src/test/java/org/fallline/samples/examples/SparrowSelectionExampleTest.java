package org.fallline.samples.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.fallline.evolution.Coefficient;
import org.junit.jupiter.api.Test;

/**
 * Against R (lm) on the same data: evolution/src/test/resources/reference/reference_real_data.csv, made by
 * make_logistic_reference.R there.
 */
class SparrowSelectionExampleTest {

    private final SparrowSelectionExample.Result result = SparrowSelectionExample.run();

    @Test
    void betaOfAllBirdsMatchesR() {
        // reference_real_data.csv, rows "bumpus_all_9traits",136,"beta",<trait> (estimate, se), traits in TRAITS order
        double[][] r = {
            {-0.493071315366, 0.106696296632},
            {0.247813425599, 0.125692587825},
            {-0.384153831941, 0.097497552052},
            {0.082991389103, 0.100155197057},
            {0.265488847752, 0.156561630215},
            {-0.0390071909785, 0.150995596075},
            {0.00479172204122, 0.125795156337},
            {0.0682819810293, 0.0890044959476},
            {0.232311960111, 0.0923753260499},
        };
        SparrowSelectionExample.Selection all = result.allBirds();
        assertEquals(136, all.n());
        // reference_real_data.csv, row "bumpus_all_9traits",136,"meanW"
        assertEquals(0.529411764706, all.meanFitness(), 1e-11);
        assertBeta(r, all.beta());
    }

    @Test
    void leadingEigenvalueOfGammaForAllBirdsMatchesR() {
        // reference_real_data.csv, row "bumpus_all_9traits",136,"eigenvalue","m1" (largest in absolute value;
        // m9 = -1.0469773533 is the most negative)
        Coefficient m1 = result.allBirds().leadingEigenvalue().orElseThrow();
        assertEquals("m1", m1.term());
        assertEquals(1.26079367436, m1.estimate(), 1e-9);
        assertEquals(0.267693650489, m1.stdError().getAsDouble(), 1e-9);
    }

    @Test
    void betaOfFemalesMatchesRAndGammaIsNotAttempted() {
        // reference_real_data.csv, rows "bumpus_female_9traits",49,"beta",<trait>
        double[][] r = {
            {-0.214428824509, 0.284487893144},
            {-0.13752182829, 0.315461483383},
            {-0.53679892247, 0.253966148505},
            {0.0750428263077, 0.325400514919},
            {0.31506364277, 0.367413389136},
            {-0.172566686486, 0.36437088346},
            {0.417252323995, 0.350167120073},
            {-0.0112427107174, 0.260713243768},
            {0.163918287851, 0.236308005327},
        };
        SparrowSelectionExample.Selection females = result.females();
        assertEquals(49, females.n());
        assertBeta(r, females.beta());
        assertFalse(females.leadingEigenvalue().isPresent());
    }

    private static void assertBeta(double[][] expected, List<Coefficient> beta) {
        assertEquals(SparrowSelectionExample.TRAITS.size(), beta.size());
        for (int i = 0; i < expected.length; i++) {
            Coefficient b = beta.get(i);
            assertEquals(SparrowSelectionExample.TRAITS.get(i), b.term());
            // R prints 12 significant digits
            assertEquals(expected[i][0], b.estimate(), 1e-10, b.term());
            assertEquals(expected[i][1], b.stdError().getAsDouble(), 1e-10, b.term());
        }
    }
}
