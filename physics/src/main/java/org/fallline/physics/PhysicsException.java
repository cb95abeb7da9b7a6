package org.fallline.physics;

/**
 * Trouble in a physics computation (a flow or the heat equation), with a one-line message that
 * names the option or the place and what was expected or what happened. {@link #kind()} tells bad
 * input (the user must change something: a non-positive diffusivity, a step above the stability
 * limit) from numerical trouble (the run started but could not reach its result: blow-up, NaN,
 * a violated invariant).
 */
public class PhysicsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as the command line needs to know it (exit status 2 or 3). */
    public enum Kind {
        /** The input or the options are wrong; nothing was computed. */
        BAD_INPUT,
        /** The computation ran but did not reach its result: blow-up, NaN, a violated invariant. */
        NUMERICAL
    }

    private final Kind kind;

    public PhysicsException(String message) {
        this(Kind.BAD_INPUT, message);
    }

    public PhysicsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PhysicsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Bad input: the user must change something. */
    public static PhysicsException badInput(String message) {
        return new PhysicsException(Kind.BAD_INPUT, message);
    }

    /** Numerical trouble: the run could not reach its result. */
    public static PhysicsException numerical(String message) {
        return new PhysicsException(Kind.NUMERICAL, message);
    }

    public Kind kind() {
        return kind;
    }
}
