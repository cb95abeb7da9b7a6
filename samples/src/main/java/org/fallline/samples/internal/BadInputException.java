package org.fallline.samples.internal;

import java.util.List;

/**
 * Bad input found by the command line itself (a missing file, an output directory that does not
 * exist, options that contradict each other): exit status 2 with a one-line message, optionally
 * followed by detail lines such as an expression with a caret under the error.
 */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> details;

    public BadInputException(String message) {
        this(message, List.of(), null);
    }

    public BadInputException(String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.details = List.copyOf(details);
    }

    /** Lines printed after the {@code error:} line (may be empty). */
    public List<String> details() {
        return details;
    }
}
