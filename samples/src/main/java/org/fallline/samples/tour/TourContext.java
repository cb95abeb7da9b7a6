package org.fallline.samples.tour;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.ProgressListener;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.Csv;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.StagedDirectory;
import org.jfree.chart.JFreeChart;

/**
 * What a {@link TourSection} gets to work with: the staged report directory its files go into, whether
 * this is a quick tour (smaller grids, fewer resamples), and a progress listener for its long loops.
 * Every file lands in the report only when the whole tour succeeds ({@link StagedDirectory}).
 */
public final class TourContext {

    /** Size of the figures on the page, in pixels. */
    static final int FIGURE_WIDTH = 720;
    static final int FIGURE_HEIGHT = 540;

    private final StagedDirectory directory;
    private final boolean quick;
    private final ProgressListener progress;

    TourContext(StagedDirectory directory, boolean quick, ProgressListener progress) {
        this.directory = directory;
        this.quick = quick;
        this.progress = progress;
    }

    /** True for {@code --quick}: the same cases on smaller grids with fewer resamples. */
    public boolean quick() {
        return quick;
    }

    /** Reports progress within the current section. */
    public ProgressListener progress() {
        return progress;
    }

    /** The staged directory, for writers that take one (such as the selection figures). */
    public StagedDirectory directory() {
        return directory;
    }

    /** Where to write the file {@code name} (a plain file name) now. */
    public Path file(String name) {
        return directory.file(name);
    }

    /** Writes a chart as PNG and returns the file name. */
    public String png(String name, JFreeChart chart) throws IOException {
        Figures.write(chart, file(name), FIGURE_WIDTH, FIGURE_HEIGHT);
        return name;
    }

    /** Writes a CSV table and returns the file name. */
    public String csv(String name, List<String> header, List<String[]> rows) throws IOException {
        try (var w = Files.newBufferedWriter(file(name), StandardCharsets.UTF_8)) {
            Csv.write(w, header, rows);
        }
        return name;
    }

    /** Writes a JSON document and returns the file name. */
    public String json(String name, ObjectNode document) throws IOException {
        Files.writeString(file(name), Json.toString(document) + System.lineSeparator(), StandardCharsets.UTF_8);
        return name;
    }
}
