package org.fallline.samples.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;

import org.fallline.core.CoreException;
import org.fallline.evolution.SelectionException;
import org.fallline.geometry.GeometryException;
import org.fallline.physics.PhysicsException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every exception a subcommand lets escape into one {@code error:} line on stderr and an exit
 * status (see {@link ExitStatus}): bad usage and bad input 2, a computation that did not reach its
 * result 3, anything unexpected 1 ({@code error: internal error: …}). Under {@code --debug} or the
 * environment variable {@value #DEBUG_ENV} every error, whatever its status, is followed by its stack
 * trace (after the one {@code error:} line), so that a bad-input report can be traced to where it was raised.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Environment variable that, when set to anything but empty or 0, asks for stack traces. */
    public static final String DEBUG_ENV = "FALLLINE_DEBUG";

    /** The hidden option that asks for stack traces. */
    public static final String DEBUG_OPTION = "--debug";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("error: " + oneLine(ex.getMessage()));
        err.flush();
        return ExitStatus.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int status = report(ex, err);
        if (debug(parseResult)) {
            trace(ex, err);
        }
        err.flush();
        return status;
    }

    /** Prints the error line(s) for {@code ex} and returns the exit status it maps to. */
    static int report(Throwable ex, PrintWriter err) {
        if (ex instanceof BadInputException bad) {
            err.println("error: " + oneLine(bad.getMessage()));
            bad.details().forEach(err::println);
            return ExitStatus.BAD_INPUT;
        }
        if (ex instanceof SelectionException selection) {
            err.println("error: " + oneLine(selection.getMessage()));
            return selection.kind() == SelectionException.Kind.NUMERICAL
                    ? ExitStatus.INCOMPLETE : ExitStatus.BAD_INPUT;
        }
        if (ex instanceof GeometryException geometry) {
            err.println("error: " + oneLine(geometry.getMessage()));
            return geometry.kind() == GeometryException.Kind.NUMERICAL ? ExitStatus.INCOMPLETE : ExitStatus.BAD_INPUT;
        }
        if (ex instanceof PhysicsException physics) {
            err.println("error: " + oneLine(physics.getMessage()));
            return physics.kind() == PhysicsException.Kind.NUMERICAL
                    ? ExitStatus.INCOMPLETE : ExitStatus.BAD_INPUT;
        }
        if (ex instanceof CoreException core) {
            err.println("error: " + oneLine(core.getMessage()));
            return core.kind() == CoreException.Kind.NUMERICAL ? ExitStatus.INCOMPLETE : ExitStatus.BAD_INPUT;
        }
        if (ex instanceof UncheckedIOException io) {
            return report(io.getCause(), err);
        }
        if (ex instanceof IOException io) {
            err.println("error: " + describe(io));
            return ExitStatus.BAD_INPUT;
        }
        err.println("error: internal error: " + oneLine(String.valueOf(ex.getMessage() == null
                ? ex.getClass().getName() : ex.getMessage())));
        return ExitStatus.INTERNAL_ERROR;
    }

    /** The stack trace of an error and of its causes, for --debug. */
    static void trace(Throwable ex, PrintWriter err) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            err.println((t == ex ? "" : "Caused by: ") + t);
            for (StackTraceElement e : t.getStackTrace()) {
                err.println("\tat " + e);
            }
        }
    }

    /** The one-line text of an I/O failure; the JDK's messages for these are a bare path. */
    static String describe(IOException io) {
        if (io instanceof NoSuchFileException e) {
            return "file not found: " + e.getFile();
        }
        if (io instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (io instanceof NotDirectoryException e) {
            return "not a directory: " + e.getFile();
        }
        if (io instanceof FileAlreadyExistsException e) {
            return "file already exists: " + e.getFile();
        }
        return "I/O error: " + oneLine(String.valueOf(io.getMessage()));
    }

    /** True when stack traces were asked for, by {@value #DEBUG_OPTION} or {@value #DEBUG_ENV}. */
    static boolean debug(ParseResult parseResult) {
        String env = System.getenv(DEBUG_ENV);
        if (env != null && !env.isBlank() && !env.equals("0")) {
            return true;
        }
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }

    /** Collapses a message to a single line, so that the error is exactly one line on stderr. */
    public static String oneLine(String message) {
        return String.join(" ", List.of(message.strip().split("\\s*\\R\\s*")));
    }
}
