package org.dlbasis.runner.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.Options;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.suite.ImplementationFailure;
import org.dlbasis.wire.Json;
import org.dlbasis.wire.JsonFormatException;

/**
 * The runner's side of spec/PROTOCOL.md: one JSON request per line to the child, one JSON
 * response per line back, each within a timeout that covers writing the request as well as
 * reading the answer. A crash, a hang, an early exit or a response that is not the protocol's
 * becomes an {@link ImplementationFailure} carrying the tail of the child's stderr; the child's
 * whole process tree is then killed, and the next request starts a fresh one.
 *
 * <p>Nothing the child sends can make the suite fail on its own account: every decoding error
 * is the implementation's protocol error, never an error kind it "raised".
 */
public final class ProtocolClient implements AutoCloseable {
    /** The protocol's version, sent in the handshake's {@code "protocol"} field. */
    public static final String PROTOCOL = "dlbasis-protocol/1";
    /** The error kind that answers an operation the program does not provide (SPEC API-1). */
    public static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED";
    /** After this many children in a row die before answering the handshake, stop restarting. */
    private static final int MAX_FAILED_STARTS = 3;

    private static final int ABBREVIATE = 300;

    private final List<String> command;
    private final String displayName;
    private final long timeoutMillis;
    private ChildProcess child;
    private long nextId = 1;
    private int failedStarts;
    private String name;
    private Set<Capability> capabilities;
    private Options options;
    private Terms terms = Terms.NONE;
    private String lastOp;
    private JsonNode lastParams;
    private JsonNode lastInputs;
    /** The first failure since {@link #beginCheck()}: later calls of the same check are refused. */
    private ImplementationFailure firstFailure;

    /**
     * @param command the program and its arguments
     * @param displayName how the program is named in messages (its command line)
     * @param timeoutMillis per request: writing it and reading its answer
     */
    public ProtocolClient(List<String> command, String displayName, long timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeout must be > 0 ms, found " + timeoutMillis);
        }
        this.command = List.copyOf(command);
        this.displayName = displayName;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * The name the child gave in its handshake (starts it if needed).
     *
     * @return the implementation's name
     * @throws ImplementationFailure if the child cannot be started or its handshake is not the protocol's
     */
    public synchronized String name() {
        ensureStarted();
        return name;
    }

    /**
     * The capabilities the child declared in its handshake.
     *
     * @return the declared capabilities
     * @throws ImplementationFailure if the child cannot be started or its handshake is not the protocol's
     */
    public synchronized Set<Capability> capabilities() {
        ensureStarted();
        return capabilities;
    }

    /**
     * The options the child declared in its handshake (SPEC API-2).
     *
     * @return the declared options
     * @throws ImplementationFailure if the child cannot be started or its handshake is not the protocol's
     */
    public synchronized Options options() {
        ensureStarted();
        return options;
    }

    /**
     * The last request sent, in the terms the handshake gave for its operation.
     *
     * @return the call and the line that rebuilds it, or empty without terms for it
     */
    public synchronized java.util.Optional<String> lastCallInItsTerms() {
        return lastOp == null ? java.util.Optional.empty() : terms.call(lastOp, lastParams, lastInputs);
    }

    /**
     * An output's name in the terms the handshake gave.
     *
     * @param op the operation's wire name
     * @param output the output's wire name
     * @return its expression, such as {@code grads["db2"]}, or empty
     */
    public synchronized java.util.Optional<String> outputInItsTerms(String op, String output) {
        return terms.output(op, output);
    }

    /** Forgets the previous check's failure (see {@link org.dlbasis.tck.suite.IsolatedImplementation}). */
    public synchronized void beginCheck() {
        firstFailure = null;
    }

