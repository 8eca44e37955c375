package org.dlbasis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Python kit's table ({@code OPERATIONS} in adapters/python/dlbasis_protocol/server.py), which
 * it answers the handshake and calls the user's functions from, says field by field what
 * {@link Operation}'s table says: the same operations, and for each its capability, its parameters
 * and inputs (names, in order), its outputs and its per-layer output prefixes. Skipped, with the
 * reason, where python3 cannot be started.
 */
class KitTableTest {
    /** The kit's table as JSON: {name: {capability, params, inputs, outputs, layers}}. */
    private static final String DUMP = "import json, sys\n"
            + "sys.path.insert(0, sys.argv[1])\n"
            + "from dlbasis_protocol.server import OPERATIONS\n"
            + "print(json.dumps({name: {'capability': op.capability, 'params': list(op.params),"
            + " 'inputs': list(op.inputs), 'outputs': list(op.outputs), 'layers': list(op.layers)}"
            + " for name, op in OPERATIONS.items()}))\n";

    private static JsonNode kitTable() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(
                            "python3",
                            "-c",
                            DUMP,
                            ProjectRoot.get().resolve("adapters/python").toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            // the build needs python3 (README): without it this check must fail, not skip
            throw new AssertionError(
                    "the kit's table is read by python3, which cannot be started here: " + e.getMessage(), e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), "python3 could not read the kit's table:\n" + output);
        return Json.MAPPER.readTree(output);
    }

    /** The catalogue's entry in the kit's terms: the flat output names apart, the per-layer prefixes apart. */
    private static Map<String, Object> entry(Operation op) {
        List<String> outputs = new ArrayList<>();
        List<String> layers = new ArrayList<>();
        for (String name : op.output().names()) {
            if (name.endsWith(Form.LAYER)) {
                layers.add(name.substring(0, name.length() - Form.LAYER.length()));
            } else {
                outputs.add(name);
            }
        }
        return Map.of(
                "capability", op.capability().name(),
                "params", op.paramFields().stream().map(Param.Field::name).toList(),
                "inputs", op.inputs().stream().map(Input::name).toList(),
                "outputs", outputs,
                "layers", layers);
    }

    @Test
    void theKitsTableIsTheCataloguesFieldByField() throws IOException, InterruptedException {
        JsonNode kit = kitTable();
        List<String> names = new ArrayList<>();
        Json.fieldNames(kit).forEach(names::add);
        assertEquals(
                Arrays.stream(Operation.values())
                        .map(Operation::wireName)
                        .sorted()
                        .toList(),
                names.stream().sorted().toList(),
                "the kit's operations");
        for (Operation op : Operation.values()) {
            JsonNode found = kit.get(op.wireName());
            entry(op)
                    .forEach((field, expected) -> assertEquals(
                            Json.MAPPER.valueToTree(expected),
                            found.get(field),
                            "server.py OPERATIONS[\"" + op + "\"]." + field));
        }
    }
}
