package org.fallline.samples.tour;

import java.io.IOException;

/**
 * One section of the tour: a representative case of one part of fallline, computed by library calls on
 * bundled or built-in data, that contributes figures, a table of key numbers (each beside the reference it
 * is checked against), a sentence in the language of the seed idea — the gradient as a compass — and the
 * exact {@code fallline} command that reproduces it.
 *
 * <p>A domain adds its section by implementing this interface beside its subcommand and listing it in the
 * {@code tour} command; the
 * page ({@link TourPage}) and the terminal summary are rendered from the {@link SectionReport}s alone.
 */
public interface TourSection {

    /** A short identifier, used as the page anchor and as the prefix of the section's files. */
    String id();

    /** The domain the section shows: core, evolution, physics or geometry. */
    String domain();

    /** The section's heading. */
    String title();

    /**
     * Computes the section and writes its files through {@code context}.
     *
     * @throws IOException when a file cannot be written
     */
    SectionReport run(TourContext context) throws IOException;
}
