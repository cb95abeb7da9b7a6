package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.evolution.io.PhenotypeCsv;
import org.fallline.samples.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the bundled tables — a line deleted, duplicated, the file truncated, a cell replaced,
 * a byte flipped — fed to the selection analysis in-process, through the library and the command's renderers
 * (and every tenth through the command line): every run ends with a result or a {@link SelectionException}
 * with a one-line message (exit 2 or 3 on the command line), never another exception, and no output has NaN.
 */
class CsvMutationTest {

    private static final long SEED = 20261203L;
    private static final int MUTATIONS = 300;
    /** Every tenth mutation also goes through the command line (slower: it builds the whole command model). */
    private static final int CLI_EVERY = 10;
    private static final List<String> TRAITS = SelectionCommand.BUNDLED_TRAITS;
    private static final List<String> CELLS = List.of("", "NA", "NaN", "abc", "1e999", "-1e308", "1,5", "\"", "\"x",
            "0", "-0", "1e-320", "  ", "0x1p3", "Infinity", "1.2.3", "--1", "٣", "1e15", "ÿ");

    @Test
    void mutatedSparrowsNeverCrashAndNeverPrintNaN(@TempDir Path tmp) throws IOException {
        String original = SelectionCommand.bundled(SelectionCommand.BUNDLED);
        Random random = new Random(SEED);
        Path data = tmp.resolve("mutant.csv");
        int analysed = 0;
        int refused = 0;
        for (int m = 0; m < MUTATIONS; m++) {
            byte[] mutant = mutate(original, random);
            Files.write(data, mutant);
            String context = "mutation " + m + " (seed " + SEED + ")";
            if (m % CLI_EVERY == 0) {
                // through the real command line: exit 0, 2 or 3 with one error line, never 1
                Run.Result r = Run.fallline("selection", "--data", data.toString(), "--fitness", "W", "--traits",
                        String.join(",", TRAITS), "--format", "csv", "--quiet");
                assertTrue(r.status() == 0 || r.status() == 2 || r.status() == 3, context + "\n" + r);
                Contract.noStackTrace(r);
                Contract.noNaN(r.out(), context + "\n" + r);
                if (r.status() != 0) {
                    assertEquals(1, r.errLines().stream().filter(l -> l.startsWith("error:")).count(), context + r);
                }
            }
            // through the library and the renderers, as the command calls them
            try {
                SelectionOptions options = SelectionOptions.builder().fitness("W").traits(TRAITS).build();
                SelectionReport report = new SelectionAnalysis().analyze(PhenotypeCsv.open(data), options);
                StringWriter out = new StringWriter();
                SelectionCommand.writeTidy(report, out);
                out.write(Json.toString(SelectionRendering.json(report, options)));
                Contract.noNaN(out.toString(), context);
                analysed++;
            } catch (SelectionException e) {
                assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), context + ": " + e);
                refused++;
            }
        }
        // the mutations exercise both outcomes: many still analysable tables, many refused ones
        assertTrue(analysed > MUTATIONS / 10 && refused > MUTATIONS / 10, analysed + " analysed, " + refused
                + " refused");
    }

    /** One random mutation of the table. */
    static byte[] mutate(String table, Random random) {
        List<String> lines = new ArrayList<>(table.lines().toList());
        switch (random.nextInt(5)) {
            case 0 -> lines.remove(random.nextInt(lines.size()));
            case 1 -> {
                int i = random.nextInt(lines.size());
                lines.add(i, lines.get(i));
            }
            case 2 -> {
                byte[] b = table.getBytes(StandardCharsets.UTF_8);
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 3 -> {
                int i = random.nextInt(lines.size());
                String[] cells = lines.get(i).split(",", -1);
                cells[random.nextInt(cells.length)] = CELLS.get(random.nextInt(CELLS.size()));
                lines.set(i, String.join(",", cells));
            }
            default -> {
                byte[] b = table.getBytes(StandardCharsets.UTF_8);
                int at = random.nextInt(b.length);
                b[at] ^= (byte) (1 << random.nextInt(8));
                return b;
            }
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
