package org.dlbasis.properties.golden;

import static org.dlbasis.properties.json.Json.required;
import static org.dlbasis.properties.json.Json.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.dlbasis.properties.json.Json;
import org.dlbasis.properties.json.JsonFormatException;
import org.dlbasis.properties.json.Operations;
import org.dlbasis.properties.match.Tolerance;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Tensor;

/**
 * A golden file, read strictly (golden-data/README.md): a malformed, truncated or incomplete file
 * is an error that names the file and where it broke, never a pass and never a skipped case.
 *
 * @param name the file name
 * @param provenance the header's provenance object, as text
 * @param cases the cases in file order
 */
public record GoldenFile(String name, String provenance, List<GoldenCase> cases) {
    public static final String FORMAT = "dlbasis-golden/1";

    /** Reads and validates {@code path}. */
    public static GoldenFile read(Path path) {
        String name = path.getFileName().toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            throw new JsonFormatException(name + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new JsonFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return parse(name, root);
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw new JsonFormatException(name + ": " + e.getMessage(), e);
        }
    }

    static GoldenFile parse(String name, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new JsonFormatException("the document must be a JSON object");
        }
        String format = text(root, "format", "$");
        if (!FORMAT.equals(format)) {
            throw new JsonFormatException("$.format: expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        JsonNode provenance = required(root, "provenance", "$");
        text(provenance, "generator", "$.provenance");
        JsonNode cases = required(root, "cases", "$");
        if (!cases.isArray() || cases.isEmpty()) {
            throw new JsonFormatException("$.cases: expected a non-empty array");
        }
        List<GoldenCase> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            GoldenCase c = parseCase(name, cases.get(i), "$.cases[" + i + "]");
            if (!ids.add(c.id())) {
                throw new JsonFormatException("$.cases[" + i + "]: duplicate case id \"" + c.id() + "\"");
            }
            parsed.add(c);
        }
        return new GoldenFile(name, provenance.toString(), List.copyOf(parsed));
    }

    private static GoldenCase parseCase(String file, JsonNode node, String path) {
        String id = text(node, "id", path);
        String at = path + " (\"" + id + "\")";
        List<String> clauses = new ArrayList<>();
        required(node, "clauses", at).forEach(c -> clauses.add(c.asText()));
        String op = text(node, "op", at);
        Operations.capabilityOf(op);
        JsonNode params = required(node, "params", at);
        JsonNode inputs = required(node, "inputs", at);
        JsonNode error = node.get("error");
        if (error != null) {
            ErrorKind kind = errorKind(text(error, "kind", at + ".error"), at);
            JsonNode message = error.get("message");
            return new GoldenCase(file, id, clauses, op, params, inputs, null, kind,
                    message == null ? null : message.asText(), null);
        }
        Map<String, Tensor> expected = new LinkedHashMap<>();
        flatten(required(node, "expected", at), "", at + ".expected", expected);
        JsonNode t = required(node, "tolerance", at);
        Tolerance tolerance = new Tolerance(text(t, "class", at + ".tolerance"),
                Json.toDouble(required(t, "atol", at + ".tolerance"), at + ".tolerance.atol"),
                Json.toDouble(required(t, "rtol", at + ".tolerance"), at + ".tolerance.rtol"));
        return new GoldenCase(file, id, clauses, op, params, inputs, expected, null, null, tolerance);
    }

    private static ErrorKind errorKind(String name, String at) {
        try {
            return ErrorKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(at + ".error.kind: unknown error kind \"" + name + "\"");
        }
    }

    /** {@code {"params": {"w": tensor, "b": 0.5}}} → {@code params.w}, {@code params.b}. */
    private static void flatten(JsonNode node, String prefix, String path, Map<String, Tensor> into) {
        if (node.isObject() && node.has("shape") && node.has("data")) {
            into.put(prefix, Json.toTensor(node, path));
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                throw new JsonFormatException(path + ": empty object");
            }
            for (String field : Json.fieldNames(node)) {
                flatten(node.get(field), prefix.isEmpty() ? field : prefix + "." + field, path + "." + field, into);
            }
        } else {
            into.put(prefix, Tensor.scalar(Json.toDouble(node, path)));
        }
    }
}