    /**
     * Sends one operation; returns its named outputs.
     *
     * @param op the operation's wire name, such as {@code lr_step}
     * @param params the operation's parameters (a JSON object)
     * @param inputs the operation's inputs (a JSON object)
     * @return the outputs by name, such as {@code "out"} or {@code "dw"}, {@code "db"}
     * @throws org.dlbasis.spec.error.SpecException the error the implementation reported
     * @throws ImplementationFailure if the child crashed, timed out or answered nonsense
     */
    public synchronized Map<String, Tensor> call(String op, JsonNode params, JsonNode inputs) {
        if (firstFailure != null) {
            throw new ImplementationFailure("not sent: the implementation already failed in this check");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new ImplementationFailure("not sent: the check was abandoned (it ran out of its time budget)");
        }
        ensureStarted();
        lastOp = op;
        lastParams = params;
        lastInputs = inputs;
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
            throw recorded(new ImplementationFailure("the implementation failed to start " + MAX_FAILED_STARTS
                    + " times in a row; giving up: " + displayName));
        }
        try {
            child = new ChildProcess(command);
        } catch (IOException e) {
            failedStarts++;
            throw recorded(new ImplementationFailure("could not start " + displayName + ": " + e.getMessage(), e));
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

    /** {@code name}: a non-empty string; {@code capabilities}: a list of known capability names. */
    private void handshake(JsonNode response) {
        if (!response.path("ok").asBoolean(false)) {
            throw fail("refused the handshake: " + abbreviate(response.toString()), null);
        }
        JsonNode n = response.get("name");
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw fail(
                    "answered the handshake without a name (a non-empty string): " + abbreviate(response.toString()),
                    null);
        }
        JsonNode caps = response.get("capabilities");
        if (caps == null || !caps.isArray()) {
            throw fail(
                    "answered the handshake without \"capabilities\" as a list of names (one of "
                            + List.of(Capability.values()) + "): " + abbreviate(response.toString()),
                    null);
        }
        Set<Capability> declared = EnumSet.noneOf(Capability.class);
        for (JsonNode c : caps) {
            declared.add(capability(c, response));
        }
        try {
            options = HandshakeOptions.decode(response.get("options"));
        } catch (IllegalArgumentException e) {
            throw fail("answered the handshake with bad options: " + e.getMessage(), null);
        }
        try {
            terms = Terms.decode(response.get("terms"));
        } catch (IllegalArgumentException e) {
            throw fail("answered the handshake with bad terms: " + e.getMessage(), null);
        }
        name = n.asText();
        capabilities = declared;
    }

    private Capability capability(JsonNode c, JsonNode response) {
        if (c.isTextual()) {
            for (Capability known : Capability.values()) {
                if (known.name().equals(c.asText())) {
                    return known;
                }
            }
        }
        throw fail(
                "declared an unknown capability " + abbreviate(c.toString()) + " in the handshake; known: "
                        + List.of(Capability.values()),
                null);
    }

