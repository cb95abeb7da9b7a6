package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The command line's error contract, as assertions on one run. */
final class Contract {

    private Contract() {
    }

    /**
     * A refused run: exit 2 (bad input) or 3 (a computation that ran and failed), exactly one line on stderr
     * beginning {@code error:} and containing {@code where}, no stack trace, nothing on stdout that says NaN.
     */
    static void refused(Run.Result r, String where) {
        assertTrue(r.status() == 2 || r.status() == 3, r::toString);
        List<String> lines = r.errLines();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("error:")).count(), r::toString);
        String error = lines.stream().filter(l -> l.startsWith("error:")).findFirst().orElseThrow();
        assertTrue(error.contains(where), () -> "the error should name '" + where + "'\n" + r);
        assertFalse(error.contains("internal error"), r::toString);
        noStackTrace(r);
        noNaN(r.out(), r);
    }

    static void noStackTrace(Run.Result r) {
        assertTrue(r.errLines().stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")
                || l.startsWith("Caused by")), r::toString);
    }

    /** No NaN or infinity written as a number. */
    static void noNaN(String text, Object context) {
        assertFalse(text.matches("(?s).*\\b(NaN|-?Infinity)\\b.*"), () -> "NaN or infinity in output\n" + context);
    }

    /** The directory holds nothing but {@code expected} (no half-written output, no staging leftovers). */
    static void onlyThese(Path dir, String... expected) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(expected), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
