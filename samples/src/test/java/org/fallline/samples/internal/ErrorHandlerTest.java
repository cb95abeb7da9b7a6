package org.fallline.samples.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

import org.fallline.core.CoreException;
import org.fallline.physics.PhysicsException;
import org.fallline.evolution.SelectionException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {

    private record Reported(int status, List<String> lines) { }

    private static Reported report(Throwable t) {
        StringWriter w = new StringWriter();
        PrintWriter err = new PrintWriter(w);
        int status = ErrorHandler.report(t, err);
        err.flush();
        return new Reported(status, List.of(w.toString().split("\\R")));
    }

    @Test
    void exceptionsMapToExitStatus() {
        assertEquals(new Reported(2, List.of("error: box coordinate 1 needs LO < HI")),
                report(new CoreException("box coordinate 1 needs LO < HI")));
        assertEquals(new Reported(3, List.of("error: the Hessian is singular at (0, 0)")),
                report(CoreException.numerical("the Hessian is singular at (0, 0)")));
        assertEquals(new Reported(2, List.of("error: --n must be >= 2")),
                report(PhysicsException.badInput("--n must be >= 2")));
        assertEquals(new Reported(3, List.of("error: blow-up at t = 0.3")),
                report(PhysicsException.numerical("blow-up at t = 0.3")));
        assertEquals(new Reported(2, List.of("error: data.csv:3:2: expected a number")),
                report(new SelectionException(SelectionException.Kind.BAD_INPUT, "data.csv:3:2: expected a number")));
        assertEquals(new Reported(3, List.of("error: IRLS did not converge")),
                report(new SelectionException(SelectionException.Kind.NUMERICAL, "IRLS did not converge")));
        assertEquals(new Reported(2, List.of("error: file not found: x.csv")),
                report(new UncheckedIOException(new NoSuchFileException("x.csv"))));
        assertEquals(new Reported(2, List.of("error: --potential: expected ')' at column 3", "(x", "  ^")),
                report(new BadInputException("--potential: expected ')' at column 3", List.of("(x", "  ^"), null)));
    }

    @Test
    void unexpectedExceptionIsInternalErrorOnOneLine() {
        Reported r = report(new IllegalStateException("broken\ninvariant"));
        assertEquals(1, r.status());
        assertEquals(List.of("error: internal error: broken invariant"), r.lines());
        assertEquals(List.of("error: internal error: java.lang.NullPointerException"),
                report(new NullPointerException()).lines());
    }

    @Test
    void debugTraceShowsCauses() {
        StringWriter w = new StringWriter();
        ErrorHandler.trace(new IllegalStateException("outer", new ArithmeticException("inner")), new PrintWriter(w));
        String trace = w.toString();
        assertTrue(trace.startsWith("java.lang.IllegalStateException: outer"), trace);
        assertTrue(trace.contains("Caused by: java.lang.ArithmeticException: inner"), trace);
        assertTrue(trace.contains("\tat org.fallline.samples.internal.ErrorHandlerTest"), trace);
    }

    @Test
    void progressBarDrawsInPlaceAndEnds() {
        StringWriter w = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(w), "bootstrap");
        p.progress(0, 200);
        p.progress(1, 200);
        p.progress(100, 200);
        p.progress(200, 200);
        String out = w.toString();
        // redrawn once per percent: 0%, 50%, 100% (1/200 rounds down to 0%)
        assertEquals(3, out.split("\r", -1).length - 1, out);
        assertTrue(out.contains("] 50%"), out);
        assertTrue(out.endsWith("] 100%" + System.lineSeparator()), out);
    }
}
