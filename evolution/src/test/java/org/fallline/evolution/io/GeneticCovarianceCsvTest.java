package org.fallline.evolution.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.fallline.evolution.GeneticCovariance;
import org.fallline.evolution.SelectionException;
import org.junit.jupiter.api.Test;

/** Reading G: with and without row names, reordering, and the checks of a covariance matrix. */
class GeneticCovarianceCsvTest {

    @Test
    void withoutRowNames() {
        GeneticCovariance g = GeneticCovarianceCsv.parse("g.csv", "a,b\n2,0.5\n0.5,1\n");
        assertEquals(List.of("a", "b"), g.traits());
        assertArrayEquals(new double[] {2, 0.5}, g.matrix()[0]);
    }

    @Test
    void rowNamesInAnyOrderAreMatchedToTheHeader() {
        GeneticCovariance g = GeneticCovarianceCsv.parse("g.csv", ",a,b\nb,0.5,1\na,2,0.5\n");
        assertArrayEquals(new double[] {2, 0.5}, g.matrix()[0]);
        assertArrayEquals(new double[] {0.5, 1}, g.matrix()[1]);
        GeneticCovariance named = GeneticCovarianceCsv.parse("g.csv", "trait;a;b\na;2;0.5\nb;0.5;1\n");
        assertArrayEquals(new double[] {0.5, 1}, named.matrix()[1]);
    }

    @Test
    void reorderingToTheTraits() {
        GeneticCovariance g = GeneticCovarianceCsv.parse("g.csv", "a,b,c\n1,0.1,0.2\n0.1,2,0.3\n0.2,0.3,3\n");
        double[][] r = g.reorderedTo(List.of("c", "a", "b"));
        assertArrayEquals(new double[] {3, 0.2, 0.3}, r[0]);
        assertArrayEquals(new double[] {0.2, 1, 0.1}, r[1]);
        SelectionException other = assertThrows(SelectionException.class, () -> g.reorderedTo(List.of("a", "b")));
        assertEquals("g.csv: the G matrix names 'c', which is not a trait of the analysis (traits: a, b)", other.getMessage());
        SelectionException missing = assertThrows(SelectionException.class,
                () -> g.reorderedTo(List.of("a", "b", "c", "d")));
        assertEquals("g.csv: the G matrix has no row and column for trait 'd'", missing.getMessage());
    }

    @Test
    void rejectsAsymmetricIndefiniteNonSquareAndNonNumeric() {
        SelectionException asym = assertThrows(SelectionException.class,
                () -> GeneticCovarianceCsv.parse("g.csv", "a,b\n1,0.5\n0.4,1\n"));
        assertEquals("g.csv:3:1: the G matrix is not symmetric: G(a, b) = 0.5 but G(b, a) = 0.4", asym.getMessage());
        SelectionException named = assertThrows(SelectionException.class,
                () -> GeneticCovarianceCsv.parse("g.csv", ",a,b\nb,0.4,1\na,1,0.5\n"));
        assertEquals("g.csv:2:2: the G matrix is not symmetric: G(a, b) = 0.5 but G(b, a) = 0.4", named.getMessage());
        SelectionException infinite = assertThrows(SelectionException.class,
                () -> GeneticCovarianceCsv.parse("g.csv", "a,b\n1,0\n0,Infinity\n"));
        assertEquals("g.csv:3:2: expected a number in column 'b', found 'Infinity'", infinite.getMessage());
        SelectionException indefinite = assertThrows(SelectionException.class,
                () -> GeneticCovarianceCsv.parse("g.csv", "a,b\n1,2\n2,1\n"));
        assertEquals("g.csv: the G matrix is not positive semi-definite (smallest eigenvalue -1.00000): it cannot be a"
                + " covariance matrix", indefinite.getMessage());
        assertThrows(SelectionException.class, () -> GeneticCovarianceCsv.parse("g.csv", "a,b,c\n1,0\n0,1\n"));
        SelectionException text = assertThrows(SelectionException.class,
                () -> GeneticCovarianceCsv.parse("g.csv", "a,b\n1,x\n0,1\n"));
        assertEquals("g.csv:2:2: expected a number in column 'b', found 'x'", text.getMessage());
        // Symmetric up to rounding and positive semi-definite (singular) is accepted.
        new GeneticCovariance(List.of("a", "b"), new double[][] {{1, 1}, {1 + 1e-12, 1}});
    }
}
