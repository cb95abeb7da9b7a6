package org.fallline.samples.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes output files so that a reader never sees half a file and a failure never leaves one: the
 * content goes to a temporary file in the target's own directory and is renamed over the target
 * (an atomic move) only after it was completely written and closed.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Body<T> {
        void write(T target) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Writes {@code target} from bytes. */
    public static void write(Path target, Body<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = temporarySibling(directoryOf(absolute), absolute.getFileName().toString(), ".tmp");
        // Ctrl-C or SIGTERM mid-write: the temporary file goes, the target stays as it was
        try (ShutdownCleanup interrupted = ShutdownCleanup.guard("file " + target, () -> Files.deleteIfExists(tmp))) {
            // CREATE_NEW with the default permissions (umask), unlike createTempFile's owner-only 0600
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                body.write(out);
            }
            moveIntoPlace(tmp, absolute);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code target} as UTF-8 text. */
    public static void writeText(Path target, Body<Writer> body) throws IOException {
        write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        });
    }

    /**
     * Checks, before any computation, that {@code target} can be written: its directory exists and it
     * is not itself a directory.
     *
     * @param option the option that named the file, for the message
     */
    public static void checkWritable(Path target, String option) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException(option + ": cannot write '" + target + "': directory '"
                    + (dir == null ? "" : dir) + "' does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(option + ": '" + target + "' is a directory; expected a file name");
        }
        if (!Files.isWritable(dir)) {
            throw new BadInputException(option + ": cannot write into directory '" + dir + "' (permission denied)");
        }
    }

    /** Renames {@code source} over {@code target} atomically (same directory, so the move is a rename). */
    static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // file systems without atomic rename still get a whole-file replace
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A fresh hidden name {@code .NAME.<random>SUFFIX} in {@code dir} (not yet created). */
    static Path temporarySibling(Path dir, String name, String suffix) {
        return dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
    }

    private static Path directoryOf(Path absolute) {
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException("cannot write '" + absolute + "': directory '"
                    + (dir == null ? "" : dir) + "' does not exist");
        }
        return dir;
    }
}
