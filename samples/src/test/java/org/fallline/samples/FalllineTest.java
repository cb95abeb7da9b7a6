package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FalllineTest {

    @Test
    void helpAndVersionExitZero() {
        Run.Result help = Run.fallline("--help");
        assertEquals(0, help.status(), help::toString);
        assertTrue(help.out().startsWith("Usage: fallline"), help::toString);

        Run.Result version = Run.fallline("--version");
        assertEquals(0, version.status(), version::toString);
        assertTrue(version.out().matches("(?s)fallline \\d+\\.\\d+\\.\\d+.*"), version::toString);
    }

    @Test
    void missingSubcommandIsUsageError() {
        Run.Result r = Run.fallline();
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: missing subcommand"), r::toString);
    }

    @Test
    void everySubcommandHasHelpVersionAndTheHiddenDebugOption() {
        for (String sub : new String[] {"equilibria", "descend", "selection"}) {
            Run.Result help = Run.fallline(sub, "--help");
            assertEquals(0, help.status(), help::toString);
            assertTrue(help.out().startsWith("Usage: fallline " + sub), help::toString);
            assertTrue(!help.out().contains("--debug"), help::toString);
            Run.Result version = Run.fallline(sub, "--version");
            assertEquals(0, version.status(), version::toString);
            assertTrue(version.out().startsWith("fallline "), version::toString);
        }
        Run.Result debug = Run.fallline("selection", "--debug", "--quiet", "--traits", "Weight_g", "--format", "csv");
        assertEquals(0, debug.status(), debug::toString);
    }

    @Test
    void debugAddsTheStackTraceAfterTheErrorLineOfABadInput() {
        Run.Result plain = Run.fallline("selection", "--quiet", "--traits", "NoSuchTrait");
        assertEquals(2, plain.status(), plain::toString);
        assertEquals(1, plain.errLines().size(), plain::toString);
        Run.Result debug = Run.fallline("selection", "--debug", "--quiet", "--traits", "NoSuchTrait");
        assertEquals(2, debug.status(), debug::toString);
        assertEquals(plain.errLines().get(0), debug.errLines().get(0), debug::toString);
        assertTrue(debug.errLines().size() > 2, debug::toString);
        assertTrue(debug.errLines().stream().skip(1).anyMatch(l -> l.startsWith("\tat org.fallline.")), debug::toString);
    }

    @Test
    void unknownOptionIsUsageError() {
        Run.Result r = Run.fallline("--frobnicate");
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains("--frobnicate"), r::toString);
    }
}
