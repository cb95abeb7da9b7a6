package org.fallline.samples.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The output formats ({@code --format}); each command accepts the ones it can render. */
public enum Format {
    /** Aligned plain text for people. */
    TABLE,
    /** Tidy comma-separated rows, one estimate per row. */
    CSV,
    /** A JSON document with full-precision numbers. */
    JSON;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Format read(String value, Format... allowed) {
        for (Format f : allowed) {
            if (f.toString().equalsIgnoreCase(value.strip())) {
                return f;
            }
        }
        throw new TypeConversionException("expected " + Arrays.stream(allowed).map(Format::toString)
                .collect(Collectors.joining("|")) + ", got '" + value + "'");
    }

    /** Reads {@code table|json}. */
    public static final class TableOrJson implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return read(value, TABLE, JSON);
        }
    }

    /** Reads {@code table|csv|json}. */
    public static final class TableCsvOrJson implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return read(value, TABLE, CSV, JSON);
        }
    }
}
