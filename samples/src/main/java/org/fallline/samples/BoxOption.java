package org.fallline.samples;

import org.fallline.core.field.Box;
import org.fallline.core.field.ScalarField;
import org.fallline.samples.internal.OptionTypes;

import picocli.CommandLine.Option;

/**
 * {@code --box LO:HI[,LO:HI...]}, the box a command searches (a {@code @Mixin}); its example is given per command
 * under {@code fallline.COMMAND.box} in {@code OptionHelp.properties}.
 */
final class BoxOption {

    @Option(names = "--box", required = true, paramLabel = "LO:HI[,LO:HI...]",
            converter = OptionTypes.IntervalsConverter.class,
            description = "The box, one interval per variable, e.g. -2:2,-1:1.")
    OptionTypes.Intervals intervals;

    /** The box, one interval LO &lt; HI per variable of the field (bad input otherwise, naming --box). */
    Box of(PotentialOptions potential, ScalarField field) {
        return potential.box(intervals, field, "--box");
    }
}
