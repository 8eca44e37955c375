package org.dlbasis.runner.schema;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.dlbasis.golden.GoldenData;
import org.dlbasis.golden.GoldenFile;
import org.dlbasis.wire.Json;
import org.dlbasis.wire.JsonFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/schema/golden-file.schema.json accepts every committed golden file and rejects what the
 * Java reader rejects (each negative case is checked against {@link GoldenFile#read} too, so the
 * schema never claims a rule the reader does not enforce).
 */
class GoldenFileSchemaTest {
    @TempDir
    Path dir;

    @Test
    void everyGoldenFileIsValid() throws IOException {
        List<Path> files = GoldenData.files(GoldenData.directory());
        assertTrue(files.size() >= 7, "golden-data/*.json: " + files);
        for (Path f : files) {
            Schemas.assertValid(
                    Schemas.GOLDEN, Files.readString(f), f.getFileName().toString());
        }
    }

    /** loss.json with one change: rejected by the schema and by the reader. */
    private void rejected(String why, Consumer<ObjectNode> change) throws IOException {
        ObjectNode doc = (ObjectNode)
                Json.MAPPER.readTree(GoldenData.directory().resolve("loss.json").toFile());
        change.accept(doc);
        String text = Json.MAPPER.writeValueAsString(doc);
        Schemas.assertInvalid(Schemas.GOLDEN, text, why);
        Path file = dir.resolve("loss.json");
        Files.writeString(file, text);
        assertThrows(JsonFormatException.class, () -> GoldenFile.read(file), "the reader accepts " + why);
    }

    private static ObjectNode firstCase(ObjectNode doc) {
        return (ObjectNode) doc.get("cases").get(0);
    }

    /** The first case of loss.json that expects outputs (not an error). */
    private static ObjectNode outputCase(ObjectNode doc) {
        for (var c : doc.get("cases")) {
            if (c.has("expected")) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no output case in loss.json");
    }

    @Test
    void whatTheReaderRejectsTheSchemaRejects() throws IOException {
        rejected(
                "an unknown tolerance class", d -> ((ObjectNode) outputCase(d).get("tolerance")).put("class", "LOOSE"));
        rejected(
                "GRADCHECK in a golden file",
                d -> ((ObjectNode) outputCase(d).get("tolerance")).put("class", "GRADCHECK"));
        rejected(
                "an atol of 1e308 for its class",
                d -> ((ObjectNode) outputCase(d).get("tolerance")).put("atol", 1e308));
        rejected("an atol written as a string", d -> ((ObjectNode) outputCase(d).get("tolerance")).put("atol", "0"));
        rejected("SUM(n) for a loss", d -> ((ObjectNode) outputCase(d).get("tolerance")).put("class", "SUM(3)"));
        rejected(
                "a tensor with a string shape",
                d -> ((ObjectNode) firstCase(d).get("inputs").get("y_hat")).put("shape", "2"));
        rejected(
                "a tensor with a member besides shape and data",
                d -> ((ObjectNode) firstCase(d).get("inputs").get("y_hat")).put("dtype", "float64"));
        rejected("a missing input", d -> ((ObjectNode) firstCase(d).get("inputs")).remove("y"));
        rejected(
                "an input the operation does not have",
                d -> ((ObjectNode) firstCase(d).get("inputs"))
                        .set("x", firstCase(d).get("inputs").get("y")));
        rejected(
                "a parameter the operation does not have",
                d -> ((ObjectNode) firstCase(d).get("params")).put("axis", 0));
        rejected(
                "an output the operation does not have",
                d -> ((ObjectNode) outputCase(d).get("expected"))
                        .set("dw", outputCase(d).get("expected").get("out")));
        rejected(
                "both error and expected",
                d -> outputCase(d).set("error", Json.MAPPER.createObjectNode().put("kind", "NON_FINITE")));
        rejected("an unknown error kind", d -> {
            ObjectNode c = outputCase(d);
            c.remove("expected");
            c.remove("tolerance");
            c.set("error", Json.MAPPER.createObjectNode().put("kind", "NOT_IMPLEMENTED"));
        });
        rejected("an unknown operation", d -> firstCase(d).put("op", "softmax"));
        rejected("an empty clause list", d -> firstCase(d).set("clauses", Json.MAPPER.createArrayNode()));
        rejected("a blank id", d -> firstCase(d).put("id", " "));
        rejected("an unknown member of a case", d -> firstCase(d).put("comment", "x"));
        rejected("no cases", d -> d.set("cases", Json.MAPPER.createArrayNode()));
        rejected("another format", d -> d.put("format", "dlbasis-golden/2"));
        rejected(
                "\"nan\" for NaN",
                d -> ((ArrayNode) firstCase(d).get("inputs").get("y_hat").get("data"))
                        .set(0, Json.MAPPER.getNodeFactory().textNode("nan")));
    }
}
