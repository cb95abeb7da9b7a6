package org.fallline.evolution;

/**
 * Trouble in a selection analysis, with a one-line message that names the file, line and column or
 * the parameter, and what was expected. {@link #kind()} tells bad input (the user must change
 * something) from numerical trouble (the analysis ran but could not reach its result).
 */
public class SelectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as the command line needs to know it (exit status 2 or 3). */
    public enum Kind {
        /** The input or the options are wrong: a missing column, a non-numeric cell, too few rows. */
        BAD_INPUT,
        /** The computation ran but did not reach its result: no convergence, separation. */
        NUMERICAL
    }

    private final Kind kind;

    public SelectionException(String message) {
        this(Kind.BAD_INPUT, message);
    }

    public SelectionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SelectionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
