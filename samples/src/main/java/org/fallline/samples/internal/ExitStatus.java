package org.fallline.samples.internal;

/**
 * The exit statuses of every {@code fallline} subcommand, so that scripts can tell a wrong call from a
 * computation that ran and did not reach its result.
 */
public final class ExitStatus {

    /** The result was obtained. */
    public static final int OK = 0;
    /** A defect of the program: an unexpected exception. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad input or usage: the user must change the call or the files. */
    public static final int BAD_INPUT = 2;
    /** The computation ran but did not reach its result (divergence, no convergence); output still written. */
    public static final int INCOMPLETE = 3;

    private ExitStatus() {
    }
}
