package org.fallline.physics;

/**
 * Trouble in a physics computation, with a one-line message that names the option or parameter (or the
 * time of the run) and what was expected. {@link #kind()} tells bad input (the caller must change
 * something: a non-positive end time, a step above an integrator's stability limit) from numerical
 * trouble (the computation ran but could not reach its result: an invariant violated, a blow-up).
 */
public class PhysicsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as the command line needs to know it (exit status 2 or 3). */
    public enum Kind {
        /** The input or the options are wrong; nothing was computed. */
        BAD_INPUT,
        /** The computation ran but did not reach its result: an invariant violated, NaN, blow-up. */
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

    public Kind kind() {
        return kind;
    }
}
