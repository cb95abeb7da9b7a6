package org.fallline.samples.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of outputs ({@code --out DIR}) that appears all at once or not at all. Files are written
 * into a hidden staging directory next to DIR; {@link #commit()} moves them into DIR (each by an
 * atomic rename, or DIR as a whole when it did not exist) once the whole analysis has succeeded, and
 * {@link #close()} removes the staging directory with whatever it holds if no commit happened.
 */
public final class StagedDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Opens a staging directory for {@code target}.
     *
     * @param option the option that named the directory, for messages
     */
    public static StagedDirectory open(Path target, String option) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException(option + ": cannot create '" + target + "': directory '"
                    + (parent == null ? "" : parent) + "' does not exist");
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new BadInputException(option + ": '" + target + "' exists and is not a directory");
        }
        // createDirectory with the default permissions (umask): the staging directory may become DIR itself
        Path staging = Files.createDirectory(
                AtomicFiles.temporarySibling(parent, absolute.getFileName().toString(), ".staging"));
        return new StagedDirectory(absolute, staging);
    }

    /** The directory the outputs will end up in. */
    public Path target() {
        return target;
    }

    /** Where to write the output called {@code fileName} now (inside the staging directory). */
    public Path file(String fileName) {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        Path p = staging.resolve(fileName).normalize();
        if (!staging.equals(p.getParent())) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        return p;
    }

    /** Moves every staged file into the target directory. */
    public List<Path> commit() throws IOException {
        List<Path> staged;
        try (Stream<Path> s = Files.list(staging)) {
            staged = s.sorted().toList();
        }
        List<Path> placed = new ArrayList<>();
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
                staged.forEach(p -> placed.add(target.resolve(p.getFileName())));
                return placed;
            } catch (AtomicMoveNotSupportedException e) {
                Files.createDirectories(target);
            }
        }
        for (Path p : staged) {
            Path dest = target.resolve(p.getFileName());
            AtomicFiles.moveIntoPlace(p, dest);
            placed.add(dest);
        }
        committed = true;
        Files.deleteIfExists(staging);
        return placed;
    }

    /** Removes the staging directory and what it holds unless the outputs were committed. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> s = Files.walk(staging)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
