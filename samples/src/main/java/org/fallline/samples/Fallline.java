package org.fallline.samples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.fallline.samples.internal.ErrorHandler;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.VersionProvider;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code fallline} command line: equilibria of a potential, descent on it, and Lande–Arnold
 * selection analysis of phenotype tables.
 *
 * <p>Exit status of every subcommand: 0 result obtained; 2 bad input or usage, with one line on stderr
 * beginning {@code error:}; 3 the computation ran but did not reach its result (output still written,
 * the reason on stderr); 1 an internal error.
 */
@Command(name = "fallline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        resourceBundle = "org.fallline.samples.OptionHelp",
        scope = ScopeType.INHERIT,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "The gradient is a compass: equilibria, descent and selection gradients of scalar fields.",
        footerHeading = "%nExit status:%n",
        footer = {"  0  result obtained",
                  "  2  bad input or usage (one 'error:' line on stderr)",
                  "  3  the computation ran but did not reach its result",
                  "     (output still written, the reason on stderr)",
                  "  1  internal error"},
        subcommands = {EquilibriaCommand.class, DescendCommand.class, SelectionCommand.class, TourCommand.class,
                FlowCommand.class, SurfaceCommand.class, HeatCommand.class,
                PortraitCommand.class})
public final class Fallline implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = ErrorHandler.DEBUG_OPTION, hidden = true, scope = ScopeType.INHERIT,
            description = "Print the stack trace of internal errors.")
    boolean debug;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand; expected one of: "
                + String.join(", ", spec.subcommands().keySet()) + " (see 'fallline --help')");
    }

    /** The command line with its error handlers, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        ErrorHandler handler = new ErrorHandler();
        CommandLine cmd = new CommandLine(new Fallline())
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler)
                .setOut(out)
                .setErr(err);
        return cmd;
    }

    /**
     * Runs one call of the program and returns its exit status; errors of the JVM itself (a stack
     * overflow, memory exhausted) are reported as internal errors rather than escaping.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        try {
            return commandLine(out, err).execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            err.println("error: internal error: " + e);
            return ExitStatus.INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int status = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(status);
    }
}
