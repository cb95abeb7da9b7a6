package org.fallline.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.fallline.evolution.RowFilter;
import org.fallline.evolution.SelectionOptions;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.VersionProvider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What produced a result, so that it can be reproduced and checked: the fallline version, the command line, the
 * resampling seed, the row filters and grouping column, and the input file by path and SHA-256 digest (of the bytes
 * as read, so that a changed file is seen even under the same name).
 *
 * @param version the program version
 * @param command the command line as given (arguments joined by spaces, quoted where needed)
 * @param seed    the resampling seed
 * @param filters the --where filters as written
 * @param groups  the --by column, or null
 * @param path    the input's path (or the bundled data's name)
 * @param sha256  the input's SHA-256, in hexadecimal
 */
record Provenance(String version, String command, long seed, List<String> filters, String groups, String path,
                  String sha256) {

    Provenance {
        filters = List.copyOf(filters);
    }

    /** The provenance of a selection analysis of {@code data} (null: the bundled sparrows) with {@code options}. */
    static Provenance of(List<String> args, SelectionOptions options, Path data, String bundledName, String bundled) {
        String digest;
        try (InputStream in = data == null ? new java.io.ByteArrayInputStream(bundled.getBytes(StandardCharsets.UTF_8))
                : Files.newInputStream(data)) {
            digest = sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Provenance(VersionProvider.version(), command(args), options.seed(),
                options.filters().stream().map(RowFilter::toString).toList(), options.by().orElse(null),
                data == null ? bundledName : data.toString(), digest);
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (DigestInputStream d = new DigestInputStream(in, md)) {
            d.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String command(List<String> args) {
        StringBuilder b = new StringBuilder("fallline");
        for (String a : args) {
            b.append(' ').append(a.matches("[A-Za-z0-9_./:=,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /** The JSON object {"version", "command", "seed", "filters", "groups", "input": {"path", "sha256"}}. */
    ObjectNode json() {
        ObjectNode node = Json.object();
        node.put("version", version);
        node.put("command", command);
        node.put("seed", seed);
        Json.put(node, "filters", filters);
        if (groups != null) {
            node.put("groups", groups);
        }
        ObjectNode input = node.putObject("input");
        input.put("path", path);
        input.put("sha256", sha256);
        return node;
    }

    /** The provenance as lines of text, for the table output. */
    List<String> lines() {
        return List.of("provenance: fallline " + version + "; " + command,
                "input " + path + " (sha256 " + sha256 + "); seed " + seed
                        + (filters.isEmpty() ? "" : "; filters " + String.join(" and ", filters))
                        + (groups == null ? "" : "; groups by " + groups));
    }
}
