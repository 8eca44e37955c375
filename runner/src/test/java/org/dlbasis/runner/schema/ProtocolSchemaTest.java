package org.dlbasis.runner.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.wire.Json;
import org.dlbasis.wire.Operation;
import org.junit.jupiter.api.Test;

/**
 * spec/schema/protocol-request.schema.json and protocol-response.schema.json against real
 * traffic: every line the runner wrote to the numpy adapter and every line the adapter wrote
 * back, recorded by {@link Recordings}; and against answers the runner refuses.
 */
class ProtocolSchemaTest {
    record Line(int number, String text, JsonNode json) {}

    static List<Line> lines(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        List<String> all = Files.readAllLines(file);
        for (int i = 0; i < all.size(); i++) {
            out.add(new Line(i + 1, all.get(i), Json.MAPPER.readTree(all.get(i))));
        }
        return out;
    }

    @Test
    void everyRecordedRequestIsValidAndTheTrafficReachesEveryOperation() throws IOException {
        Set<String> ops = new TreeSet<>();
        boolean cacheSent = false;
        for (Recordings.Exchange x : Recordings.get().exchanges) {
            for (Line line : lines(x.requests())) {
                Schemas.assertValid(Schemas.REQUEST, line.text(), x.requests() + ":" + line.number());
                ops.add(line.json().get("op").asText());
                cacheSent |= line.json().path("inputs").has("cache");
            }
        }
        Set<String> all = new TreeSet<>(operationNames());
        all.add("hello");
        assertEquals(
                all,
                ops,
                "the recorded traffic must reach every operation of operations.schema.json; change "
                        + "Recordings.TRAFFIC_CLAUSES");
        assertTrue(cacheSent, "net_backward with a cache");
    }

    @Test
    void everyRecordedResponseIsValidAndCarriesItsOperationsOutputs() throws IOException {
        int errors = 0;
        int hellos = 0;
        for (Recordings.Exchange x : Recordings.get().exchanges) {
            List<Line> requests = lines(x.requests());
            List<Line> responses = lines(x.responses());
            assertEquals(
                    requests.size(),
                    responses.size(),
                    x.name() + ": one response per request (a program that "
                            + "crashed or timed out leaves a request unanswered):\n"
                            + org.dlbasis.runner.report.ReportWriter.table(x.report()));
            for (int i = 0; i < responses.size(); i++) {
                Line request = requests.get(i);
                Line response = responses.get(i);
                String where = x.responses() + ":" + response.number() + " (answering "
                        + request.json().get("op") + ")";
                Schemas.assertValid(Schemas.RESPONSE, response.text(), where);
                assertEquals(
                        request.json().get("id").asLong(),
                        response.json().get("id").asLong(),
                        where + ": id");
                String op = request.json().get("op").asText();
                if (op.equals("hello")) {
                    hellos++;
                    Schemas.assertValid(Schemas.RESPONSE + "#/$defs/hello", response.text(), where);
                } else if (!response.json().get("ok").asBoolean()) {
                    errors++;
                } else {
                    Schemas.assertValid(Schemas.RESPONSE + "#/$defs/success", response.text(), where);
                    Schemas.assertValid(
                            "operations.schema.json#/$defs/" + op + "_outputs",
                            response.json().get("outputs").toString(),
                            where + " outputs");
                }
            }
        }
        assertTrue(errors > 0, "the traffic holds error answers (ERR-*, DIM-3, golden error cases)");
        assertTrue(hellos > 1, "the traffic holds handshakes");
    }

    /** The operation names of operations.schema.json. */
    static List<String> operationNames() throws IOException {
        return enumOf("operations.schema.json", "operation");
    }

