package org.fallline.samples.tour;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fallline.core.ProgressListener;
import org.fallline.samples.internal.AtomicFiles;
import org.fallline.samples.internal.StagedDirectory;

/**
 * Runs the sections of the tour in order and writes the report directory: every section's files and
 * {@code index.html} go into a {@link StagedDirectory} that becomes the target only when every section has
 * succeeded; an interruption (Ctrl-C, a failure) removes the staging directory, so no half-written report is
 * ever left and an existing report is never partly overwritten.
 */
public final class Tour {

    /** The name of the page in the report directory. */
    public static final String PAGE = "index.html";

    /** Where the tour reports what it is doing. */
    public interface Listener {
        /** A section starts ({@code index} counts from 1). */
        void started(int index, int count, TourSection section);

        /** Progress within the running section. */
        ProgressListener progress(TourSection section);

        /** A section is done after {@code seconds}. */
        void finished(int index, int count, SectionReport report, double seconds);

        /** A listener that says nothing. */
        Listener SILENT = new Listener() {
            @Override
            public void started(int index, int count, TourSection section) {
            }

            @Override
            public ProgressListener progress(TourSection section) {
                return ProgressListener.NONE;
            }

            @Override
            public void finished(int index, int count, SectionReport report, double seconds) {
            }
        };
    }

    /**
     * What a finished tour wrote.
     *
     * @param directory the report directory
     * @param page      its index.html
     * @param sections  the sections' reports, in page order
     * @param files     every file written
     */
    public record Result(Path directory, Path page, List<SectionReport> sections, List<Path> files) {
        public Result {
            sections = List.copyOf(sections);
            files = List.copyOf(files);
        }
    }

    private Tour() {
    }

    /**
     * Runs the sections and writes the report into {@code out}.
     *
     * @param option the option that named the directory, for messages
     */
    public static Result run(List<TourSection> sections, Path out, String option, boolean quick, String version,
                             Listener listener) throws IOException {
        try (StagedDirectory staged = StagedDirectory.open(out, option)) {
            List<SectionReport> reports = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                TourSection s = sections.get(i);
                listener.started(i + 1, sections.size(), s);
                long start = System.nanoTime();
                SectionReport r = s.run(new TourContext(staged, quick, listener.progress(s)));
                reports.add(r);
                listener.finished(i + 1, sections.size(), r, (System.nanoTime() - start) * 1e-9);
            }
            AtomicFiles.writeText(staged.file(PAGE), w -> TourPage.write(w, reports, version, quick));
            List<Path> files = staged.commit();
            return new Result(staged.target(), staged.target().resolve(PAGE), reports, files);
        }
    }

    /** Writes a plain-text account of a section for the terminal summary. */
    public static void summarize(SectionReport r, PrintWriter out, int maxNumbers) {
        out.println(r.domain() + " / " + r.title());
        int shown = 0;
        for (SectionReport.KeyNumber k : r.numbers()) {
            if (shown++ == maxNumbers) {
                break;
            }
            out.println("  " + k.quantity() + ": " + k.value()
                    + (k.reference().isEmpty() ? "" : "   (" + k.reference() + ")"));
        }
    }
}
