package org.dlbasis.golden;

import static org.dlbasis.wire.Json.required;
import static org.dlbasis.wire.Json.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.wire.Form;
import org.dlbasis.wire.Input;
import org.dlbasis.wire.Json;
import org.dlbasis.wire.JsonFormatException;
import org.dlbasis.wire.Operation;
import org.dlbasis.wire.Param;

/**
 * A golden file, read strictly and completely (golden-data/README.md): every field of every case
 * is decoded and checked when the file is read, before any case runs. A malformed, truncated or
 * incomplete file, or one whose inputs, parameters, expected values, error or tolerance are not of
 * the documented form, is a {@link JsonFormatException} naming the file and the JSON path, never a
 * pass, a skipped case or a failure blamed on the implementation.
 *
 * @param name the file name
 * @param provenance the header's provenance object, as text
 * @param cases the cases in file order
 */
public record GoldenFile(String name, String provenance, List<GoldenCase> cases) {
    /** The value of the top-level {@code "format"} field that every golden file must have. */
    public static final String FORMAT = "dlbasis-golden/1";

    /** The tolerance classes of SPEC.md ("Tolerance model") with fixed atol and rtol. */
    private static final Map<String, Tolerance> CLASSES = classes();

    private static final Pattern SUM = Pattern.compile("SUM\\(([1-9][0-9]{0,8})\\)");
    /** How far SUM(n)'s atol may exceed γₙ·Σ|terms| computed here: the generator's own 1e-4 margin, and rounding. */
    private static final double SUM_SLACK = 1.001;