    private static List<String> enumOf(String schema, String def) throws IOException {
        JsonNode node = Json.MAPPER.readTree(Schemas.DIRECTORY.resolve(schema).toFile());
        List<String> names = new ArrayList<>();
        node.get("$defs").get(def).get("enum").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** The schemas' operations, capabilities and error kinds are exactly the runner's. */
    @Test
    void theSchemasVocabularyIsTheRunners() throws IOException {
        assertEquals(
                new TreeSet<>(Arrays.stream(Operation.values())
                        .map(Operation::wireName)
                        .toList()),
                new TreeSet<>(operationNames()));
        assertEquals(
                Arrays.stream(Capability.values()).map(Enum::name).toList(), enumOf(Schemas.RESPONSE, "capability"));
        List<String> kinds = new ArrayList<>(
                Arrays.stream(ErrorKind.values()).map(Enum::name).toList());
        kinds.add("NOT_IMPLEMENTED");
        assertEquals(kinds, enumOf(Schemas.RESPONSE, "errorKind"));
    }

    private static final String TENSOR = "{\"shape\": [2], \"data\": [1.0, \"NaN\"]}";

    @Test
    void requestsTheRunnerNeverSendsAreInvalid() {
        Schemas.assertValid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"add\", \"params\": {}, \"inputs\": {\"a\": " + TENSOR + ", \"b\": " + TENSOR
                        + "}}",
                "add");
        Schemas.assertInvalid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"add\", \"params\": {}, \"inputs\": {\"a\": " + TENSOR + "}}",
                "a request with a missing input");
        Schemas.assertInvalid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"sum\", \"params\": {\"axis\": 0}, \"inputs\": " + "{\"a\": " + TENSOR + "}}",
                "a request with a missing parameter");
        Schemas.assertInvalid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"activation\", \"params\": {\"activation\": "
                        + "{\"activation\": \"relu\", \"parameter\": 0.0}}, \"inputs\": {\"z\": " + TENSOR + "}}",
                "a nested activation");
        Schemas.assertInvalid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"activation\", \"params\": {\"activation\": "
                        + "\"leaky_relu\", \"parameter\": 1.5}, \"inputs\": {\"z\": " + TENSOR + "}}",
                "a Leaky ReLU slope of 1.5");
        Schemas.assertInvalid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"exp\", \"params\": {}, \"inputs\": {\"a\": "
                        + "{\"shape\": \"2\", \"data\": [1, 2]}}}",
                "a tensor with a string shape");
        Schemas.assertInvalid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"exp\", \"params\": {}, \"inputs\": {\"a\": " + "{\"shape\": [], \"data\": []}}}",
                "a 0-d tensor without its value");
        Schemas.assertInvalid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"exp\", \"params\": {}, \"inputs\": {\"a\": "
                        + "{\"shape\": [1], \"data\": [\"nan\"]}}}",
                "\"nan\" for NaN");
        Schemas.assertInvalid(
                Schemas.REQUEST,
                "{\"id\": 3, \"op\": \"softmax\", \"params\": {}, \"inputs\": {}}",
                "an unknown operation");
        Schemas.assertValid(
                Schemas.REQUEST, "{\"id\": 0, \"op\": \"hello\", \"protocol\": \"dlbasis-protocol/1\"}", "hello");
        Schemas.assertValid(Schemas.REQUEST, "{\"id\": 9, \"op\": \"bye\"}", "bye");
    }

    @Test
    void answersTheRunnerRefusesAreInvalid() {
        Schemas.assertValid(
                Schemas.RESPONSE, "{\"id\": 4, \"ok\": true, \"outputs\": {\"out\": " + TENSOR + "}}", "a success");
        Schemas.assertInvalid(
                Schemas.RESPONSE,
                "{\"id\": 4, \"ok\": \"yes\", \"outputs\": {\"out\": " + TENSOR + "}}",
                "\"ok\": \"yes\"");
        Schemas.assertInvalid(Schemas.RESPONSE, "{\"id\": 4, \"outputs\": {\"out\": " + TENSOR + "}}", "no ok");
        Schemas.assertInvalid(
                Schemas.RESPONSE,
                "{\"id\": 4, \"ok\": true, \"outputs\": {\"out\": {\"shape\": \"2\", " + "\"data\": [1, 2]}}}",
                "an output with a string shape");
        Schemas.assertInvalid(
                Schemas.RESPONSE,
                "{\"id\": 4, \"ok\": true, \"outputs\": {\"out\": {\"shape\": [1], " + "\"data\": [NaN]}}}",
                "a bare NaN");
        Schemas.assertInvalid(
                Schemas.RESPONSE,
                "{\"id\": 4, \"ok\": true, \"outputs\": {\"out\": {\"shape\": [1], " + "\"data\": [1e400]}}}",
                "a number beyond float64");
        Schemas.assertInvalid(Schemas.RESPONSE, "{\"id\": 4, \"ok\": true}", "ok without outputs");
        Schemas.assertInvalid(
                Schemas.RESPONSE,
                "{\"id\": 4, \"ok\": false, \"error\": {\"kind\": \"OOPS\", " + "\"message\": \"x\"}}",
                "an unknown error kind");
        Schemas.assertInvalid(
                Schemas.RESPONSE,
                "{\"id\": 4, \"ok\": false, \"error\": {\"kind\": \"NON_FINITE\", " + "\"message\": 5}}",
                "a message that is not a string");
        Schemas.assertValid(
                Schemas.RESPONSE,
                "{\"id\": 4, \"ok\": false, \"error\": {\"kind\": \"NOT_IMPLEMENTED\", "
                        + "\"message\": \"no dot here\"}}",
                "NOT_IMPLEMENTED");
        Schemas.assertValid(
                Schemas.RESPONSE,
                "{\"id\": 0, \"ok\": true, \"name\": \"n\", \"capabilities\": []}",
                "a handshake that declares nothing");
        Schemas.assertInvalid(
                Schemas.RESPONSE, "{\"id\": 0, \"ok\": true, \"name\": \" \", \"capabilities\": []}", "a blank name");
        String hello = "{\"id\": 0, \"ok\": true, \"name\": \"n\", \"capabilities\": [], \"terms\": ";
        Schemas.assertValid(
                Schemas.RESPONSE + "#/$defs/hello",
                hello + "{\"net_backward\": {\"call\": \"grads = backward_propagation(parameters, cache, X, Y)\", "
                        + "\"inputs\": {\"x\": \"X\", \"params.w1\": \"parameters[\\\"W1\\\"]\"}, "
                        + "\"outputs\": {\"db2\": \"grads[\\\"db2\\\"]\"}}}}",
                "a handshake with terms");
        Schemas.assertInvalid(
                Schemas.RESPONSE + "#/$defs/hello",
                hello + "{\"net_backward\": {\"inputs\": {}}}}",
                "terms without a call");
        Schemas.assertInvalid(
                Schemas.RESPONSE + "#/$defs/hello",
                hello + "{\"net_backward\": {\"call\": \"f(X)\", \"inputs\": {\"x\": 1}}}}",
                "a term that is not a string");
        Schemas.assertInvalid(
                Schemas.RESPONSE,
                "{\"id\": 0, \"ok\": true, \"name\": \"n\", \"capabilities\": " + "\"ARRAYS\"}",
                "capabilities as a string");
        Schemas.assertInvalid(
                Schemas.RESPONSE,
                "{\"id\": 0, \"ok\": true, \"name\": \"n\", \"capabilities\": " + "[\"CONVOLUTION\"]}",
                "an unknown capability");
        Schemas.assertInvalid(
                Schemas.RESPONSE + "#/$defs/hello",
                "{\"id\": 0, \"ok\": false, \"error\": " + "{\"kind\": \"INVALID_ARGUMENT\", \"message\": \"no\"}}",
                "a refused handshake");
        Schemas.assertInvalid(
                Schemas.RESPONSE + "#/$defs/success",
                "{\"id\": 0, \"ok\": true, \"name\": \"n\", " + "\"capabilities\": []}",
                "a handshake's answer to an operation");
        Schemas.assertInvalid(
                "operations.schema.json#/$defs/lr_step_outputs",
                "{\"params\": {\"w\": " + TENSOR + ", \"b\": {\"shape\": [], \"data\": [1]}}}",
                "nested outputs instead of the flat params.w, params.b");
        Schemas.assertInvalid(
                "operations.schema.json#/$defs/lr_backward_outputs",
                "{\"dw\": " + TENSOR + ", \"db\": " + TENSOR + "}",
                "db with two values");
    }
}
