package org.fallline.geometry;

import java.util.Objects;

/**
 * Trouble met by the geometry module, with a one-line message: either the input cannot describe a
 * surface problem ({@link Kind#BAD_INPUT}: a degenerate domain, a self-intersecting polygon, boundary
 * data undefined somewhere on the boundary, a time step above a stability limit) or the computation
 * ran and did not reach its result ({@link Kind#NUMERICAL}: no convergence, no minimal graph with these
 * data, a blow-up).
 */
public final class GeometryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong: the caller's input, or the computation. */
    public enum Kind {
        /** The input describes no well-posed problem; change the call. */
        BAD_INPUT,
        /** The computation ran but did not reach its result. */
        NUMERICAL
    }

    private final Kind kind;

    /** An exception of the given kind with a one-line message. */
    public GeometryException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Bad input, with a one-line message. */
    public static GeometryException badInput(String message) {
        return new GeometryException(Kind.BAD_INPUT, message);
    }

    /** Numerical trouble, with a one-line message. */
    public static GeometryException numerical(String message) {
        return new GeometryException(Kind.NUMERICAL, message);
    }

    /** Whether the input or the computation is at fault. */
    public Kind kind() {
        return kind;
    }
}
