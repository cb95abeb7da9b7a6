package org.fallline.samples;

import java.nio.file.Path;

import org.fallline.samples.internal.AtomicFiles;

import picocli.CommandLine.Option;

/**
 * {@code --trajectory FILE.csv}, every point of a path as CSV (a {@code @Mixin}); the columns are said per
 * command under {@code fallline.COMMAND.trajectory} in {@code OptionHelp.properties}.
 */
final class TrajectoryOption {

    @Option(names = "--trajectory", paramLabel = "FILE.csv", description = "Write the path as CSV.")
    Path file;

    /** True when {@code --trajectory} was given. */
    boolean wanted() {
        return file != null;
    }

    Path file() {
        return file;
    }

    /** Bad input unless the file can be written, when {@code --trajectory} was given (before any work). */
    void check() {
        if (file != null) {
            AtomicFiles.checkWritable(file, "--trajectory");
        }
    }
}
