package org.fallline.samples.internal;

import java.io.IOException;

/**
 * Removes what an unfinished run leaves (a staging directory, a temporary file) when the JVM is shut down by Ctrl-C
 * or SIGTERM before the run finished, so that an interrupted command leaves no partial files. The hook is removed
 * again when the run ends normally ({@link #close()}), and does nothing once {@link #disarm() disarmed}.
 *
 * <p>The computing thread keeps running while shutdown hooks run and may create a file just after the hook
 * removed the directory's contents, so the hook tries a few times, until the clean-up succeeds.
 */
public final class ShutdownCleanup implements AutoCloseable {

    /** What to remove. */
    @FunctionalInterface
    public interface Action {
        /** Removes what is left; may be called more than once. */
        void run() throws IOException;
    }

    private static final int ATTEMPTS = 10;
    private static final long PAUSE_MILLIS = 20;

    private final Thread hook;
    private volatile boolean armed = true;

    private ShutdownCleanup(String what, Action action) {
        this.hook = new Thread(() -> cleanUp(what, action), "fallline-cleanup");
    }

    private void cleanUp(String what, Action action) {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS && armed; attempt++) {
            try {
                action.run();
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
            System.err.println("error: could not remove the unfinished " + what + ": " + last.getMessage());
        }
    }

    /** Runs {@code action} if the JVM shuts down before this guard is closed or disarmed. */
    public static ShutdownCleanup guard(String what, Action action) {
        ShutdownCleanup c = new ShutdownCleanup(what, action);
        try {
            Runtime.getRuntime().addShutdownHook(c.hook);
        } catch (IllegalStateException shuttingDown) {
            // already shutting down: nothing more will be written
            c.armed = false;
        }
        return c;
    }

    /** The run committed its files: nothing is left to clean. */
    public void disarm() {
        armed = false;
    }

    @Override
    public void close() {
        armed = false;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook has started and removes what is left
            return;
        }
    }
}
