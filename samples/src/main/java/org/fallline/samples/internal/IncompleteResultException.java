package org.fallline.samples.internal;

/**
 * The computation ran but did not reach its result, and there is no partial result worth printing
 * (exit status 3). Commands that do have a partial result print it and return 3 themselves.
 */
public final class IncompleteResultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IncompleteResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
