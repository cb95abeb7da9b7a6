package org.fallline.samples.internal;

import picocli.CommandLine.Option;

/**
 * {@code --format table|json}, the output format of every subcommand that prints a table for people or
 * a JSON document for programs (a {@code @Mixin}, so each command declares it once).
 */
public final class FormatOption {

    @Option(names = "--format", paramLabel = "table|json", converter = Format.TableOrJson.class,
            defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    /** The format asked for; {@link Format#TABLE} unless {@code --format json} was given. */
    public Format get() {
        return format;
    }

    /** True for {@code --format json}. */
    public boolean json() {
        return format == Format.JSON;
    }
}
