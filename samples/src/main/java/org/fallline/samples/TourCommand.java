package org.fallline.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fallline.core.ProgressListener;
import org.fallline.samples.internal.ConsoleProgress;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.QuietOption;
import org.fallline.samples.internal.VersionProvider;
import org.fallline.samples.tour.SectionReport;
import org.fallline.samples.tour.Tour;
import org.fallline.samples.tour.TourSection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fallline tour}: a representative case of every part of fallline on bundled data, written as a
 * report directory with one self-contained page ({@code index.html}), its figures and data files, and
 * summarised on stdout in about a screen that ends with the path of the page.
 */
@Command(name = "tour", sortOptions = false,
        description = {"Run a representative case of every part of fallline and write a report: "
                + "DIR/index.html with figures, key numbers, and the command that reproduces each section.",
                "Example: fallline tour --quick --out report"})
final class TourCommand implements Callable<Integer> {

    /** The sections, in page order: evolution, core, then physics and geometry. */
    static List<TourSection> sections() {
        return List.of(new SelectionTour(), new EquilibriaTour(), new DescentTour(), new FlowTour(), new HeatTour(),
                new SurfaceTour());
    }

    /** Key numbers per section in the terminal summary. */
    private static final int SUMMARY_NUMBERS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fallline-report",
            description = "The report directory (default: ${DEFAULT-VALUE}); it appears only when the whole "
                    + "tour succeeded.")
    Path out;

    @Option(names = "--quick", description = "Smaller grids and fewer resamples (a few seconds).")
    boolean quick;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = !quiet.isSet() && System.console() != null;
        long start = System.nanoTime();
        Tour.Result result = Tour.run(sections(), out, "--out", quick, VersionProvider.version(),
                showProgress ? new TerminalListener(err) : Tour.Listener.SILENT);
        stdout.println("fallline tour" + (quick ? " --quick" : "") + ": " + result.sections().size() + " sections, "
                + result.files().size() + " files, " + String.format(Locale.ROOT, "%.1f s",
                (System.nanoTime() - start) * 1e-9));
        for (SectionReport s : result.sections()) {
            stdout.println();
            Tour.summarize(s, stdout, SUMMARY_NUMBERS);
        }
        stdout.println();
        stdout.println("report: " + result.page());
        stdout.flush();
        return ExitStatus.OK;
    }

    /** Section lines and a progress bar per section, on a terminal. */
    private record TerminalListener(PrintWriter err) implements Tour.Listener {
        @Override
        public void started(int index, int count, TourSection section) {
            err.println("[" + index + "/" + count + "] " + section.domain() + ": " + section.title());
            err.flush();
        }

        @Override
        public ProgressListener progress(TourSection section) {
            return ConsoleProgress.create(err, "      " + section.id(), false);
        }

        @Override
        public void finished(int index, int count, SectionReport report, double seconds) {
            err.println(String.format(Locale.ROOT, "      done in %.1f s", seconds));
            err.flush();
        }
    }
}
