package org.fallline.samples.internal;

import picocli.CommandLine.Option;

/** {@code --from X0[,X1...]}, the starting point of a descent or a flow (a {@code @Mixin}). */
public final class StartOption {

    @Option(names = "--from", required = true, paramLabel = "X0[,X1...]", converter = OptionTypes.PointConverter.class,
            description = "The starting point, one coordinate per variable.")
    OptionTypes.Point from;

    /** The point as given, before it is checked against the potential's variables. */
    public OptionTypes.Point get() {
        return from;
    }
}
