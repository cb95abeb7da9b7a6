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
 * A directory of outputs ({@code --out DIR}) that appears all at once or not at all, and afterwards holds exactly
 * the files of this run. Files are written into a hidden staging directory next to DIR; {@link #commit()} puts the
 * staging directory in DIR's place (by renames) once the whole run has succeeded, so that files of an earlier run
 * never stand beside the new ones, and {@link #close()} removes the staging directory with whatever it holds if no
 * commit happened. DIR records what fallline wrote in a manifest, {@value #MANIFEST}; an existing DIR that holds
 * anything else is refused (the user's own files are never replaced) unless {@code force} is given.
 */
public final class StagedDirectory implements AutoCloseable {

    /** The file in DIR that lists the files fallline wrote there, one name per line. */
    public static final String MANIFEST = ".fallline-output";

    private final Path target;
    private final Path staging;
    private final ShutdownCleanup interrupted;
    private boolean committed;

    private StagedDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        // Ctrl-C or SIGTERM before the commit: the staging directory goes, the target stays as it was
        this.interrupted = ShutdownCleanup.guard("output directory " + target, () -> delete(staging));
    }

    /**
     * Opens a staging directory for {@code target}, refusing a target that holds files fallline did not write.
     *
     * @param option the option that named the directory, for messages
     */
    public static StagedDirectory open(Path target, String option) throws IOException {
        return open(target, option, false);
    }

    /**
     * Opens a staging directory for {@code target}.
     *
     * @param option the option that named the directory, for messages
     * @param force  replace the target's contents even when it holds files fallline did not write
     */
    public static StagedDirectory open(Path target, String option, boolean force) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException(option + ": cannot create '" + target + "': directory '"
                    + (parent == null ? "" : parent) + "' does not exist");
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new BadInputException(option + ": '" + target + "' exists and is not a directory");
        }
        if (!force && Files.isDirectory(absolute)) {
            List<String> foreign = foreign(absolute);
            if (!foreign.isEmpty()) {
                throw new BadInputException(option + ": '" + target + "' holds " + foreign.size() + " file"
                        + (foreign.size() == 1 ? "" : "s") + " that fallline did not write (" + String.join(", ",
                        foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", …" : "")
                        + "); choose a new or empty directory, or give --force to replace its contents");
            }
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

    /** The names in {@code dir} that its manifest does not list (everything, without a manifest). */
    static List<String> foreign(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        List<String> ours = Files.isRegularFile(manifest) ? Files.readAllLines(manifest) : List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(MANIFEST) && !ours.contains(n))
                    .sorted().toList();
        }
    }

    /** Puts the staged files in the target's place: afterwards the target holds exactly these files. */
    public List<Path> commit() throws IOException {
        List<Path> staged;
        try (Stream<Path> s = Files.list(staging)) {
            staged = s.sorted().toList();
        }
        List<String> names = new ArrayList<>();
        staged.forEach(p -> names.add(p.getFileName().toString()));
        Files.write(staging.resolve(MANIFEST), names);
        List<Path> placed = new ArrayList<>();
        staged.forEach(p -> placed.add(target.resolve(p.getFileName())));
        Path old = null;
        if (Files.exists(target)) {
            // the earlier run's directory steps aside, the new one takes its place, then the old one goes
            old = AtomicFiles.temporarySibling(target.getParent(), target.getFileName().toString(), ".old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.createDirectories(target);
            for (Path p : staged) {
                AtomicFiles.moveIntoPlace(p, target.resolve(p.getFileName()));
            }
            AtomicFiles.moveIntoPlace(staging.resolve(MANIFEST), target.resolve(MANIFEST));
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            if (old != null && !Files.exists(target)) {
                // the new outputs could not take the old ones' place: the old ones come back
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        committed = true;
        interrupted.disarm();
        if (old != null) {
            delete(old);
        }
        return placed;
    }

    /** Removes the staging directory and what it holds unless the outputs were committed. */
    @Override
    public void close() throws IOException {
        interrupted.close();
        delete(staging);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
