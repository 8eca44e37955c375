package org.dlbasis.runner.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The handshake's optional {@code terms} (spec/PROTOCOL.md "Terms"): per operation, the call in
 * the program's own words ({@code grads = backward_propagation(parameters, cache, X, Y)}) and each
 * wire input and output as its own expression ({@code x} → {@code X}, {@code params.w1} →
 * {@code parameters["W1"]}, {@code db2} → {@code grads["db2"]}). A failure then shows the last call
 * that way, with a line that rebuilds its inputs as numpy literals and makes the call.
 */
final class Terms {
    /** {@code base["key"]}: the inputs of one base are rebuilt as one dict. */
    private static final Pattern ENTRY = Pattern.compile("(\\w+)\\[\"(\\w+)\"\\]");

    private static final int LIMIT = 4000;

    private record Of(String call, Map<String, String> inputs, Map<String, String> outputs) {}

    private final Map<String, Of> ops;

    private Terms(Map<String, Of> ops) {
        this.ops = ops;
    }

    static final Terms NONE = new Terms(Map.of());

    /**
     * The terms of a handshake answer.
     *
     * @param node the {@code terms} member, or null
     * @return the terms ({@link #NONE} for a missing or null member)
     * @throws IllegalArgumentException naming what is malformed
     */
    static Terms decode(JsonNode node) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("terms must be an object {operation: {\"call\": …}}, found " + node);
        }
        Map<String, Of> ops = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode t = e.getValue();
            JsonNode call = t.get("call");
            if (!t.isObject()
                    || call == null
                    || !call.isTextual()
                    || call.asText().isBlank()) {
                throw new IllegalArgumentException(
                        "terms \"" + e.getKey() + "\" must have \"call\" as a non-blank string, found " + t);
            }
            ops.put(e.getKey(), new Of(call.asText(), names(e.getKey(), t, "inputs"), names(e.getKey(), t, "outputs")));
        }
        return new Terms(Map.copyOf(ops));
    }

    private static Map<String, String> names(String op, JsonNode t, String part) {
        JsonNode n = t.get(part);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("terms \"" + op + "\" " + part + " must be an object, found " + n);
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new IllegalArgumentException("terms \"" + op + "\" " + part + " \"" + e.getKey()
                        + "\" must be a non-blank string, found " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /**
     * An output's name in the program's terms.
     *
     * @param op the operation's wire name
     * @param output the output's wire name
     * @return its expression ({@code grads["db2"]}), or empty without terms for it
     */
    Optional<String> output(String op, String output) {
        Of t = ops.get(op);
        return t == null ? Optional.empty() : Optional.ofNullable(t.outputs().get(output));
    }

    /**
     * The request as the program's own call, and the line that rebuilds it.
     *
     * @param op the operation's wire name
     * @param params the request's parameters
     * @param inputs the request's inputs
     * @return the text, or empty without terms for {@code op}
     */
    Optional<String> call(String op, JsonNode params, JsonNode inputs) {
        Of t = ops.get(op);
        if (t == null) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", params, values);
        flatten("", inputs, values);
        Map<String, Map<String, String>> dicts = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : t.inputs().entrySet()) {
            String v = values.get(e.getKey());
            if (v == null) {
                continue;
            }
            Matcher m = ENTRY.matcher(e.getValue());
            if (m.matches()) {
                dicts.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), v);
            } else {
                lines.add(e.getValue() + " = " + v);
            }
        }
        dicts.forEach((base, entries) -> {
            StringJoiner j = new StringJoiner(", ", base + " = {", "}");
            entries.forEach((k, v) -> j.add("\"" + k + "\": " + v));
            lines.add(j.toString());
        });
        lines.add(t.call());
        for (String out : t.outputs().values()) {
            lines.add("print(" + quoted(out) + ", np.shape(" + out + "), " + out + ")");
        }
        String line = String.join("; ", lines);
        if (line.length() > LIMIT) {
            line = line.substring(0, LIMIT) + " … (cut)";
        }
        return Optional.of(t.call() + "\n  to reproduce it, after your code: " + line);
    }

    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Every tensor (an object with shape and data) and number under node, by its dotted wire name. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.has("shape") && node.has("data")) {
            out.put(prefix, NumpyLiteral.of(node));
        } else if (node.isObject()) {
            node.properties()
                    .forEach(
                            e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isNumber()) {
            out.put(prefix, node.asText());
        } else if (node.isTextual()) {
            out.put(prefix, NumpyLiteral.scalar(node));
        }
    }
}
