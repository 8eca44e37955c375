package org.dlbasis.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.dlbasis.spec.tensor.MalformedTensorException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The language-neutral JSON encoding shared by the golden files and the protocol: a float64 is a
 * JSON number (shortest round-trip decimal) or one of the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}; a tensor is {@code {"shape": [...], "data": [...]}} in
 * row-major order. Every read names the path of the value that is wrong.
 */
public final class Json {
    /** The one Jackson mapper of the golden reader, the protocol and the report writers. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /**
     * {@code {"format": format, …record's fields}} as indented JSON: the reports' files.
     *
     * @param format the document's format identifier, such as {@code dlbasis-conformance-report/1}
     * @param record the record whose fields follow {@code "format"}
     * @return the JSON text
     */
    public static String document(String format, Object record) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", format);
        root.setAll((ObjectNode) MAPPER.valueToTree(record));
        try {
            return MAPPER.copy()
                            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(root)
                    + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Encodes one double.
     *
     * @param v the value
     * @return a JSON number, or the string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}
     */
    public static JsonNode number(double v) {
        if (Double.isNaN(v)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(v)) {
            return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
        }
        return NODES.numberNode(v);
    }

    /**
     * Encodes a tensor.
     *
     * @param t the tensor
     * @return {@code {"shape": [...], "data": [...]}}, the data in row-major order
     */
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

    /**
     * The most elements a decoded tensor may have, and the largest dimension: 2²⁴ = 16,777,216
     * (128 MiB of float64, over 300 MB of JSON text). The course's largest array, a 12288×209 data
     * set, has 2,568,192. A larger shape, even one with a zero dimension, is malformed: decoding
     * it, or an operation on it, would exhaust memory long before any check could run.
     */
    public static final int MAX_ELEMENTS = 1 << 24;

    /** The most dimensions a decoded tensor may have (numpy 2's limit). */
    public static final int MAX_RANK = 64;

    /**
     * Decodes one double at {@code path}: a finite JSON number, or one of the strings
     * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (exactly so: {@code "nan"} is not one).
     *
     * @param node the JSON value, or null when it is missing
     * @param path the JSON path of the value, for messages
     * @return the double
     * @throws JsonFormatException for anything else, naming {@code path}
     */
    public static double toDouble(JsonNode node, String path) {
        if (node != null && node.isNumber()) {
            double v = node.doubleValue();
            if (!Double.isFinite(v)) {
                // a bare NaN/Infinity token (accepted by a lenient parser) or a number beyond float64
                throw new JsonFormatException(path + ": a JSON number that is not a finite float64 (read as " + v
                        + "); NaN and the infinities are written as the strings \"NaN\", \"Infinity\" and "
                        + "\"-Infinity\"");
            }
            return v;
        }
        if (node != null && node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new JsonFormatException(
                path + ": expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", found " + describe(node));
    }

    /**
     * Decodes a tensor at {@code path}: an object with {@code "shape"}, an array of at most
     * {@link #MAX_RANK} non-negative integers whose product and each of which is at most
     * {@link #MAX_ELEMENTS}, and {@code "data"}, an array of exactly that many doubles (see
     * {@link #toDouble}).
     *
     * @param node the JSON value, or null when it is missing
     * @param path the JSON path of the value, for messages
     * @return the tensor
     * @throws JsonFormatException for any malformed tensor, naming the JSON path of the fault; never
     *     another exception
     */
    public static Tensor toTensor(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new JsonFormatException(
                    path + ": expected a tensor {\"shape\": [...], \"data\": [...]}, found " + describe(node));
        }
        JsonNode shape = required(node, "shape", path);
        JsonNode data = required(node, "data", path);
        if (!shape.isArray()) {
            throw new JsonFormatException(
                    path + ".shape: expected an array of non-negative integers, found " + describe(shape));
        }
        if (shape.size() > MAX_RANK) {
            throw new JsonFormatException(
                    path + ".shape: " + shape.size() + " dimensions, more than the limit of " + MAX_RANK);
        }
        int[] dims = new int[shape.size()];
        long size = 1;
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shape.get(i);
            if (d == null || !d.isIntegralNumber()) {
                throw new JsonFormatException(
                        path + ".shape[" + i + "]: expected a non-negative integer, found " + describe(d));
            }
            java.math.BigInteger v = d.bigIntegerValue();
            if (v.signum() < 0) {
                throw new JsonFormatException(path + ".shape[" + i + "]: expected a non-negative integer, found " + v);
            }
            if (v.compareTo(java.math.BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
                throw new JsonFormatException(path + ".shape[" + i + "]: dimension " + abbreviate(v.toString())
                        + " is larger than the limit of " + MAX_ELEMENTS + " elements");
            }
            dims[i] = v.intValue();
            size *= dims[i]; // both factors are at most 2^24: no overflow
            if (size > MAX_ELEMENTS) {
                throw new JsonFormatException(path + ".shape: " + shapeText(shape) + " has more than the limit of "
                        + MAX_ELEMENTS + " elements");
            }
        }
        Shape s;
        try {
            s = Shape.of(dims);
        } catch (MalformedTensorException e) {
            throw new JsonFormatException(path + ".shape: " + e.getMessage(), e);
        }
        if (!data.isArray()) {
            throw new JsonFormatException(path + ".data: expected an array of numbers, found " + describe(data));
        }
        if (data.size() != size) {
            throw new JsonFormatException(
                    path + ".data: shape " + s + " needs " + size + " values, found " + data.size());
        }
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = toDouble(data.get(i), path + ".data[" + i + "]");
        }
        try {
            return Tensor.of(s, values);
        } catch (MalformedTensorException e) {
            throw new JsonFormatException(path + ": " + e.getMessage(), e);
        }
    }

    private static String shapeText(JsonNode shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            b.append(i == 0 ? "" : ",").append(shape.get(i).asText());
        }
        return b.append(shape.size() == 1 ? ",)" : ")").toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /**
     * The field {@code name} of an object at {@code path}; it must be present.
     *
     * @param node the object
     * @param name the field's name
     * @param path the JSON path of the object, for messages
     * @return the field's value
     * @throws JsonFormatException if {@code node} is not an object or has no such field
     */
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

    /**
     * A required text field.
     *
     * @param node the object
     * @param name the field's name
     * @param path the JSON path of the object, for messages
     * @return the field's text
     * @throws JsonFormatException if the field is missing or not a string
     */
    public static String text(JsonNode node, String name, String path) {
        JsonNode field = required(node, name, path);
        if (!field.isTextual()) {
            throw new JsonFormatException(path + "." + name + ": expected a string, found " + describe(field));
        }
        return field.textValue();
    }

    /**
     * A required integer field.
     *
     * @param node the object
     * @param name the field's name
     * @param path the JSON path of the object, for messages
     * @return the field's value
     * @throws JsonFormatException if the field is missing or not an integer in the range of int
     */
    public static int integer(JsonNode node, String name, String path) {
        JsonNode field = required(node, name, path);
        if (!field.isInt()) {
            throw new JsonFormatException(path + "." + name + ": expected an integer, found " + describe(field));
        }
        return field.intValue();
    }

    /**
     * The names of an object's fields.
     *
     * @param node the object
     * @return its field names, in document order
     */
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
        if (node.isNull()) {
            return "null";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }
}
