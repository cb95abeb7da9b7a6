package org.fallline.evolution.gam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fallline.evolution.SelectionException;
import org.junit.jupiter.api.Test;

/** Bad input and numerical trouble give one clear message of the right kind. */
class GamErrorsTest {

    @Test
    void tooFewDistinctValuesNamesTheTraitAndTheCount() {
        double[][] z = new double[50][2];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            z[i][0] = i;
            z[i][1] = i % 4;
            y[i] = i % 2;
        }
        SelectionException e = assertThrows(SelectionException.class,
                () -> Gam.fit(List.of("bw", "parity"), z, y, GamFamily.BINOMIAL, GamOptions.defaults()));
        assertEquals(SelectionException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("'parity' has 4 distinct values, fewer than the 5 knots"), e.getMessage());
    }

    @Test
    void separatedBinaryFitnessIsNumericalTrouble() {
        double[][] z = new double[60][1];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            z[i][0] = i;
            y[i] = i < 30 ? 0 : 1;
        }
        SelectionException e = assertThrows(SelectionException.class,
                () -> Gam.fit(List.of("x"), z, y, GamFamily.BINOMIAL, GamOptions.defaults()));
        assertEquals(SelectionException.Kind.NUMERICAL, e.kind());
        assertTrue(e.getMessage().contains("separates"), e.getMessage());
    }

    @Test
    void fitnessNotOfTheFamilyIsBadInput() {
        double[][] z = new double[40][1];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            z[i][0] = i;
            y[i] = i == 7 ? 2.5 : i % 3;
        }
        SelectionException e = assertThrows(SelectionException.class,
                () -> Gam.fit(List.of("x"), z, y, GamFamily.POISSON, GamOptions.defaults()));
        assertEquals(SelectionException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("fitness 2.5 of individual 8"), e.getMessage());
    }

    @Test
    void moreCoefficientsThanIndividualsIsBadInput() {
        double[][] z = new double[20][3];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            z[i] = new double[] {i, (i * 7) % 20, (i * 13) % 20};
            y[i] = i;
        }
        SelectionException e = assertThrows(SelectionException.class,
                () -> Gam.fit(List.of("a", "b", "c"), z, y, GamFamily.GAUSSIAN, GamOptions.defaults()));
        assertTrue(e.getMessage().contains("125 coefficients but only 20 individuals"), e.getMessage());
    }
}
