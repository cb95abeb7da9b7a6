package org.fallline.evolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * An additive genetic variance–covariance matrix G over named traits, used to predict the response
 * to selection Δz̄ = Gβ (Lande 1979, Evolution 33: 402–416). G must be given in the units of the
 * traits as analysed: raw units, or natural-log units for traits analysed on the log scale.
 *
 * <p>On construction G is checked to be square, finite, symmetric up to a relative tolerance
 * (|G<sub>ij</sub> − G<sub>ji</sub>| ≤ 10⁻⁸ max|G|) and positive semi-definite (every eigenvalue ≥ −10⁻⁸
 * max|λ|); it is stored symmetrised, (G + Gᵀ)/2.
 *
 * <p>A G read from a file carries the file's name ({@link #withSource}), and every message about it
 * names the file. Its scale is checked against the phenotypic covariance P of the analysed traits by
 * {@link #scaleNotes}: an additive genetic variance cannot exceed the phenotypic variance,
 * G<sub>ii</sub> ≤ P<sub>ii</sub> (heritability h² = G<sub>ii</sub>/P<sub>ii</sub> ≤ 1; Falconer &amp;
 * Mackay 1996, <i>Introduction to Quantitative Genetics</i>, ch. 8), so G<sub>ii</sub> &gt; P<sub>ii</sub>
 * usually means G is in other units than the analysis (raw vs log, mm vs cm) or is a P matrix.
 */
public final class GeneticCovariance {

    /** The relative tolerance of the symmetry check, |G<sub>ij</sub> − G<sub>ji</sub>| ≤ tol · max|G|. */
    public static final double SYMMETRY_TOLERANCE = 1e-8;
    static final double PSD_TOLERANCE = 1e-8;

    private final List<String> traits;
    private final double[][] matrix;
    private final String source;

    /**
     * @param traits distinct trait names, one per row and column
     * @param matrix the k × k matrix G in the order of {@code traits}
     * @throws SelectionException (BAD_INPUT) if G is not square, not symmetric, not positive
     *                            semi-definite, has a non-finite entry, or names repeat
     */
    public GeneticCovariance(List<String> traits, double[][] matrix) {
        int k = traits.size();
        if (k == 0) {
            throw new SelectionException("the G matrix is empty");
        }
        Set<String> seen = new HashSet<>();
        for (String t : traits) {
            if (!seen.add(t)) {
                throw new SelectionException("the G matrix names trait '" + t + "' twice");
            }
        }
        if (matrix.length != k) {
            throw new SelectionException("the G matrix is not square: " + k + " trait names but " + matrix.length
                    + " rows");
        }
        double scale = 0;
        for (int i = 0; i < k; i++) {
            if (matrix[i].length != k) {
                throw new SelectionException("the G matrix is not square: row '" + traits.get(i) + "' has "
                        + matrix[i].length + " entries, expected " + k);
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new SelectionException("the G matrix entry (" + traits.get(i) + ", " + traits.get(j)
                            + ") is not a finite number: " + matrix[i][j]);
                }
                scale = Math.max(scale, Math.abs(matrix[i][j]));
            }
        }
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double a = matrix[i][j];
                double b = matrix[j][i];
                if (Math.abs(a - b) > SYMMETRY_TOLERANCE * scale) {
                    throw new SelectionException("the G matrix is not symmetric: G(" + traits.get(i) + ", "
                            + traits.get(j) + ") = " + a + " but G(" + traits.get(j) + ", " + traits.get(i) + ") = " + b);
                }
                g[i][j] = 0.5 * (a + b);
            }
        }
        if (scale > 0) {
            double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(g, false)).getRealEigenvalues();
            double max = 0;
            double min = Double.POSITIVE_INFINITY;
            for (double e : ev) {
                max = Math.max(max, Math.abs(e));
                min = Math.min(min, e);
            }
            if (min < -PSD_TOLERANCE * max) {
                throw new SelectionException("the G matrix is not positive semi-definite (smallest eigenvalue "
                        + String.format(java.util.Locale.ROOT, "%.6g", min) + "): it cannot be a covariance matrix");
            }
        }
        this.traits = List.copyOf(traits);
        this.matrix = g;
        this.source = null;
    }

    private GeneticCovariance(GeneticCovariance g, String source) {
        this.traits = g.traits;
        this.matrix = g.matrix;
        this.source = source;
    }

    /** This G, read from {@code source} (a file name), which messages about it then name. */
    public GeneticCovariance withSource(String source) {
        return new GeneticCovariance(this, source);
    }

    /** The file this G was read from, if it was. */
    public java.util.Optional<String> source() {
        return java.util.Optional.ofNullable(source);
    }

    private String named(String message) {
        return source == null ? message : source + ": " + message;
    }

    /**
     * Notes for the traits whose genetic variance exceeds the phenotypic variance of the analysis,
     * G<sub>ii</sub> &gt; P<sub>ii</sub> = s<sub>i</sub>² (an implausible scale: h² &gt; 1).
     *
     * @param order        the analysed traits, in the order of {@code phenotypicSd}
     * @param phenotypicSd the sample standard deviation s<sub>i</sub> of each trait in analysed units
     * @param where        appended to the note to say where (e.g. " in group 'F'"), or empty
     * @return one note per implausible trait (empty when every G<sub>ii</sub> ≤ P<sub>ii</sub>)
     */
    public List<String> scaleNotes(List<String> order, double[] phenotypicSd, String where) {
        double[][] g = reorderedTo(order);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            double p = phenotypicSd[i] * phenotypicSd[i];
            if (g[i][i] > p) {
                notes.add(String.format(java.util.Locale.ROOT, "warning: %sG(%s, %s) = %.6g exceeds the phenotypic"
                        + " variance P = %.6g of '%s'%s (G/P = %.3g > 1): G is probably not in the analysed units"
                        + " (raw vs --log, other units) — the predicted response is not to be trusted",
                        source == null ? "" : source + ": ", order.get(i), order.get(i), g[i][i], p, order.get(i),
                        where, g[i][i] / p));
            }
        }
        return notes;
    }

    /** The trait names, in the order of the rows and columns. */
    public List<String> traits() {
        return traits;
    }

    /** G (a copy). */
    public double[][] matrix() {
        double[][] c = new double[matrix.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = matrix[i].clone();
        }
        return c;
    }

    /**
     * G with rows and columns in the order of {@code order}.
     *
     * @throws SelectionException (BAD_INPUT) naming the traits G has that {@code order} lacks, or the
     *                            reverse
     */
    public double[][] reorderedTo(List<String> order) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < traits.size(); i++) {
            index.put(traits.get(i), i);
        }
        List<String> foreign = new ArrayList<>();
        Set<String> wanted = new HashSet<>(order);
        for (String t : traits) {
            if (!wanted.contains(t)) {
                foreign.add("'" + t + "'");
            }
        }
        if (!foreign.isEmpty()) {
            throw new SelectionException(named("the G matrix names " + String.join(", ", foreign)
                    + (foreign.size() == 1 ? ", which is not a trait" : ", which are not traits")
                    + " of the analysis (traits: " + String.join(", ", order) + ")"));
        }
        List<String> missing = new ArrayList<>();
        for (String t : order) {
            if (!index.containsKey(t)) {
                missing.add("'" + t + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new SelectionException(named("the G matrix has no row and column for trait "
                    + String.join(", ", missing)));
        }
        int k = order.size();
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            int a = index.get(order.get(i));
            for (int j = 0; j < k; j++) {
                g[i][j] = matrix[a][index.get(order.get(j))];
            }
        }
        return g;
    }
}
