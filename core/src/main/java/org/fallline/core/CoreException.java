package org.fallline.core;

/**
 * Trouble reported by the core, with a one-line message that says what was wrong and what was expected, and a
 * {@link #kind()}: bad input (an expression that does not parse, a box with LO ≥ HI, a non-positive step — the user
 * must change something) or numerical trouble (a singular Hessian, a solver that did not converge, a value that
 * became non-finite — the computation ran but could not reach its result). The command line maps the first to
 * exit status 2 and the second to 3. Misuse of the Java API by a Java caller (a null, an array of the wrong
 * length where the caller controls both) is an {@link IllegalArgumentException} instead.
 */
public class CoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as the command line needs to know it. */
    public enum Kind {
        /** The input or the options are wrong; nothing useful was computed. */
        BAD_INPUT,
        /** The computation ran but did not reach its result. */
        NUMERICAL
    }

    private final Kind kind;

    /** Bad input, with its message. */
    public CoreException(String message) {
        this(Kind.BAD_INPUT, message);
    }

    /** Bad input, with its message and cause. */
    public CoreException(String message, Throwable cause) {
        this(Kind.BAD_INPUT, message, cause);
    }

    /** Trouble of the given kind. */
    public CoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** Trouble of the given kind, with its cause. */
    public CoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Bad input: the user must change something. */
    public static CoreException badInput(String message) {
        return new CoreException(Kind.BAD_INPUT, message);
    }

    /** Numerical trouble: the computation could not reach its result. */
    public static CoreException numerical(String message) {
        return new CoreException(Kind.NUMERICAL, message);
    }

    /** Whether this is bad input or numerical trouble. */
    public Kind kind() {
        return kind;
    }
}
