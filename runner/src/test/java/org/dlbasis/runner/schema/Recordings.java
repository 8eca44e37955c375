package org.dlbasis.runner.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dlbasis.golden.GoldenData;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.runner.protocol.ProtocolImplementation;
import org.dlbasis.runner.protocol.ProtocolServer;
import org.dlbasis.runner.report.ConformanceReport;
import org.dlbasis.runner.report.ConformanceRun;
import org.dlbasis.runner.report.ReportWriter;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.suite.Settings;

/**
 * Real documents to validate, made once per test JVM in a folder of its own under
 * {@code target/schema-validation/} (deleted when the JVM exits unless {@code
 * -Ddlbasis.schema.keep=true}; builds that run at the same time do not share it) and shared by
 * the Java and the Python validation tests:
 *
 * <ul>
 *   <li>two recorded protocol exchanges, each a conformance run through the protocol with a shell
 *       {@code tee} on each side of the program ({@code requests.jsonl}, {@code responses.jsonl}):
 *       the numpy adapter (an implementation in another language), and the reference served by
 *       the runner's own {@code ProtocolServer} (as {@code --impl java:} runs it), which also has
 *       the capabilities numpy lacks; together their clauses and golden cases reach every
 *       operation;
 *   <li>reports written by {@link ReportWriter}: the reference on a few clauses (CONFORMS), the
 *       numpy run above, a broken implementation (FAIL, ERROR, NOT_IMPLEMENTED and NOT_VERIFIED
 *       clauses, DOES_NOT_CONFORM), an implementation that declares nothing (NOTHING_CHECKED) and
 *       a snapshot taken before a run (INCOMPLETE).
 * </ul>
 */
final class Recordings {
    /** Every operation is reached by these clauses' properties and golden cases (ProtocolSchemaTest checks it). */
    static final List<String> TRAFFIC_CLAUSES = List.of(
            "ARR", "BCAST-3", "ACT-5", "ACT-6", "ACT-7", "ACT-11", "LOSS", "LR", "GD-1", "GD-5", "NET-2", "DIM-3",
            "INIT-1", "ERR", "DEEP-1", "DEEP-3", "DEEP-4", "DEEP-11", "DEEP-12");
    /** The reference through the protocol: the capability the numpy adapter does not declare. */
    static final List<String> REFERENCE_TRAFFIC_CLAUSES = List.of("DEEP");

    private static final Path BASE = Path.of("target", "schema-validation").toAbsolutePath();

    final Path directory;

    private static Recordings instance;

    /** One recorded exchange: what the runner wrote, what the program answered, and the run's report. */
    record Exchange(String name, Path requests, Path responses, ConformanceReport report) {}

    final List<Exchange> exchanges = new ArrayList<>();
    final List<Path> reports = new ArrayList<>();

