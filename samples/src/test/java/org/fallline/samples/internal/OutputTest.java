package org.fallline.samples.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void atomicWriteReplacesOnlyWhenComplete() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.writeText(target, w -> {
            w.write("half of the new content");
            w.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        // the old file is intact and no temporary file is left behind
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of(target), listing());

        AtomicFiles.writeText(target, w -> w.write("new\n"));
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void failedFirstWriteLeavesNoFile() {
        Path target = dir.resolve("fresh.csv");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeText(target, w -> {
            w.write("x");
            throw new IllegalStateException("renderer failed");
        }));
        assertFalse(Files.exists(target));
    }

    @Test
    void writeIntoMissingDirectoryIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> AtomicFiles.checkWritable(dir.resolve("no/such/dir/x.csv"), "--trajectory"));
        assertTrue(e.getMessage().startsWith("--trajectory: cannot write"), e.getMessage());
    }

    @Test
    void stagedDirectoryAppearsOnlyOnCommit() throws IOException {
        Path out = dir.resolve("results");
        try (StagedDirectory staged = StagedDirectory.open(out, "--out")) {
            Files.writeString(staged.file("a.csv"), "a\n");
            assertFalse(Files.exists(out));
            // no commit: an analysis that failed half-way
        }
        assertEquals(List.of(), listing());

        try (StagedDirectory staged = StagedDirectory.open(out, "--out")) {
            Files.writeString(staged.file("a.csv"), "a\n");
            Files.writeString(staged.file("b.json"), "{}\n");
            staged.commit();
        }
        assertEquals(List.of(out), listing());
        assertEquals("a\n", Files.readString(out.resolve("a.csv")));

        // a second run replaces the first: exactly its own files afterwards, no stale b.json
        try (StagedDirectory staged = StagedDirectory.open(out, "--out")) {
            Files.writeString(staged.file("a.csv"), "a2\n");
            staged.commit();
        }
        assertEquals("a2\n", Files.readString(out.resolve("a.csv")));
        assertFalse(Files.exists(out.resolve("b.json")), "stale output of the earlier run");
        assertEquals(List.of(out), listing());

        // a directory holding the user's own file is refused, and left as it was
        Files.writeString(out.resolve("notes.txt"), "mine");
        BadInputException e = assertThrows(BadInputException.class, () -> StagedDirectory.open(out, "--out"));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals(List.of(out), listing());
        // unless forced: then it holds exactly this run's files
        try (StagedDirectory staged = StagedDirectory.open(out, "--out", true)) {
            Files.writeString(staged.file("c.csv"), "c\n");
            staged.commit();
        }
        try (java.util.stream.Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(".fallline-output", "c.csv"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of(out), listing());
    }

    @Test
    void csvQuotesOnlyWhatNeedsQuoting() throws IOException {
        StringWriter w = new StringWriter();
        Csv.write(w, List.of("term", "estimate"), List.of(
                new String[] {"a,b", Numbers.csv(0.1)},
                new String[] {"say \"hi\"", Numbers.csv(Double.NaN)}));
        assertEquals("term,estimate\n\"a,b\",0.1\n\"say \"\"hi\"\"\",\n", w.toString());
    }

    @Test
    void jsonHasFullPrecisionAndNoNaN() throws IOException {
        ObjectNode node = Json.object();
        Json.put(node, "x", 2.0 / 101);
        Json.put(node, "missing", Double.NaN);
        Json.put(node, "v", new double[] {1, Double.POSITIVE_INFINITY});
        String text = Json.toString(node);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        JsonNode back = new ObjectMapper().readTree(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(2.0 / 101, back.get("x").doubleValue());
        assertFalse(back.has("missing"));
        assertTrue(back.get("v").get(1).isNull());
    }

    @Test
    void tableAlignsNumbersRightAndTextLeft() {
        TextTable t = new TextTable("type", "value").row("saddle", "1.5").row("minimum", "-10");
        StringWriter w = new StringWriter();
        t.print(new java.io.PrintWriter(w), "");
        assertEquals(String.join("\n", "type     value", "saddle     1.5", "minimum    -10", ""), w.toString());
    }
}
