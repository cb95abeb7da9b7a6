package org.fallline.evolution.io;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.fallline.evolution.SelectionException;

/**
 * How a delimited phenotype file is written: the field separator (detected from the header when not given, or
 * from an Excel {@code sep=;} first line), the decimal mark ('.' or ',') and the cell texts that stand for a
 * missing value. The defaults read what R's {@code read.csv} writes: ',' or detected separator, '.' decimal mark,
 * missing {@code ""}, {@code NA} and {@code NaN}. A file written with a decimal comma (European spreadsheets,
 * R's {@code write.csv2}) uses ';' or tab as its separator; ',' then cannot be the separator.
 *
 * @param separator    the separator, or empty to detect it
 * @param decimalComma true when numbers are written with ',' as the decimal mark
 * @param missing      cell texts (trimmed) read as missing; the empty cell is always missing
 */
public record CsvFormat(Optional<Character> separator, boolean decimalComma, Set<String> missing) {

    /** The missing-value codes of R's {@code read.csv} and of fallline before {@code --na}: NA and NaN. */
    public static final Set<String> DEFAULT_MISSING = Set.of("NA", "NaN");

    /** Detected separator, decimal point, NA and NaN missing. */
    public static final CsvFormat DEFAULT = new CsvFormat(Optional.empty(), false, DEFAULT_MISSING);

    public CsvFormat {
        if (decimalComma && separator.isPresent() && separator.get() == ',') {
            throw new SelectionException("with a decimal comma the field separator cannot also be ','; use ';' or a tab");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String m : missing) {
            codes.add(m.trim());
        }
        codes.add("");
        missing = Set.copyOf(codes);
    }

    /** This format with the given separator. */
    public CsvFormat withSeparator(char c) {
        return new CsvFormat(Optional.of(c), decimalComma, missing);
    }

    /** This format with numbers written with a decimal comma. */
    public CsvFormat withDecimalComma(boolean on) {
        return new CsvFormat(separator, on, missing);
    }

    /** This format with these missing-value codes (replacing the defaults; the empty cell stays missing). */
    public CsvFormat withMissing(Set<String> codes) {
        return new CsvFormat(separator, decimalComma, codes);
    }

    /** The decimal mark: ',' or '.'. */
    public char decimalMark() {
        return decimalComma ? ',' : '.';
    }
}
