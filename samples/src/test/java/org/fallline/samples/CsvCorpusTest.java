package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error contract for phenotype tables: {@code fallline selection --data FILE} given a CSV file broken in
 * each of the ways files are broken in practice ends with exit 2 (or 3 when the computation ran and failed),
 * one {@code error:} line naming the file and the line, column or cell, no stack trace, and no {@code --out}
 * directory; the variations that are not errors (a BOM, CRLF line ends, semicolons, quoted names) give a
 * result without NaN.
 */
class CsvCorpusTest {

    /** A valid table: an identifier, fitness W and three traits for 40 individuals. */
    static String table() {
        StringBuilder b = new StringBuilder("id,W,a,b,c\n");
        long s = 12345;
        for (int i = 0; i < 40; i++) {
            double[] u = new double[4];
            for (int k = 0; k < 4; k++) {
                s = s * 6364136223846793005L + 1442695040888963407L;
                u[k] = ((s >>> 11) & ((1L << 53) - 1)) / (double) (1L << 53);
            }
            b.append(String.format(Locale.ROOT, "%d,%.3f,%.3f,%.3f,%.3f%n", i + 1, 0.2 + 1.6 * u[0], 10 + 4 * u[1],
                    20 + 5 * u[2], 3 * u[3]));
        }
        return b.toString();
    }

    private static Arguments broken(String name, String where, UnaryOperator<String> damage, String... options) {
        return Arguments.of(name, where, damage.apply(table()).getBytes(StandardCharsets.UTF_8), List.of(options));
    }

    private static Arguments brokenBytes(String name, String where, byte[] content) {
        return Arguments.of(name, where, content, List.of());
    }

    private static String replaceLine(String t, int line, String with) {
        List<String> lines = new ArrayList<>(t.lines().toList());
        lines.set(line - 1, with);
        return String.join("\n", lines) + "\n";
    }

    private static String cell(String t, int line, int column, String value) {
        List<String> lines = new ArrayList<>(t.lines().toList());
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[column - 1] = value;
        lines.set(line - 1, String.join(",", cells));
        return String.join("\n", lines) + "\n";
    }

