package org.dlbasis.runner.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.error.SpecException;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.wire.Json;
import org.dlbasis.wire.Operation;

/**
 * Serves a Java {@link Implementation} over spec/PROTOCOL.md on stdin/stdout, so that
 * {@code --impl java:<class>} runs in a JVM of its own.
 *
 * <p>Why a child JVM rather than a thread: a thread cannot be stopped when the implementation
 * loops forever, and {@code System.exit}, a StackOverflowError or an OutOfMemoryError would end
 * the runner itself, with no report. Across a process boundary they are what they are for a
 * program in any other language: a timeout or a crash, reported as ERROR with the tail of stderr,
 * and a fresh JVM for the next check. The cost is one JVM start per run (and per crash).
 *
 * <p>The implementation's own {@code System.out} is redirected to stderr, so nothing it prints can
 * corrupt the protocol. A spec error it throws is the protocol's error answer; any other throwable
 * is a crash: its stack trace goes to stderr and the JVM exits with status {@value #CRASH_STATUS}.
 */
public final class ProtocolServer {
    /** Exit status after the implementation threw something that is not a spec error. */
    public static final int CRASH_STATUS = 70;
    /** Exit status when the class cannot be loaded or instantiated. */
    public static final int CANNOT_START_STATUS = 2;

    private static final int CRASH_FRAMES = 12;

    private final Implementation impl;
    private final PrintStream out;

    private ProtocolServer(Implementation impl, PrintStream out) {
        this.impl = impl;
        this.out = out;
    }

    /**
     * {@code java … ProtocolServer <class name>}.
     *
     * @param args one argument: the fully qualified name of the class implementing {@code Implementation}
     * @throws IOException if the protocol's input or output fails
     */
    public static void main(String[] args) throws IOException {
        PrintStream protocolOut =
                new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (args.length != 1) {
            System.err.println("usage: ProtocolServer <class implementing " + Implementation.class.getName() + ">");
            System.exit(CANNOT_START_STATUS);
        }
        new ProtocolServer(load(args[0]), protocolOut)
                .serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        System.exit(0);
    }

    /** The command line that runs {@code className} under this server in a child JVM. */
    static List<String> command(String className, String classpath) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String ours = System.getProperty("java.class.path");
        String cp = classpath == null || classpath.isEmpty() ? ours : classpath + File.pathSeparator + ours;
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx2g",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-cp",
                cp,
                ProtocolServer.class.getName(),
                className));
        return command;
    }

    private static Implementation load(String className) {
        try {
            Class<?> c = Class.forName(className);
            if (!Implementation.class.isAssignableFrom(c)) {
                return cannotStart(className + " does not implement " + Implementation.class.getName());
            }
            return (Implementation) c.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return cannotStart("class " + className + " not found on the classpath");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            System.err.println("cannot instantiate " + className + " with a public no-argument constructor:");
            e.printStackTrace();
            return cannotStart("cannot instantiate " + className);
        }
    }

    private static Implementation cannotStart(String message) {
        System.err.println(message);
        System.exit(CANNOT_START_STATUS);
        return null;
    }

    private void serve(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode request = Json.MAPPER.readTree(line);
            String op = request.path("op").asText();
            if (op.equals("bye")) {
                return;
            }
            ObjectNode response = Json.MAPPER.createObjectNode();
            response.set("id", request.get("id"));
            try {
                answer(op, request, response);
            } catch (SpecException e) {
                error(response, request, e.kind().name(), e.getMessage());
            } catch (CapabilityNotImplementedException e) {
                error(response, request, ProtocolClient.NOT_IMPLEMENTED, e.getMessage());
            } catch (Throwable t) {
                crash(op, t);
            }
            out.println(Json.MAPPER.writeValueAsString(response));
            out.flush();
        }
    }

    private static void error(ObjectNode response, JsonNode request, String kind, String message) {
        response.removeAll();
        response.set("id", request.get("id"));
        response.put("ok", false);
        ObjectNode error = response.putObject("error");
        error.put("kind", kind);
        error.put("message", message);
    }

    /**
     * Reports the throwable on stderr, its own line last (the runner keeps the last lines, and a
     * StackOverflowError's thousand frames would push it out), and ends the JVM.
     */
    private static void crash(String op, Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = Math.min(frames.length, CRASH_FRAMES) - 1; i >= 0; i--) {
            System.err.println("\tat " + frames[i]);
        }
        System.err.println("the implementation threw " + t + " during \"" + op + "\" (innermost frames above)");
        System.err.flush();
        Runtime.getRuntime().halt(CRASH_STATUS);
    }

    private void answer(String op, JsonNode request, ObjectNode response) {
        if (op.equals("hello")) {
            response.put("ok", true);
            response.put("name", impl.name());
            var caps = response.putArray("capabilities");
            impl.capabilities().forEach(c -> caps.add(c.name()));
            ObjectNode options = HandshakeOptions.encode(impl.options());
            if (options != null) {
                response.set("options", options);
            }
            return;
        }
        Map<String, Tensor> outputs = Operation.of(op).invoke(impl, request.path("params"), request.path("inputs"));
        response.put("ok", true);
        ObjectNode o = response.putObject("outputs");
        outputs.forEach((k, v) -> o.set(k, Json.tensor(v)));
    }
}
