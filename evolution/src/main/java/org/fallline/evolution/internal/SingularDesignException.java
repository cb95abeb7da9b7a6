package org.fallline.evolution.internal;

/**
 * A least-squares design whose columns are (almost) linearly dependent: {@link #terms()} are the
 * indices of the columns that take part in the dependence, for the caller to name them.
 */
public final class SingularDesignException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int[] terms;

    public SingularDesignException(int[] terms) {
        super("linearly dependent columns " + java.util.Arrays.toString(terms));
        this.terms = terms.clone();
    }

    /** Column indices (0 = intercept) involved in the dependence, in increasing order. */
    public int[] terms() {
        return terms.clone();
    }
}
