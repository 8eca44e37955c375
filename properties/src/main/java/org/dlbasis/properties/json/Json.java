package org.dlbasis.properties.json;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The language-neutral JSON encoding shared by the golden files and the protocol: a float64 is a
 * JSON number (shortest round-trip decimal) or one of the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}; a tensor is {@code {"shape": [...], "data": [...]}} in
 * row-major order. Every read names the path of the value that is wrong.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** {@code {"format": format, …record's fields}} as indented JSON: the reports' files. */
    public static String document(String format, Object record) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", format);
        root.setAll((ObjectNode) MAPPER.valueToTree(record));
        try {
            return MAPPER.copy().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encodes one double. */
    public static JsonNode number(double v) {
        if (Double.isNaN(v)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(v)) {
            return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
        }
        return NODES.numberNode(v);
    }

    /** Encodes a tensor. */
    public static ObjectNode tensor(Tensor t) {
        ObjectNode node = NODES.objectNode();
        ArrayNode shape = node.putArray("shape");
        for (int d : t.shape().dims()) {
            shape.add(d);
        }
        ArrayNode data = node.putArray("data");
        for (int i = 0; i < t.size(); i++) {
            data.add(number(t.flat(i)));
        }
        return node;
    }

    /** Decodes one double at {@code path}. */
    public static double toDouble(JsonNode node, String path) {
        if (node != null && node.isNumber()) {
            return node.doubleValue();
        }
        if (node != null && node.isTextual()) {
            switch (node.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new JsonFormatException(path + ": expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", found "
                + describe(node));
    }

    /** Decodes a tensor at {@code path}, checking that the data fit the shape. */
    public static Tensor toTensor(JsonNode node, String path) {
        JsonNode shape = required(node, "shape", path);
        JsonNode data = required(node, "data", path);
        if (!shape.isArray() || !data.isArray()) {
            throw new JsonFormatException(path + ": \"shape\" and \"data\" must be arrays");
        }
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shape.get(i);
            if (!d.isInt() || d.intValue() < 0) {
                throw new JsonFormatException(path + ".shape[" + i + "]: expected a non-negative integer, found " + d);
            }
            dims[i] = d.intValue();
        }
        Shape s = Shape.of(dims);
        if (data.size() != s.size()) {
            throw new JsonFormatException(path + ".data: shape " + s + " needs " + s.size() + " values, found "
                    + data.size());
        }
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = toDouble(data.get(i), path + ".data[" + i + "]");
        }
        return Tensor.wrap(s, values);
    }

    /** The field {@code name} of an object at {@code path}; it must be present. */
    public static JsonNode required(JsonNode node, String name, String path) {
        if (node == null || !node.isObject()) {
            throw new JsonFormatException(path + ": expected an object, found " + describe(node));
        }
        JsonNode field = node.get(name);
        if (field == null) {
            throw new JsonFormatException(path + ": missing field \"" + name + "\"");
        }
        return field;
    }

    /** A required text field. */
    public static String text(JsonNode node, String name, String path) {
        JsonNode field = required(node, name, path);
        if (!field.isTextual()) {
            throw new JsonFormatException(path + "." + name + ": expected a string, found " + describe(field));
        }
        return field.textValue();
    }

    /** A required integer field. */
    public static int integer(JsonNode node, String name, String path) {
        JsonNode field = required(node, name, path);
        if (!field.isInt()) {
            throw new JsonFormatException(path + "." + name + ": expected an integer, found " + describe(field));
        }
        return field.intValue();
    }

    /** The names of an object's fields. */
    public static Iterable<String> fieldNames(JsonNode node) {
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            return new Iterator<>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public String next() {
                    return it.next().getKey();
                }
            };
        };
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }
}
