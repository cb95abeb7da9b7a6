package org.fallline.samples.tour;

import java.io.IOException;

import org.fallline.samples.internal.StagedDirectory;

/**
 * Removes a staging directory when the JVM is shut down (Ctrl-C, SIGTERM) before the run finished, so that
 * an interrupted tour leaves no partial files. The hook is removed again when the run ends normally.
 *
 * <p>The computing thread keeps running while shutdown hooks run and may create a file just after the hook
 * listed the directory, so the hook tries a few times, until the staging directory is gone.
 */
final class Interruption implements AutoCloseable {

    private static final int ATTEMPTS = 10;
    private static final long PAUSE_MILLIS = 20;

    private final Thread hook;
    private volatile boolean armed = true;

    private Interruption(StagedDirectory staged) {
        this.hook = new Thread(() -> cleanUp(staged), "fallline-tour-cleanup");
    }

    private void cleanUp(StagedDirectory staged) {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS && armed; attempt++) {
            try {
                staged.close();
                return;
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (last != null) {
            // the JVM is going down: stderr is the only place left to say so
            System.err.println("error: could not remove the unfinished report: " + last.getMessage());
        }
    }

    static Interruption guard(StagedDirectory staged) {
        Interruption i = new Interruption(staged);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** The run committed its files: nothing is left to clean. */
    void disarm() {
        armed = false;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook has started and removes what is left
            return;
        }
    }
}
