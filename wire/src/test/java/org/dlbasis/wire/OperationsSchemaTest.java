package org.dlbasis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dlbasis.spec.api.Activation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * spec/schema/operations.schema.json says, field by field, what {@link Operation}'s table says: the
 * operation names, every operation's parameters (names, order, JSON types, all
 * required, no other), its inputs (names, order, which are required, each one's form down to the
 * members and layer prefixes of the shared definitions), the flat names of its answer's outputs
 * (with a number 0-d and the costs rank 1) and of its golden cases' expected outputs.
 */
class OperationsSchemaTest {
    private static final String TENSOR = "tensor.schema.json#/$defs/";
    private static final String LAYER_NUMBER = "[1-9][0-9]{0,8}$";

    private static JsonNode defs;

    @BeforeAll
    static void read() throws IOException {
        defs = Json.MAPPER
                .readTree(ProjectRoot.get()
                        .resolve("spec/schema/operations.schema.json")
                        .toFile())
                .get("$defs");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> texts.add(n.asText()));
        }
        return texts;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        if (object != null) {
            Json.fieldNames(object).forEach(keys::add);
        }
        return keys;
    }

    @Test
    void theOperationsAreTheTables() {
        List<String> names =
                Arrays.stream(Operation.values()).map(Operation::wireName).toList();
        assertEquals(Set.copyOf(names), Set.copyOf(texts(defs.get("operation").get("enum"))), "$defs/operation");
        for (String dispatch : List.of("call", "expected")) {
            List<String> consts = new ArrayList<>();
            for (JsonNode branch : defs.get(dispatch).get("allOf")) {
                String op = branch.at("/if/properties/op/const").asText();
                consts.add(op);
                String ref = dispatch.equals("call")
                        ? branch.at("/then/$ref").asText()
                        : branch.at("/then/properties/expected/$ref").asText();
                assertEquals("#/$defs/" + op + (dispatch.equals("call") ? "" : "_expected"), ref, dispatch + " " + op);
            }
            assertEquals(Set.copyOf(names), Set.copyOf(consts), "$defs/" + dispatch + " has one branch per operation");
            assertEquals(names.size(), consts.size(), "$defs/" + dispatch + " has one branch per operation");
        }
    }

    @Test
    void everyOperationsParametersAreTheTables() {
        for (Operation op : Operation.values()) {
            String where = op + ".params";
            JsonNode params = defs.get(op.wireName()).at("/properties/params");
            boolean activation = params.path("$ref").asText().equals("#/$defs/hiddenActivation")
                    || params.path("allOf").toString().contains("#/$defs/hiddenActivation");
            assertEquals(op.params().contains(Param.ACTIVATION), activation, where + ": the hidden activation");
            List<String> names =
                    op.paramFields().stream().map(Param.Field::name).toList();
            assertEquals(names, keys(params.get("properties")), where + ": the names, in order");
            Set<String> required = new LinkedHashSet<>(texts(params.get("required")));
            if (activation) {
                required.addAll(List.of("activation", "parameter"));
            }
            assertEquals(Set.copyOf(names), required, where + ": all required");
            assertEquals("false", params.path("additionalProperties").toString(), where + ": no other");
            for (Param.Field field : op.paramFields()) {
                JsonNode schema = params.get("properties").get(field.name());
                String type = activation && Set.of("activation", "parameter").contains(field.name())
                        ? defs.get("hiddenActivation")
                                .get("properties")
                                .get(field.name())
                                .toString()
                        : schema.toString();
                assertEquals(typeOf(field.type()), type, where + "." + field.name());
            }
        }
    }

    private static String typeOf(ParamType type) {
        return switch (type) {
            case INT -> "{\"$ref\":\"#/$defs/int32\"}";
            case AXIS -> "{\"$ref\":\"#/$defs/axis\"}";
            case BOOLEAN -> "{\"type\":\"boolean\"}";
            case INTS -> "{\"$ref\":\"#/$defs/dims\"}";
            case NUMBER -> "{\"$ref\":\"" + TENSOR + "double\"}";
            case SEED -> "{\"$ref\":\"#/$defs/int64\"}";
            case ACTIVATION -> "{\"enum\":" + Json.MAPPER.valueToTree(Activation.Kind.wireNames()) + "}";
        };
    }

    @Test
    void everyOperationsInputsAreTheTables() {
        for (Operation op : Operation.values()) {
            String where = op + ".inputs";
            JsonNode inputs = defs.get(op.wireName()).at("/properties/inputs");
            assertEquals(
                    op.inputs().stream().map(Input::name).toList(),
                    keys(inputs.get("properties")),
                    where + ": the names, in order");
            assertEquals(
                    op.inputs().stream()
                            .filter(i -> !i.optional())
                            .map(Input::name)
                            .toList(),
                    texts(inputs.get("required")),
                    where + ": the required ones");
            assertEquals("false", inputs.path("additionalProperties").toString(), where + ": no other");
            for (Input<?> input : op.inputs()) {
                assertForm(input.form(), inputs.get("properties").get(input.name()), where + "." + input.name());
            }
        }
    }

    /** A leaf is tensor.schema.json's; a record or layered form is its shared definition, member by member. */
    private static void assertForm(Form<?> form, JsonNode schema, String where) {
        if (form.leaf() != null) {
            assertEquals("{\"$ref\":\"" + TENSOR + form.name() + "\"}", schema.toString(), where);
            return;
        }
        assertEquals("{\"$ref\":\"#/$defs/" + form.name() + "\"}", schema.toString(), where);
        JsonNode def = defs.get(form.name());
        assertEquals("false", def.path("additionalProperties").toString(), form.name() + ": no other");
        if (form.prefixes().isEmpty()) {
            List<String> names = form.members().stream().map(Form.Member::name).toList();
            assertEquals(names, keys(def.get("properties")), form.name() + ": the members, in order");
            assertEquals(names, texts(def.get("required")), form.name() + ": all required");
            for (Form.Member<?> m : form.members()) {
                assertForm(m.form(), def.get("properties").get(m.name()), form.name() + "." + m.name());
            }
        } else {
            assertEquals(
                    form.prefixes().stream().map(p -> "^" + p + LAYER_NUMBER).toList(),
                    keys(def.get("patternProperties")),
                    form.name() + ": one tensor per layer and prefix");
            assertEquals(
                    form.prefixes().stream().map(p -> p + 1).toList(),
                    texts(def.get("required")),
                    form.name() + ": layer 1 required");
            def.get("patternProperties")
                    .forEach(p -> assertEquals("{\"$ref\":\"" + TENSOR + "tensor\"}", p.toString(), form.name()));
        }
    }

    @Test
    void everyOperationsOutputsAreTheTables() {
        for (Operation op : Operation.values()) {
            String where = op + "_outputs";
            JsonNode outputs = defs.get(op.wireName() + "_outputs");
            List<String> required = new ArrayList<>();
            List<String> named = new ArrayList<>();
            List<String> patterns = new ArrayList<>();
            for (Map.Entry<String, Form.Leaf> e : op.output().leaves().entrySet()) {
                String name = e.getKey();
                String ref = "{\"$ref\":\"" + TENSOR
                        + switch (e.getValue()) {
                            case TENSOR -> "responseTensor";
                            case NUMBER -> "scalarResponseTensor";
                            case COSTS -> "vectorResponseTensor";
                        }
                        + "\"}";
                if (name.endsWith(Form.LAYER)) {
                    String pattern = pattern(name);
                    patterns.add(pattern);
                    assertEquals(
                            ref, outputs.get("patternProperties").get(pattern).toString(), where + "." + name);
                    required.add(name.replace(Form.LAYER, "1"));
                } else {
                    named.add(name);
                    assertEquals(ref, outputs.get("properties").get(name).toString(), where + "." + name);
                    required.add(name);
                }
            }
            assertEquals(Set.copyOf(required), Set.copyOf(texts(outputs.get("required"))), where + ": required");
            assertEquals(named, keys(outputs.get("properties")), where + ": the names, in order");
            assertEquals(patterns, keys(outputs.get("patternProperties")), where + ": the per-layer names");

            JsonNode expected = defs.get(op.wireName() + "_expected");
            List<String> flat = new ArrayList<>(keys(expected.get("properties")));
            flat.addAll(keys(expected.get("patternProperties")));
            boolean nested = flat.remove("params");
            List<String> all = new ArrayList<>(named);
            all.addAll(patterns);
            assertEquals(Set.copyOf(all), Set.copyOf(flat), op + "_expected: the flat names");
            assertEquals(
                    op.output().names().stream().anyMatch(n -> n.startsWith("params.")),
                    nested,
                    op + "_expected: the nested params");
            assertTrue(expected.path("additionalProperties").isBoolean(), op + "_expected: no other");
        }
    }

    /** {@code params.w{l}} → {@code ^params\.w[1-9][0-9]{0,8}$}. */
    private static String pattern(String name) {
        return "^" + name.replace(Form.LAYER, "").replace(".", "\\.") + LAYER_NUMBER;
    }

    @Test
    void theLayerPatternIsTheOneOfTheSchema() {
        assertTrue(Pattern.matches(pattern("params.w{l}"), "params.w12"));
    }
}
