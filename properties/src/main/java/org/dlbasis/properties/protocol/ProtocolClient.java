package org.dlbasis.properties.protocol;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dlbasis.properties.json.Json;
import org.dlbasis.properties.json.JsonFormatException;
import org.dlbasis.properties.suite.ImplementationFailure;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The runner's side of spec/PROTOCOL.md: one JSON request per line to the child, one JSON
 * response per line back, each within a timeout. A crash, a hang, an early exit or a response
 * that is not the protocol's becomes an {@link ImplementationFailure} carrying the tail of the
 * child's stderr; the child is then killed, and the next request starts a fresh one.
 */
public final class ProtocolClient implements AutoCloseable {
    public static final String PROTOCOL = "dlbasis-protocol/1";
    /** After this many children in a row die before answering the handshake, stop restarting. */
    private static final int MAX_FAILED_STARTS = 3;

    private final String commandLine;
    private final long timeoutMillis;
    private ChildProcess child;
    private long nextId = 1;
    private int failedStarts;
    private String name;
    private Set<Capability> capabilities;

    public ProtocolClient(String commandLine, long timeoutMillis) {
        this.commandLine = commandLine;
        this.timeoutMillis = timeoutMillis;
    }

    /** The name the child gave in its handshake (starts it if needed). */
    public String name() {
        ensureStarted();
        return name;
    }

    /** The capabilities the child declared in its handshake. */
    public Set<Capability> capabilities() {
        ensureStarted();
        return capabilities;
    }

    /**
     * Sends one operation; returns its named outputs.
     *
     * @throws org.dlbasis.spec.error.SpecException the error the implementation reported
     * @throws ImplementationFailure if the child crashed, timed out or answered nonsense
     */
    public Map<String, Tensor> call(String op, JsonNode params, JsonNode inputs) {
        ImplementationFailure earlier = ImplementationFailure.first();
        if (earlier != null) {
            throw new ImplementationFailure("not sent: the implementation already failed in this check");
        }
        ensureStarted();
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("id", nextId);
        request.put("op", op);
        request.set("params", params);
        request.set("inputs", inputs);
        JsonNode response = exchange(request, op);
        return outputs(response, op);
    }

    private void ensureStarted() {
        if (child != null) {
            return;
        }
        if (failedStarts >= MAX_FAILED_STARTS) {
            throw new ImplementationFailure("the implementation failed to start " + MAX_FAILED_STARTS
                    + " times in a row; giving up: " + commandLine);
        }
        try {
            child = new ChildProcess(commandLine);
        } catch (IOException e) {
            failedStarts++;
            throw new ImplementationFailure("cannot start \"" + commandLine + "\": " + e.getMessage(), e);
        }
        ObjectNode hello = Json.MAPPER.createObjectNode();
        hello.put("id", 0);
        hello.put("op", "hello");
        hello.put("protocol", PROTOCOL);
        nextId = 0;
        try {
            handshake(exchange(hello, "hello"));
            failedStarts = 0;
        } catch (ImplementationFailure e) {
            failedStarts++;
            throw e;
        }
    }

    private void handshake(JsonNode response) {
        try {
            name = Json.text(response, "name", "hello response");
            JsonNode caps = Json.required(response, "capabilities", "hello response");
            Set<Capability> declared = EnumSet.noneOf(Capability.class);
            for (JsonNode c : caps) {
                declared.add(Capability.valueOf(c.asText()));
            }
            capabilities = declared;
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw fail("answered the handshake with nonsense: " + e.getMessage() + ": " + response, null);
        }
    }

    /** Writes the request and reads its response, enforcing the timeout and the id. */
    private JsonNode exchange(ObjectNode request, String op) {
        long id = nextId++;
        String line;
        try {
            child.send(Json.MAPPER.writeValueAsString(request));
            line = child.receive(timeoutMillis);
        } catch (IOException e) {
            throw fail(e.getMessage() + " during \"" + op + "\"", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted during \"" + op + "\"", e);
        }
        if (line == null) {
            throw fail("did not answer \"" + op + "\" within " + timeoutMillis + " ms", null);
        }
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw fail("wrote a line that is not JSON in answer to \"" + op + "\": " + abbreviate(line), e);
        }
        if (response == null || !response.isObject() || !response.has("id") || response.get("id").asLong() != id
                || !response.has("ok")) {
            throw fail("answered \"" + op + "\" (id " + id + ") with " + abbreviate(line)
                    + "; expected {\"id\": " + id + ", \"ok\": …}", null);
        }
        return response;
    }

    private Map<String, Tensor> outputs(JsonNode response, String op) {
        try {
            if (!response.get("ok").asBoolean()) {
                JsonNode error = Json.required(response, "error", "response");
                ErrorKind kind = ErrorKind.valueOf(Json.text(error, "kind", "response.error"));
                JsonNode message = error.get("message");
                throw kind.exception(message == null ? "" : message.asText());
            }
            JsonNode outputs = Json.required(response, "outputs", "response");
            Map<String, Tensor> result = new LinkedHashMap<>();
            for (String field : Json.fieldNames(outputs)) {
                result.put(field, Json.toTensor(outputs.get(field), "response.outputs." + field));
            }
            return result;
        } catch (JsonFormatException | IllegalArgumentException e) {
            if (e instanceof org.dlbasis.spec.error.SpecException) {
                throw e;
            }
            throw fail("answered \"" + op + "\" with nonsense: " + e.getMessage(), e);
        }
    }

    /** Kills the child and builds the failure, with its stderr tail. */
    private ImplementationFailure fail(String what, Throwable cause) {
        String tail = child == null ? "" : child.stderrTail();
        close();
        return new ImplementationFailure("the implementation " + what
                + (tail.isEmpty() ? "" : "\n--- stderr (last lines) ---\n" + tail), cause);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    @Override
    public void close() {
        if (child != null) {
            child.close();
            child = null;
        }
    }
}
