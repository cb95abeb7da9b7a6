package org.fallline.samples.internal;

import java.io.PrintWriter;

import org.fallline.core.ProgressListener;

/**
 * A progress bar on stderr for long computations, drawn only when stderr is a terminal
 * ({@code System.console() != null}) and {@code --quiet} was not given; everywhere else (pipes, CI,
 * tests) the command gets {@link ProgressListener#NONE}. The bar is redrawn in place with a carriage
 * return, at most once per percent, and ends with a newline when the work is done.
 */
public final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final String label;
    private int lastPercent = -1;

    ConsoleProgress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A listener for {@code label}, or {@link ProgressListener#NONE} when quiet or not on a terminal. */
    public static ProgressListener create(PrintWriter err, String label, boolean quiet) {
        if (quiet || System.console() == null) {
            return ProgressListener.NONE;
        }
        return new ConsoleProgress(err, label);
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, 100 * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