    /** Writes the request and reads its response, both within the timeout; checks the id. */
    private JsonNode exchange(ObjectNode request, String op) {
        long id = nextId++;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        String line;
        try {
            child.send(Json.MAPPER.writeValueAsString(request), timeoutMillis);
            line = child.receive(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (TimeoutException e) {
            throw fail(
                    "did not read the \"" + op + "\" request within " + timeoutMillis + " ms (it stopped reading "
                            + "its input)",
                    null);
        } catch (IOException e) {
            throw fail((e.getMessage() == null ? "closed its input" : e.getMessage()) + " during \"" + op + "\"", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("was interrupted during \"" + op + "\"", e);
        }
        if (line == null) {
            throw fail("did not answer \"" + op + "\" within " + timeoutMillis + " ms", null);
        }
        JsonNode response = parse(line, op);
        if (!response.isObject()
                || !response.has("id")
                || !response.get("id").isIntegralNumber()
                || !response.get("id").canConvertToLong()
                || response.get("id").asLong() != id) {
            throw fail(
                    "answered \"" + op + "\" (id " + id + ") with " + abbreviate(line) + "; expected {\"id\": " + id
                            + ", \"ok\": …}",
                    null);
        }
        if (!response.has("ok") || !response.get("ok").isBoolean()) {
            throw fail(
                    "answered \"" + op + "\" with \"ok\" "
                            + (response.has("ok") ? "= " + response.get("ok") : "missing")
                            + "; it must be true or false: " + abbreviate(line),
                    null);
        }
        return response;
    }

    private JsonNode parse(String line, String op) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node == null) {
                throw fail("wrote an empty line in answer to \"" + op + "\"", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            String hint = line.matches(".*[:\\[,]\\s*-?(NaN|Infinity)\\b.*")
                    ? " (a bare NaN or Infinity is not JSON: write the strings \"NaN\", \"Infinity\", \"-Infinity\")"
                    : "";
            throw fail("wrote a line that is not JSON in answer to \"" + op + "\"" + hint + ": " + abbreviate(line), e);
        }
    }

    private Map<String, Tensor> outputs(JsonNode response, String op) {
        if (!response.get("ok").asBoolean()) {
            throw reportedError(response, op);
        }
        JsonNode outputs = response.get("outputs");
        if (outputs == null || !outputs.isObject()) {
            throw fail(
                    "answered \"" + op + "\" with ok but without an \"outputs\" object: "
                            + abbreviate(response.toString()),
                    null);
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        try {
            for (String field : Json.fieldNames(outputs)) {
                result.put(field, Json.toTensor(outputs.get(field), "outputs." + field));
            }
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw fail("answered \"" + op + "\" with an output that is not a tensor: " + e.getMessage(), e);
        }
        return result;
    }

    /** The spec error the implementation reported; a malformed or unknown one is a protocol error. */
    private RuntimeException reportedError(JsonNode response, String op) {
        JsonNode error = response.get("error");
        JsonNode kind = error == null ? null : error.get("kind");
        JsonNode message = error == null ? null : error.get("message");
        if (kind == null || !kind.isTextual() || (message != null && !message.isTextual())) {
            return fail(
                    "answered \"" + op + "\" with ok false but without {\"error\": {\"kind\": <kind>, "
                            + "\"message\": <text>}}: " + abbreviate(response.toString()),
                    null);
        }
        if (kind.asText().equals(NOT_IMPLEMENTED)) {
            return new CapabilityNotImplementedException(name, op, message == null ? "" : message.asText());
        }
        for (ErrorKind k : ErrorKind.values()) {
            if (k.name().equals(kind.asText())) {
                return k.exception(message == null ? "" : message.asText());
            }
        }
        return fail(
                "answered \"" + op + "\" with the unknown error kind " + abbreviate(kind.toString()) + "; known: "
                        + List.of(ErrorKind.values()) + " and " + NOT_IMPLEMENTED,
                null);
    }

    /** Kills the child and builds the failure, with its stderr tail. */
    private ImplementationFailure fail(String what, Throwable cause) {
        String tail = child == null ? "" : child.stderrTail();
        close();
        return recorded(new ImplementationFailure(
                "the implementation " + what + (tail.isEmpty() ? "" : "\n--- stderr (last lines) ---\n" + tail),
                cause));
    }

    /**
     * A well-formed answer that is still not the protocol's (a missing output, a wrong shape):
     * kills the child like any other protocol error and records the failure.
     *
     * @param what what is wrong with the answer, completing "the implementation …"
     * @return the failure, for the caller to throw
     */
    public synchronized ImplementationFailure nonsense(String what) {
        return fail(what, null);
    }

    private ImplementationFailure recorded(ImplementationFailure failure) {
        if (firstFailure == null) {
            firstFailure = failure;
        }
        return failure;
    }

    private static String abbreviate(String s) {
        return s.length() > ABBREVIATE ? s.substring(0, ABBREVIATE) + "…" : s;
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            ChildProcess c = child;
            child = null;
            c.close();
        }
    }
}