    private static final List<String> TOP_FIELDS = List.of("format", "file", "description", "provenance", "cases");
    private static final List<String> CASE_FIELDS =
            List.of("id", "clauses", "op", "params", "inputs", "expected", "tolerance", "error");
    private static final ObjectReader READER = Json.MAPPER
            .reader()
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads and validates {@code path}.
     *
     * @param path the golden file (JSON) to read
     * @return the file, with every case decoded and checked
     * @throws JsonFormatException if the file cannot be read or is not of the documented form,
     *     naming the file and the JSON path
     */
    public static GoldenFile read(Path path) {
        String name = path.getFileName().toString();
        JsonNode root;
        try {
            root = READER.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            throw new JsonFormatException(
                    name + ": malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new JsonFormatException(name + ": cannot read: " + e, e);
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
        onlyFields(root, TOP_FIELDS, "$");
        String format = text(root, "format", "$");
        if (!FORMAT.equals(format)) {
            throw new JsonFormatException("$.format: expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        for (String field : List.of("file", "description")) {
            if (root.has(field) && !root.get(field).isTextual()) {
                throw new JsonFormatException("$." + field + ": expected a string, found " + root.get(field));
            }
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
        if (!node.isObject()) {
            throw new JsonFormatException(path + ": expected a case object, found " + abbreviate(node));
        }
        String id = text(node, "id", path);
        if (id.isBlank()) {
            throw new JsonFormatException(path + ".id: empty");
        }
        String at = path + " (\"" + id + "\")";
        onlyFields(node, CASE_FIELDS, at);
        List<String> clauses = clauses(required(node, "clauses", at), at + ".clauses");
        String op = text(node, "op", at);
        Operation schema = Operation.named(op)
                .orElseThrow(() -> new JsonFormatException(at + ".op: unknown operation \"" + op
                        + "\" (the operations are: "
                        + String.join(
                                " ",
                                Arrays.stream(Operation.values())
                                        .map(Operation::wireName)
                                        .toList()) + ")"));
        JsonNode params = required(node, "params", at);
        checkParams(schema, op, params, at + ".params");
        JsonNode inputs = required(node, "inputs", at);
        Map<String, Tensor> decoded = new LinkedHashMap<>();
        checkInputs(schema.inputs(), inputs, at + ".inputs", op, decoded);

        JsonNode error = node.get("error");
        if (error != null) {
            if (node.has("expected") || node.has("tolerance")) {
                throw new JsonFormatException(
                        at + ": a case has either \"error\" or \"expected\" and \"tolerance\", " + "not both");
            }
            if (!error.isObject()) {
                throw new JsonFormatException(at + ".error: expected an object, found " + abbreviate(error));
            }
            onlyFields(error, List.of("kind", "message"), at + ".error");
            ErrorKind kind = errorKind(text(error, "kind", at + ".error"), at);
            String message = error.has("message") ? text(error, "message", at + ".error") : null;
            return new GoldenCase(file, id, clauses, op, params, inputs, null, kind, message, null);
        }
        JsonNode expectedNode = required(node, "expected", at);
        if (!expectedNode.isObject() || expectedNode.isEmpty()) {
            throw new JsonFormatException(
                    at + ".expected: expected an object of named outputs, found " + abbreviate(expectedNode));
        }
        Map<String, Tensor> expected = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        flatten(expectedNode, "", at + ".expected", expected, paths);
        for (Map.Entry<String, String> e : paths.entrySet()) {
            if (!hasOutput(schema, e.getKey())) {
                throw new JsonFormatException(
                        e.getValue() + ": \"" + op + "\" has no output \"" + e.getKey() + "\" (its outputs: "
                                + String.join(", ", schema.output().names()) + ")");
            }
        }
        Tolerance tolerance = tolerance(required(node, "tolerance", at), op, params, decoded, at + ".tolerance");
        return new GoldenCase(
                file,
                id,
                clauses,
                op,
                params,
                inputs,
                java.util.Collections.unmodifiableMap(expected),
                null,
                null,
                tolerance);
    }

    private static List<String> clauses(JsonNode node, String path) {
        if (!node.isArray() || node.isEmpty()) {
            throw new JsonFormatException(
                    path + ": expected a non-empty array of clause IDs, found " + abbreviate(node));
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            if (!c.isTextual()) {
                throw new JsonFormatException(path + "[" + i + "]: expected a clause ID, found " + abbreviate(c));
            }
            if (!SpecHolder.SPEC.contains(c.textValue())) {
                throw new JsonFormatException(path + "[" + i + "]: SPEC.md has no clause \"" + c.textValue() + "\"");
            }
            if (clauses.contains(c.textValue())) {
                throw new JsonFormatException(path + "[" + i + "]: clause \"" + c.textValue() + "\" is named twice");
            }
            clauses.add(c.textValue());
        }
        return List.copyOf(clauses);
    }

    private static void checkParams(Operation schema, String op, JsonNode params, String path) {
        if (!params.isObject()) {
            throw new JsonFormatException(path + ": expected an object, found " + abbreviate(params));
        }
        List<String> names =
                schema.paramFields().stream().map(Param.Field::name).toList();
        for (String field : Json.fieldNames(params)) {
            if (!names.contains(field)) {
                throw new JsonFormatException(path + "." + field + ": \"" + op + "\" has no parameter \"" + field
                        + "\""
                        + (names.isEmpty()
                                ? " (it takes none)"
                                : " (its parameters: " + String.join(", ", names) + ")"));
            }
        }
        for (Param.Field p : schema.paramFields()) {
            JsonNode v = required(params, p.name(), path);
            String at = path + "." + p.name();
            switch (p.type()) {
                case INT:
                    expect(v.isInt(), at, "an integer", v);
                    break;
                case AXIS:
                    expect(v.isNull() || v.isInt(), at, "null or an integer", v);
                    break;
                case BOOLEAN:
                    expect(v.isBoolean(), at, "true or false", v);
                    break;
                case INTS:
                    expect(v.isArray(), at, "an array of integers", v);
                    for (int i = 0; i < v.size(); i++) {
                        expect(v.get(i).isInt(), at + "[" + i + "]", "an integer", v.get(i));
                    }
                    break;
                case SEED:
                    expect(v.isIntegralNumber() && v.canConvertToLong(), at, "an integer", v);
                    break;
                case ACTIVATION:
                    expect(
                            v.isTextual() && activationKind(v.textValue()) != null,
                            at,
                            "one of " + Activation.Kind.wireNames(),
                            v);
                    break;
                default:
                    Json.toDouble(v, at);
                    break;
            }
        }
        if (schema.params().contains(Param.ACTIVATION)) {
            double parameter = Json.toDouble(params.get("parameter"), path + ".parameter");
            try {
                new Activation(activationKind(params.get("activation").textValue()), parameter);
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException(path + ": not an activation the API can express: " + e.getMessage());
            }
        }
    }

    private static Activation.Kind activationKind(String name) {
        return Activation.Kind.fromWireName(name).orElse(null);
    }

    /** Whether {@code name} is one of the outputs, a {@link Form#LAYER} standing for any layer number 1, 2, …. */
    private static boolean hasOutput(Operation op, String name) {
        return op.output().names().stream()
                .anyMatch(output -> name.matches(Pattern.quote(output).replace(Form.LAYER, "\\E[1-9][0-9]{0,8}\\Q")));
    }

    /** Decodes every input at {@code path} against {@code schema}; top-level tensors go to {@code into}. */
    private static void checkInputs(
            List<Input<?>> schema, JsonNode node, String path, String op, Map<String, Tensor> into) {
        if (!node.isObject()) {
            throw new JsonFormatException(path + ": expected an object, found " + abbreviate(node));
        }
        List<String> names = schema.stream().map(Input::name).toList();
        for (String field : Json.fieldNames(node)) {
            if (!names.contains(field)) {
                throw new JsonFormatException(path + "." + field + ": \"" + op + "\" has no input \"" + field + "\""
                        + (names.isEmpty() ? " (it takes none)" : " (expected: " + String.join(", ", names) + ")"));
            }
        }
        for (Input<?> input : schema) {
            String name = input.name();
            if (input.optional() && !node.has(name)) {
                continue;
            }
            JsonNode value = required(node, name, path);
            String at = path + "." + name;
            Form<?> form = input.form();
            if (form.leaf() == Form.Leaf.TENSOR) {
                into.put(name, tensor(value, at));
            } else if (form.leaf() != null) {
                Json.toDouble(value, at);
            } else if (!form.prefixes().isEmpty()) {
                checkLayers(form.prefixes(), value, at, op);
            } else {
                List<Input<?>> members = form.members().stream()
                        .<Input<?>>map(m -> new Input<>(m.name(), m.form(), false))
                        .toList();
                checkInputs(members, value, at, op, new LinkedHashMap<>());
            }
        }
    }

    /** The names {@code w1 … wL, b1 … bL} for prefixes w, b. */
    private static String describeLayers(List<String> prefixes) {
        return String.join(
                ", ", prefixes.stream().map(p -> p + "1 … " + p + "L").toList());
    }

    /**
     * One tensor per layer and prefix: exactly {@code w1 … wL, b1 … bL} (for prefixes w, b) with the
     * same L ≥ 1 for every prefix, each decoded.
     */
    private static void checkLayers(List<String> prefixes, JsonNode node, String path, String op) {
        if (!node.isObject()) {
            throw new JsonFormatException(
                    path + ": expected an object of " + describeLayers(prefixes) + ", found " + abbreviate(node));
        }
        Pattern name = Pattern.compile("(" + String.join("|", prefixes) + ")([1-9][0-9]{0,8})");
        Map<String, Integer> count = new LinkedHashMap<>();
        prefixes.forEach(p -> count.put(p, 0));
        for (String field : Json.fieldNames(node)) {
            Matcher m = name.matcher(field);
            if (!m.matches()) {
                throw new JsonFormatException(path + "." + field + ": \"" + op + "\" has no input \"" + field
                        + "\" here (expected: " + describeLayers(prefixes) + ")");
            }
            tensor(node.get(field), path + "." + field);
            count.merge(m.group(1), 1, Integer::sum);
        }
        int layers = count.get(prefixes.get(0));
        boolean complete = layers >= 1;
        for (String prefix : prefixes) {
            complete &= count.get(prefix) == layers; // with no duplicate keys: prefix1 … prefixL and nothing else
            for (int l = 1; l <= layers; l++) {
                complete &= node.has(prefix + l);
            }
        }
        if (!complete) {
            throw new JsonFormatException(path + ": expected " + describeLayers(prefixes) + " for one L >= 1, found "
                    + String.join(", ", Json.fieldNames(node)));
        }
    }

    private static Tolerance tolerance(
            JsonNode t, String op, JsonNode params, Map<String, Tensor> inputs, String path) {
        if (!t.isObject()) {
            throw new JsonFormatException(path + ": expected an object, found " + abbreviate(t));
        }
        onlyFields(t, List.of("class", "atol", "rtol"), path);
        String name = text(t, "class", path);
        double atol = bound(required(t, "atol", path), path + ".atol");
        double rtol = bound(required(t, "rtol", path), path + ".rtol");
        Tolerance fixed = CLASSES.get(name);
        if (fixed != null) {
            if (atol != fixed.atol() || rtol != fixed.rtol()) {
                throw new JsonFormatException(path + ": class " + name + " has atol " + fixed.atol() + " and rtol "
                        + fixed.rtol() + " (SPEC.md, Tolerance model), found atol " + atol + " and rtol " + rtol);
            }
            return fixed;
        }
        Matcher m = SUM.matcher(name);
        if (!m.matches()) {
            throw new JsonFormatException(path + ".class: unknown tolerance class \"" + name + "\" (a golden case uses "
                    + String.join(", ", CLASSES.keySet()) + " or SUM(n), SPEC.md, Tolerance model)");
        }
        checkSum(Integer.parseInt(m.group(1)), atol, rtol, op, params, inputs, path);
        return new Tolerance(name, atol, rtol);
    }

    /** atol and rtol: JSON numbers, finite and ≥ 0. */
    private static double bound(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new JsonFormatException(path + ": expected a finite number ≥ 0, found " + abbreviate(node));
        }
        double v = Json.toDouble(node, path);
        if (!(v >= 0)) {
            throw new JsonFormatException(path + ": expected a finite number ≥ 0, found " + v);
        }
        return v;
    }

    /**
     * SUM(n) (SPEC.md): only for sums and dot products; n is the number of summed terms of the
     * case's own inputs; rtol is 0 or u (the rounding of the expected value itself); atol is at most
     * γₙ·Σ|terms|, bounded here by Σ|a| for a sum and Σ|a|·Σ|b| for a dot product.
     */
    private static void checkSum(
            int n, double atol, double rtol, String op, JsonNode params, Map<String, Tensor> inputs, String path) {
        Tensor a = inputs.get("a");
        int terms;
        double absBound;
        if (op.equals("dot")) {
            Tensor b = inputs.get("b");
            terms = a.rank() > 0 && b.rank() > 0 ? a.shape().dim(a.rank() - 1) : 1;
            absBound = absSum(a) * absSum(b);
        } else if (op.equals("sum")) {
            JsonNode axis = params.get("axis");
            if (axis.isNull() || a.rank() == 0) {
                terms = a.size();
            } else {
                int k = axis.intValue() < 0 ? axis.intValue() + a.rank() : axis.intValue();
                if (k < 0 || k >= a.rank()) {
                    throw new JsonFormatException(path + ": axis " + axis.intValue() + " is out of range for shape "
                            + a.shape() + ": such a sum has an error, not outputs");
                }
                terms = a.shape().dim(k);
            }
            absBound = absSum(a);
        } else {
            throw new JsonFormatException(
                    path + ".class: SUM(" + n + ") is the class of sums and dot products, not of \"" + op + "\"");
        }
        terms = Math.max(terms, 1);
        if (n != terms) {
            throw new JsonFormatException(path + ".class: SUM(" + n + ") must name the number of summed terms, " + terms
                    + " for these inputs");
        }
        if (rtol > Tolerance.U) {
            throw new JsonFormatException(path + ".rtol: SUM(n) has rtol 0 or u = 2^-53 (the rounding of the expected "
                    + "value), found " + rtol);
        }
        double limit = Tolerance.gamma(n) * absBound * SUM_SLACK;
        if (!(atol <= limit)) {
            throw new JsonFormatException(path + ".atol: SUM(" + n + ") allows at most γₙ·Σ|terms| ≤ " + limit
                    + " for these inputs, found " + atol);
        }
    }

    private static double absSum(Tensor t) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) {
            double v = Math.abs(t.flat(i));
            if (Double.isFinite(v)) {
                s += v;
            }
        }
        return s;
    }

    private static ErrorKind errorKind(String name, String at) {
        for (ErrorKind k : ErrorKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new JsonFormatException(at + ".error.kind: unknown error kind \"" + name + "\" (the kinds are: "
                + String.join(
                        ", ", Arrays.stream(ErrorKind.values()).map(Enum::name).toList()) + ")");
    }

    /**
     * {@code {"params": {"w": tensor, "b": 0.5}}} → {@code params.w}, {@code params.b}; each name's
     * JSON path goes to {@code paths}.
     */
    private static void flatten(
            JsonNode node, String prefix, String path, Map<String, Tensor> into, Map<String, String> paths) {
        if (node.isObject() && (node.has("shape") || node.has("data"))) {
            into.put(prefix, tensor(node, path));
            paths.put(prefix, path);
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                throw new JsonFormatException(path + ": empty object");
            }
            for (String field : Json.fieldNames(node)) {
                flatten(
                        node.get(field),
                        prefix.isEmpty() ? field : prefix + "." + field,
                        path + "." + field,
                        into,
                        paths);
            }
        } else if (node.isNumber() || node.isTextual()) {
            into.put(prefix, Tensor.scalar(Json.toDouble(node, path)));
            paths.put(prefix, path);
        } else {
            throw new JsonFormatException(
                    path + ": expected a tensor, a number or an object of them, found " + abbreviate(node));
        }
    }

    /** A tensor ({@link Json#toTensor}) with no field besides "shape" and "data". */
    private static Tensor tensor(JsonNode node, String path) {
        if (node.isObject()) {
            onlyFields(node, List.of("shape", "data"), path);
        }
        return Json.toTensor(node, path);
    }

    private static void onlyFields(JsonNode node, List<String> allowed, String path) {
        for (String field : Json.fieldNames(node)) {
            if (!allowed.contains(field)) {
                throw new JsonFormatException(
                        path + ": unknown field \"" + field + "\" (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static void expect(boolean ok, String path, String what, JsonNode found) {
        if (!ok) {
            throw new JsonFormatException(path + ": expected " + what + ", found " + abbreviate(found));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static Map<String, Tolerance> classes() {
        Map<String, Tolerance> m = new LinkedHashMap<>();
        for (Tolerance t : List.of(
                Tolerance.EXACT, Tolerance.ELEM, Tolerance.DERIV, Tolerance.LOSS, Tolerance.MODEL, Tolerance.TRAJ)) {
            m.put(t.name(), t);
        }
        return m;
    }

    /** SPEC.md's clauses, loaded once, on first use. */
    private static final class SpecHolder {
        static final SpecClauses SPEC = SpecClauses.load();
    }
}
