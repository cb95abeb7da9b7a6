package org.fallline.core;

/**
 * Told how far a long computation (a bootstrap, a long integration, a surface evolution) has come.
 * Libraries call it and never print; the command line turns it into a progress bar on a terminal,
 * or ignores it when told to be quiet.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  units of work finished so far
     * @param total units of work in all (constant through one computation)
     */
    void progress(long done, long total);
}
