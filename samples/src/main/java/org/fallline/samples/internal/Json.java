package org.fallline.samples.internal;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON output through Jackson's tree model: numbers are JSON numbers at full precision, and a value
 * that is absent (non-finite) is never written as NaN — it is left out of an object and written as
 * {@code null} in an array.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts {@code key: value}, or nothing when the value is not finite. */
    public static ObjectNode put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        }
        return node;
    }

    /** Puts an array of numbers. */
    public static ObjectNode put(ObjectNode node, String key, double[] values) {
        node.set(key, array(values));
        return node;
    }

    /** Puts an array of strings. */
    public static ObjectNode put(ObjectNode node, String key, Iterable<String> values) {
        ArrayNode a = node.putArray(key);
        values.forEach(a::add);
        return node;
    }

    /** A JSON array of numbers, {@code null} for non-finite entries. */
    public static ArrayNode array(double[] values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(values.length);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    /** A JSON array of arrays (a matrix by rows, or a list of vectors). */
    public static ArrayNode array(double[][] rows) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(rows.length);
        for (double[] row : rows) {
            a.add(array(row));
        }
        return a;
    }

    /** Prints the document, indented, followed by a newline. */
    public static void print(ObjectNode node, PrintWriter out) {
        out.println(toString(node));
        out.flush();
    }

    /** The document as indented text. */
    public static String toString(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; failing here is a defect
            throw new IllegalStateException("cannot serialise JSON: " + e.getMessage(), e);
        }
    }
}