    static Stream<Arguments> brokenTables() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 131 + 7);
        }
        return Stream.of(
                broken("empty file", "data.csv", t -> ""),
                broken("only blank lines", "data.csv", t -> "\n\n\n"),
                broken("only a header", "data.csv", t -> "id,W,a,b,c\n"),
                broken("header and one row", "individuals", t -> t.lines().limit(2).reduce("", (x, y) -> x + y + "\n")),
                broken("no header (numbers as names)", "W", t -> t.substring(t.indexOf('\n') + 1)),
                broken("tab-separated, but told comma", "W", t -> t.replace(',', '\t'), "--delimiter", ","),
                broken("decimal commas with semicolons", "data.csv:2", t -> t.replace(',', ';').replace('.', ',')),
                broken("a row with a cell missing", "data.csv:5", t -> replaceLine(t, 5, "4,1.0,11.0,21.0")),
                broken("a row with a cell too many", "data.csv:7", t -> replaceLine(t, 7, "6,1.0,11.0,21.0,1.0,9")),
                broken("a quote left open", "data.csv:9", t -> cell(t, 9, 3, "\"11.5")),
                broken("a word in a trait", "data.csv:11", t -> cell(t, 11, 4, "tall")),
                broken("a word in the fitness", "data.csv:12", t -> cell(t, 12, 2, "alive")),
                broken("Inf in a trait", "data.csv:14", t -> cell(t, 14, 3, "Inf")),
                broken("-Infinity in the fitness", "data.csv:15", t -> cell(t, 15, 2, "-Infinity")),
                broken("a number beyond double range", "data.csv:16", t -> cell(t, 16, 5, "1e400")),
                broken("huge numbers whose squares overflow", "'a'", t -> cell(cell(t, 17, 3, "1e200"), 18, 3,
                        "-1e200")),
                broken("negative fitness", "data.csv:19", t -> cell(t, 19, 2, "-0.5")),
                broken("all fitness zero", "W", t -> t.lines().map(l -> l.startsWith("id") ? l
                        : l.replaceFirst("^(\\d+),[^,]*", "$1,0")).reduce("", (x, y) -> x + y + "\n")),
                broken("duplicate column names", "data.csv:1", t -> t.replaceFirst("id,W,a,b,c", "id,W,a,a,c")),
                broken("an empty column name", "'b'", t -> t.replaceFirst("id,W,a,b,c", "id,W,a,,c")),
                broken("the trait column missing", "c", t -> t.lines().map(l -> l.substring(0, l.lastIndexOf(',')))
                        .reduce("", (x, y) -> x + y + "\n")),
                broken("the fitness column missing", "W", t -> t.replaceFirst("id,W,", "id,Z,")),
                broken("a constant trait", "c", t -> t.lines().map(l -> l.startsWith("id") ? l
                        : l.substring(0, l.lastIndexOf(',')) + ",1.5").reduce("", (x, y) -> x + y + "\n")),
                broken("two identical traits", "collinear", t -> t.lines().map(l -> {
                    String[] c = l.split(",");
                    return l.startsWith("id") ? l : String.join(",", c[0], c[1], c[2], c[3], c[2]);
                }).reduce("", (x, y) -> x + y + "\n")),
                broken("huge fitness values", "fitness", t -> cell(t, 22, 2, "1e300")),
                broken("every trait value missing", "no complete rows", t -> t.lines().map(l -> l.startsWith("id") ? l
                        : l.substring(0, l.indexOf(',', l.indexOf(',') + 1)) + ",,,").reduce("", (x, y) -> x + y + "\n")),
                broken("trailing text after the data", "data.csv:42", t -> t + "end of data\n"),
                broken("a megabyte cell", "data.csv:21", t -> cell(t, 21, 3, "9".repeat(1 << 20))),
                brokenBytes("a binary file", "data.csv", binary),
                brokenBytes("UTF-16 text", "data.csv", table().getBytes(StandardCharsets.UTF_16)),
                brokenBytes("invalid UTF-8 in a number", "data.csv:3", invalidUtf8()));
    }

    private static byte[] invalidUtf8() {
        byte[] t = table().getBytes(StandardCharsets.UTF_8);
        int line3 = table().indexOf('\n', table().indexOf('\n') + 1) + 3;
        t[line3] = (byte) 0xC3;
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTables")
    void brokenTableIsRefusedWithOneErrorLine(String what, String where, byte[] content, List<String> options,
                                              @TempDir Path tmp) throws IOException {
        Path data = Files.write(tmp.resolve("data.csv"), content);
        List<String> args = new ArrayList<>(List.of("selection", "--data", data.toString(), "--fitness", "W",
                "--traits", "a,b,c", "--out", tmp.resolve("out").toString()));
        args.addAll(options);
        Run.Result r = Run.fallline(args.toArray(String[]::new));
        Contract.refused(r, where);
        Contract.onlyThese(tmp, "data.csv");
    }

    static Stream<Arguments> acceptedVariations() {
        return Stream.of(
                Arguments.of("a byte-order mark", "\uFEFF" + table()),
                Arguments.of("CRLF line ends", table().replace("\n", "\r\n")),
                Arguments.of("semicolons, detected", table().replace(',', ';')),
                Arguments.of("tabs, detected", table().replace(',', '\t')),
                Arguments.of("quoted column names", table().replaceFirst("id,W,a,b,c", "\"id\",\"W\",\"a\",\"b\",\"c\"")),
                Arguments.of("no newline at the end", table().strip()),
                Arguments.of("blank lines at the end", table() + "\n\n"),
                Arguments.of("NaN as a missing value", cell(table(), 13, 3, "NaN")),
                Arguments.of("NA as a missing value", cell(table(), 13, 3, "NA")),
                Arguments.of("a row of empty cells", replaceLine(table(), 20, ",,,,")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedVariations")
    void harmlessVariationsGiveAResultWithoutNaN(String what, String content, @TempDir Path tmp) throws IOException {
        Path data = Files.writeString(tmp.resolve("data.csv"), content, StandardCharsets.UTF_8);
        Run.Result r = Run.fallline("selection", "--data", data.toString(), "--fitness", "W", "--traits", "a,b,c",
                "--format", "csv", "--quiet");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("group,analysis,term,estimate"), r::toString);
        Contract.noNaN(r.out(), r);
        Contract.noStackTrace(r);
    }

    private Run.Result select(Path data, Path out) {
        return Run.fallline("selection", "--data", data.toString(), "--fitness", "W", "--traits", "a,b,c",
                "--out", out.toString());
    }

    @Test
    void aDirectoryInPlaceOfTheFile(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("data.csv"));
        Contract.refused(select(dir, tmp.resolve("out")), "data.csv");
        Contract.onlyThese(tmp, "data.csv");
    }

    @Test
    void aFileThatDoesNotExist(@TempDir Path tmp) throws IOException {
        Contract.refused(select(tmp.resolve("data.csv"), tmp.resolve("out")), "data.csv");
        Contract.onlyThese(tmp);
    }

    @Test
    void aSymbolicLinkToAFileThatVanished(@TempDir Path tmp) throws IOException {
        Path gone = Files.writeString(tmp.resolve("gone.csv"), table());
        Path link = Files.createSymbolicLink(tmp.resolve("data.csv"), gone);
        Files.delete(gone);
        Contract.refused(select(link, tmp.resolve("out")), "data.csv");
        Contract.onlyThese(tmp, "data.csv");
    }

    /**
     * A file without read permission. Tests often run as root, for whom chmod 000 changes nothing (root reads
     * every file); then the run must simply succeed, and the refusal is checked only where it can happen.
     */
    @Test
    void anUnreadableFile(@TempDir Path tmp) throws IOException {
        Path data = Files.writeString(tmp.resolve("data.csv"), table());
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("---------"));
        Run.Result r = Run.fallline("selection", "--data", data.toString(), "--fitness", "W", "--traits", "a,b,c",
                "--format", "csv", "--quiet");
        if (Files.isReadable(data)) {
            assertEquals(0, r.status(), "readable despite chmod 000 (running as root): " + r);
        } else {
            Contract.refused(r, "data.csv");
            Contract.onlyThese(tmp, "data.csv");
        }
    }

    /**
     * A file that stops mid-record, as a file cut off while it was copied or whose producer died: the last row
     * is incomplete. (A file deleted while it is being read cannot be produced deterministically in a test;
     * the reader's I/O failures take the same path to one {@code error:} line as the not-found case above.)
     */
    @Test
    void aFileThatEndsMidRecord(@TempDir Path tmp) throws IOException {
        String t = table();
        String half = t.substring(0, t.indexOf('\n', t.length() / 2) + 6);
        Path data = Files.writeString(tmp.resolve("data.csv"), half);
        int line = (int) half.lines().count();
        Contract.refused(select(data, tmp.resolve("out")), "data.csv:" + line);
        Contract.onlyThese(tmp, "data.csv");
    }
}
