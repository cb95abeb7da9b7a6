package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during the tour: the JVM is stopped by a signal (SIGTERM, which runs the shutdown hooks as SIGINT does)
 * while the report is being written, and afterwards neither the report directory nor its staging directory
 * exists — no partial files — and an earlier report beside it is untouched.
 */
class TourInterruptTest {

    @Test
    void aSignalDuringTheTourLeavesNoPartialReport(@TempDir Path tmp) throws Exception {
        Path earlier = Files.createDirectory(tmp.resolve("earlier-report"));
        Files.writeString(earlier.resolve("index.html"), "an earlier report");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Fallline.class.getName(), "tour", "--out", tmp.resolve("report").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        // wait until the tour is writing into its staging directory, then interrupt it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean staging = false;
        while (!staging && p.isAlive() && System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(tmp)) {
                staging = s.anyMatch(f -> f.getFileName().toString().startsWith(".report.")
                        && hasFiles(f));
            }
            Thread.sleep(20);
        }
        assertTrue(staging, "the tour never started writing: " + Files.readString(tmp.resolve("log.txt")));
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the tour did not stop");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("earlier-report", "log.txt"), s.map(f -> f.getFileName().toString()).sorted().toList(),
                    "left behind after the signal");
        }
        assertEquals("an earlier report", Files.readString(earlier.resolve("index.html")));
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            // the directory went away between the listing and now
            return false;
        }
    }
}
