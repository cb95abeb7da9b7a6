package org.fallline.samples.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link TourSection} contributes to the report.
 *
 * @param id       the section's identifier (page anchor)
 * @param domain   core, evolution, physics or geometry
 * @param title    the heading
 * @param sentence what the section shows, in the language of the gradient as a compass
 * @param figures  figures written beside the page, in display order
 * @param numbers  the key numbers, each with the reference it is checked against
 * @param commands the exact {@code fallline} commands that reproduce the section
 * @param files    data files (CSV, JSON, meshes) written beside the page and linked from it
 */
public record SectionReport(String id, String domain, String title, String sentence, List<Figure> figures,
                            List<KeyNumber> numbers, List<String> commands, List<DataFile> files) {

    public SectionReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sentence, "sentence");
        figures = List.copyOf(figures);
        numbers = List.copyOf(numbers);
        commands = List.copyOf(commands);
        files = List.copyOf(files);
    }

    /**
     * A figure file beside the page.
     *
     * @param file    the file name (PNG or SVG), relative to the page
     * @param caption what the figure shows
     */
    public record Figure(String file, String caption) {
    }

    /**
     * One key number.
     *
     * @param quantity  what it is
     * @param value     its value as computed here, formatted
     * @param reference the value it is checked against and where that value comes from (empty if none)
     */
    public record KeyNumber(String quantity, String value, String reference) {
    }

    /**
     * A data file beside the page.
     *
     * @param file        the file name, relative to the page
     * @param description what it holds
     */
    public record DataFile(String file, String description) {
    }

    /** Starts a report of the given section. */
    public static Builder of(TourSection section) {
        return new Builder(section.id(), section.domain(), section.title());
    }

    /** Collects a section's contributions in order. */
    public static final class Builder {
        private final String id;
        private final String domain;
        private final String title;
        private String sentence = "";
        private final List<Figure> figures = new ArrayList<>();
        private final List<KeyNumber> numbers = new ArrayList<>();
        private final List<String> commands = new ArrayList<>();
        private final List<DataFile> files = new ArrayList<>();

        private Builder(String id, String domain, String title) {
            this.id = id;
            this.domain = domain;
            this.title = title;
        }

        /** The section's sentence. */
        public Builder sentence(String text) {
            this.sentence = text;
            return this;
        }

        /** Adds a figure. */
        public Builder figure(String file, String caption) {
            figures.add(new Figure(file, caption));
            return this;
        }

        /** Adds a key number with its reference. */
        public Builder number(String quantity, String value, String reference) {
            numbers.add(new KeyNumber(quantity, value, reference));
            return this;
        }

        /** Adds a reproducing command. */
        public Builder command(String command) {
            commands.add(command);
            return this;
        }

        /** Adds a linked data file. */
        public Builder file(String file, String description) {
            files.add(new DataFile(file, description));
            return this;
        }

        /** The report. */
        public SectionReport build() {
            return new SectionReport(id, domain, title, sentence, figures, numbers, commands, files);
        }
    }
}
