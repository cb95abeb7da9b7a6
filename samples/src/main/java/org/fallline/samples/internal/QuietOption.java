package org.fallline.samples.internal;

import java.io.PrintWriter;

import org.fallline.core.ProgressListener;

import picocli.CommandLine.Option;

/**
 * {@code -q, --quiet}: nothing on stderr but errors (a {@code @Mixin}). What a command would otherwise
 * print there differs (a progress bar, notes on the parameters chosen, warnings), so its help line may be
 * worded per command under the key {@code fallline.COMMAND.quiet} in {@code OptionHelp.properties}; the
 * text here is the default.
 */
public final class QuietOption {

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    /** True when {@code --quiet} was given. */
    public boolean isSet() {
        return quiet;
    }

    /** A progress bar for {@code label} on {@code err}, or none when quiet or not on a terminal. */
    public ProgressListener progress(PrintWriter err, String label) {
        return ConsoleProgress.create(err, label, quiet);
    }
}