    /** The recordings, made on first use. */
    static synchronized Recordings get() {
        if (instance == null) {
            try {
                instance = new Recordings();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private Recordings() throws IOException {
        directory = Files.createTempDirectory(Files.createDirectories(BASE), "run-");
        if (!Boolean.getBoolean("dlbasis.schema.keep")) { // -Ddlbasis.schema.keep=true keeps them to look at
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    delete(directory);
                } catch (IOException e) {
                    // a temporary folder under target/: mvn clean removes what is left
                }
            }));
        }
        Path adapter = GoldenData.projectRoot()
                .resolve("adapters/numpy/dlbasis_numpy.py")
                .toAbsolutePath();
        record("numpy", "python3 " + quote(adapter), TRAFFIC_CLAUSES, true);
        String java = ProcessHandle.current().info().command().orElse("java");
        record(
                "reference-protocol",
                quote(java) + " -cp " + quote(System.getProperty("java.class.path")) + " "
                        + ProtocolServer.class.getName() + " " + ReferenceImplementation.class.getName(),
                REFERENCE_TRAFFIC_CLAUSES,
                true);
        write(
                "reference",
                run(new ReferenceImplementation(), List.of("BCAST-3", "ACT-6", "LOSS-2", "VEC-4"), 10, true));
        write("broken", run(broken(), List.of("ACT-6", "ARR-4", "LOSS-1", "VEC-4", "ACT-14"), 10, true));
        write("nothing", run(nothing(), List.of("ACT-5", "LR-1"), 10, false));
        write(
                "snapshot",
                new ConformanceRun(
                                new ReferenceImplementation(),
                                new Settings(Settings.DEFAULT_SEED, 10),
                                ConformanceRun.clauses(List.of("ACT")),
                                GoldenData.directory())
                        .snapshot());
    }

    /**
     * Runs {@code program} through the protocol on {@code clauses}, with a tee on each side, and then,
     * if {@code collapse}, one net_collapse.
     */
    private void record(String name, String program, List<String> clauses, boolean collapse) throws IOException {
        Path traffic = Files.createDirectories(directory.resolve(name));
        Path requests = traffic.resolve("requests.jsonl");
        Path responses = traffic.resolve("responses.jsonl");
        // -a: a program that is restarted (after a failure) appends to the same files
        String command = "tee -a " + quote(requests) + " | " + program + " | tee -a " + quote(responses);
        ConformanceReport report;
        try (ProtocolImplementation impl = ProtocolImplementation.command(command, 20_000)) {
            report = run(impl, clauses, 3, true);
            if (collapse) {
                collapse(impl);
            }
        }
        exchanges.add(new Exchange(name, requests, responses, report));
        write(name, report);
    }

    /**
     * One net_collapse (NET-4's operation) sent directly, so that the traffic reaches it whichever
     * property calls it; a program that does not implement it answers NOT_IMPLEMENTED, also valid traffic.
     */
    private static void collapse(ProtocolImplementation impl) {
        impl.beginCheck();
        Tensor w1 = Tensor.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Tensor w2 = Tensor.of(Shape.of(1, 2), 0.5, -1);
        try {
            impl.twoLayerNetwork()
                    .collapse(new NetworkParameters(
                            w1, Tensor.of(Shape.of(2, 1), 1, 2), w2, Tensor.of(Shape.of(1, 1), 3)));
        } catch (CapabilityNotImplementedException e) {
            // answered NOT_IMPLEMENTED: still a request and a response to validate
        }
    }

    private static ConformanceReport run(Implementation impl, List<String> clauses, int examples, boolean golden) {
        return new ConformanceRun(
                        impl,
                        new Settings(Settings.DEFAULT_SEED, examples),
                        ConformanceRun.clauses(clauses),
                        golden ? GoldenData.directory() : null)
                .run((index, total, what, status, millis) -> {});
    }

    private void write(String name, ConformanceReport report) throws IOException {
        Path dir = Files.createDirectories(directory.resolve("reports").resolve(name));
        reports.add(ReportWriter.writeAll(report, dir).get(0));
    }

    /**
     * Arrays and activations of the reference, except that dot throws (ERROR) and ReLU′(0) is 1
     * (ACT-6 FAIL); loss and the models are not declared (NOT_IMPLEMENTED).
     */
    static Implementation broken() {
        Implementation ref = new ReferenceImplementation();
        ArrayOps arrays = (ArrayOps) Proxy.newProxyInstance(
                ArrayOps.class.getClassLoader(), new Class<?>[] {ArrayOps.class}, (proxy, method, args) -> {
                    if (method.getName().equals("dot")) {
                        throw new IllegalStateException("dot is broken on purpose (schema test)");
                    }
                    try {
                        return method.invoke(ref.arrays(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Activations act = ref.activations();
        Activations brokenActivations = new Activations() {
            @Override
            public Tensor apply(Activation g, Tensor z) {
                return act.apply(g, z);
            }

            @Override
            public Tensor derivative(Activation g, Tensor z) {
                Tensor d = act.derivative(g, z);
                return g.kind() == Activation.Kind.RELU ? Tensor.of(z.shape(), mapAtZero(z, d)) : d;
            }

            @Override
            public Tensor maxout(Tensor pieces) {
                return act.maxout(pieces);
            }

            @Override
            public Tensor maxoutDerivative(Tensor pieces) {
                return act.maxoutDerivative(pieces);
            }
        };
        return new Implementation() {
            @Override
            public String name() {
                return "broken on purpose (schema test)";
            }

            @Override
            public Set<Capability> capabilities() {
                return EnumSet.of(Capability.ARRAYS, Capability.ACTIVATIONS);
            }

            @Override
            public ArrayOps arrays() {
                return arrays;
            }

            @Override
            public Activations activations() {
                return brokenActivations;
            }
        };
    }

    /** d with 1 where z is 0: the kink convention z >= 0 that ACT-6 forbids. */
    private static double[] mapAtZero(Tensor z, Tensor d) {
        double[] values = d.toArray();
        for (int i = 0; i < values.length; i++) {
            if (z.flat(i) == 0) {
                values[i] = 1;
            }
        }
        return values;
    }

    /** An implementation that declares no capability. */
    private static Implementation nothing() {
        return new Implementation() {
            @Override
            public String name() {
                return "declares nothing (schema test)";
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }
        };
    }

    private static String quote(Path p) {
        return quote(p.toString());
    }

    /** {@code text} as one word of sh. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
