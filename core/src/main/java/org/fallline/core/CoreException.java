package org.fallline.core;

/**
 * Trouble reported by the core: bad input (an expression that does not parse, a box with LO ≥ HI,
 * a non-positive step) or numerical trouble (a singular Hessian, a non-finite value). The message
 * is one line that says what was wrong and what was expected.
 */
public class CoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CoreException(String message) {
        super(message);
    }

    public CoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
