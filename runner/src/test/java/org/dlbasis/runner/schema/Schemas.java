package org.dlbasis.runner.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dlbasis.golden.GoldenData;

/**
 * The JSON Schemas of {@code spec/schema/}, loaded with networknt's json-schema-validator
 * (draft 2020-12) straight from the files: a schema's relative {@code $ref}s
 * ({@code tensor.schema.json#/$defs/tensor}) resolve against its file, and nothing is fetched
 * from the network.
 */
final class Schemas {
    static final Path DIRECTORY =
            GoldenData.projectRoot().resolve("spec/schema").toAbsolutePath().normalize();
    static final List<String> FILES = List.of(
            "tensor.schema.json",
            "operations.schema.json",
            "protocol-request.schema.json",
            "protocol-response.schema.json",
            "golden-file.schema.json",
            "conformance-report.schema.json");
    static final String REQUEST = "protocol-request.schema.json";
    static final String RESPONSE = "protocol-response.schema.json";
    static final String GOLDEN = "golden-file.schema.json";
    static final String REPORT = "conformance-report.schema.json";
    static final String META = "https://json-schema.org/draft/2020-12/schema";

    private static final String BASE = DIRECTORY.toUri().toString();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Schemas::read));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {}

    /** The text of a schema of spec/schema (null for any other IRI: the built-in meta-schemas). */
    private static String read(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        try {
            return Files.readString(DIRECTORY.resolve(iri.substring(BASE.length())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema " + iri, e);
        }
    }

    /**
     * A schema of spec/schema by file name, optionally with a fragment
     * ({@code operations.schema.json#/$defs/lr_step_outputs}), or the 2020-12 meta-schema.
     */
    static Schema get(String reference) {
        return LOADED.computeIfAbsent(
                reference, r -> REGISTRY.getSchema(SchemaLocation.of(r.equals(META) ? META : BASE + r)));
    }

    /** What is wrong with {@code json} under {@code reference}: empty when it is valid. */
    static List<String> errors(String reference, String json) {
        try {
            return get(reference).validate(json, InputFormat.JSON).stream()
                    .map(Object::toString)
                    .toList();
        } catch (RuntimeException e) {
            // Jackson refuses the text itself (not JSON, a bare NaN): invalid whatever the schema
            return List.of("not JSON: " + e.getMessage());
        }
    }

    static void assertValid(String reference, String json, String where) {
        List<String> errors = errors(reference, json);
        assertEquals(List.of(), errors, where + " is not valid under " + reference + ":\n" + abbreviate(json));
    }

    static void assertInvalid(String reference, String json, String why) {
        assertFalse(errors(reference, json).isEmpty(), reference + " accepts " + why + ":\n" + abbreviate(json));
    }

    static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
