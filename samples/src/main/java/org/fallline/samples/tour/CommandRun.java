package org.fallline.samples.tour;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fallline.samples.Fallline;

/**
 * A section's call of a {@code fallline} subcommand, made in-process exactly as a user would make it, so
 * that the number on the page is the number the reproducing command prints. The run must end with one of
 * the exit statuses the section expects (a demonstration of failure expects 3); anything else is a defect
 * of the tour and stops it.
 *
 * @param args   the arguments after {@code fallline}
 * @param status the exit status
 * @param json   stdout read as JSON (the runs ask for {@code --format json}), or null when it is not JSON
 * @param error  the {@code error:} line on stderr, or empty
 */
public record CommandRun(List<String> args, int status, JsonNode json, String error) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public CommandRun {
        args = List.copyOf(args);
    }

    /** Runs {@code fallline args…} and checks that the exit status is one of {@code expected}. */
    public static CommandRun of(List<String> args, int... expected) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Fallline.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        String error = err.toString().lines().filter(l -> l.startsWith("error:")).findFirst().orElse("");
        if (Arrays.stream(expected).noneMatch(s -> s == status)) {
            throw new IllegalStateException("the tour's call 'fallline " + String.join(" ", args) + "' ended with exit "
                    + status + (error.isEmpty() ? "" : ": " + error));
        }
        JsonNode json;
        try {
            json = out.toString().isBlank() ? null : MAPPER.readTree(out.toString());
        } catch (JsonProcessingException e) {
            json = null;
        }
        return new CommandRun(args, status, json, error);
    }

    /** The command as a user types it, with the file arguments replaced by their names in the report. */
    public static String shell(List<String> args) {
        StringBuilder b = new StringBuilder("fallline");
        for (String a : args) {
            b.append(' ').append(a.matches("[A-Za-z0-9_./:,=+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
