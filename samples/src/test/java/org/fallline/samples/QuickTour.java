package org.fallline.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One {@code fallline tour --quick} per test JVM, shared by the tests that read its report (the command's
 * test and the browser test), written under target/ so that it can be looked at after a failure.
 */
final class QuickTour {

    static final Path DIRECTORY = Path.of("target", "quick-tour").toAbsolutePath();

    private static Run.Result result;

    private QuickTour() {
    }

    /** The run, made on first use. */
    static synchronized Run.Result run() {
        if (result == null) {
            delete(DIRECTORY);
            result = Run.fallline("tour", "--quick", "--out", DIRECTORY.toString());
        }
        return result;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
