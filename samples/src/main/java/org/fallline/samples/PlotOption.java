package org.fallline.samples;

import java.nio.file.Path;

import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.AtomicFiles;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --plot FILE.png|.svg}, the figure of a command (a {@code @Mixin}); what the figure shows is said
 * per command under {@code fallline.COMMAND.plot} in {@code OptionHelp.properties}.
 */
final class PlotOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--plot", paramLabel = "FILE.png|.svg", description = "Draw the figure (.png or .svg).")
    Path file;

    /** True when {@code --plot} was given. */
    boolean wanted() {
        return file != null;
    }

    Path file() {
        return file;
    }

    /** Bad input unless the file ends in .png or .svg (checked before any work). */
    void checkExtension() {
        if (!Figures.isFigureFile(file)) {
            throw new ParameterException(spec.commandLine(), "--plot: '" + file + "' must end in .png or .svg");
        }
    }

    /** Bad input unless the file can be written (checked before any work). */
    void checkWritable() {
        AtomicFiles.checkWritable(file, "--plot");
    }

    /** Both checks, when {@code --plot} was given. */
    void check() {
        if (wanted()) {
            checkExtension();
            checkWritable();
        }
    }
}
