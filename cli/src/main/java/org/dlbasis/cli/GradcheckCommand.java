package org.dlbasis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dlbasis.runner.gradcheck.CoordinateCost;
import org.dlbasis.runner.gradcheck.GradcheckConfig;
import org.dlbasis.runner.gradcheck.GradcheckModel;
import org.dlbasis.runner.gradcheck.GradcheckReport;
import org.dlbasis.runner.gradcheck.GradcheckReportWriter;
import org.dlbasis.runner.gradcheck.GradcheckRun;
import org.dlbasis.runner.gradcheck.IncrementalCost;
import org.dlbasis.runner.gradcheck.ModelFactory;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.tck.suite.ImplementationFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./dlbasis gradcheck}: the backward pass against central differences of the same cost.
 *
 * <p>Every option is checked before anything is allocated or started, each with its own message
 * (exit 2). An implementation that fails during the check gets a report carrying its error
 * (exit 1). Whatever the implementation supplied (its name, its error) is printed escaped, so it
 * cannot forge a line of the output or send the terminal an escape sequence.
 */
@Command(
        name = "gradcheck",
        mixinStandardHelpOptions = true,
        description = {
            "Compares an implementation's backward pass with central differences of its own cost "
                    + "(SPEC BACKPROP-7), per parameter tensor.",
            ExitCode.DESCRIPTION
        })
final class GradcheckCommand implements Callable<Integer> {
    private static final String ACTIVATIONS = String.join(", ", Activation.Kind.wireNames());

    @Spec
    CommandSpec spec;

    @Mixin
    ImplementationOptions implementationOptions;

    @Option(names = "--model", defaultValue = "network", description = "network (default), logistic or deep")
    String model;

    @Option(
            names = "--sizes",
            description = "n[0]-n[1]-n[2] for the network (default 4-5-1), n[0] for logistic "
                    + "regression (default 4), n[0]-n[1]-…-n[L] for the deep network (default 5-4-3-1); a check holds at most "
                    + GradcheckConfig.MAX_NUMBERS + " numbers: parameters + (n[0] + … + n[L])·m")
    String sizes;

    @Option(names = "--m", defaultValue = "10", description = "samples (default ${DEFAULT-VALUE})")
    int m;

    @Option(
            names = "--activation",
            defaultValue = "tanh",
            description = "hidden activation: sigmoid, tanh, relu, leaky_relu, elu, linear (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--parameter", description = "Leaky ReLU slope or ELU alpha (defaults 0.1 and 1)")
    Double parameter;

    @Option(names = "--seed", defaultValue = "1", description = "data and parameters (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--scale",
            defaultValue = "1.0",
            description = "weights N(0,1)·scale, finite (default ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--mode", defaultValue = "full", description = "full, sample or directional (default full)")
    String mode;

    @Option(
            names = "--samples",
            defaultValue = "20",
            description = "coordinates per tensor (sample) or directions (directional), ≥ 1; default ${DEFAULT-VALUE}")
    int samples;

    @Option(
            names = "--eps",
            defaultValue = "1e-5",
            description = "central-difference step, from 1e-10 to 1e-2 (default ${DEFAULT-VALUE}, SPEC BACKPROP-7)")
    double eps;

    @Option(
            names = "--threshold",
            defaultValue = "1e-7",
            description = "relative difference, above 0 and below 1 (default ${DEFAULT-VALUE}, SPEC GRADCHECK)")
    double threshold;

    @Option(
            names = "--plain",
            description =
                    "for the reference: two full cost evaluations per coordinate instead of " + "the incremental path")
    boolean plain;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = "reports/gradcheck",
            description = "folder for gradcheck.json, .md, .html (default ${DEFAULT-VALUE})")
    Path report;

    @Override
    public Integer call() {
        GradcheckConfig config = config();
        checkReportFolder();
        Implementation implementation = implementationOptions.open(spec.commandLine());
        try {
            String unusable = unusable(implementation, config);
            if (unusable != null) {
                err().println("dlbasis gradcheck: " + unusable);
                err().flush();
                return ExitCode.USAGE;
            }
            GradcheckReport r = run(implementation, config);
            Path[] written;
            try {
                written = GradcheckReportWriter.writeAll(r, report);
            } catch (IOException e) {
                err().println("dlbasis gradcheck: cannot write the report to " + report + ": " + e);
                err().flush();
                return ExitCode.USAGE;
            }
            print(r, written);
            return r.pass() ? ExitCode.CONFORMS : ExitCode.DOES_NOT_CONFORM;
        } finally {
            if (implementation instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Null if the check can start; otherwise one line: the implementation does not declare the
     * capability the model needs, or it did not answer its handshake.
     */
    private static String unusable(Implementation implementation, GradcheckConfig config) {
        Capability needed = switch (config.model()) {
            case LOGISTIC -> Capability.LOGISTIC_REGRESSION;
            case NETWORK -> Capability.TWO_LAYER_NETWORK;
            case DEEP -> Capability.DEEP_NETWORK;
        };
        try {
            if (implementation.capabilities() == null
                    || !implementation.capabilities().contains(needed)) {
                return oneLine(name(implementation)) + " does not declare the capability " + needed + ", which --model "
                        + config.model().optionName() + " needs";
            }
            return null;
        } catch (ImplementationFailure e) {
            return "could not start the implementation: " + oneLine(e.getMessage());
        }
    }

    /** The name the implementation gives, or a stand-in if it gives none (never trusted: escape it to show it). */
    private static String name(Implementation implementation) {
        try {
            String name = implementation.name();
            return name == null || name.isBlank() ? "the implementation (no name)" : name;
        } catch (RuntimeException e) {
            return "the implementation (name() failed: " + e + ")";
        }
    }

    /** Implementation-supplied text on one terminal line: escapes shown, line breaks as ⏎. */
    private static String oneLine(String untrusted) {
        return Untrusted.terminal(untrusted)
                .replace("\r", "")
                .replace("\n", " ⏎ ")
                .replace("\t", " ");
    }

    private void print(GradcheckReport r, Path[] written) {
        PrintWriter out = out();
        out.println(oneLine(r.implementation()) + ": " + r.setup().model() + ", mode "
                + r.setup().mode() + ", eps " + r.setup().eps());
        if (!r.blocks().isEmpty()) {
            out.print(GradcheckReportWriter.table(r));
        }
        r.blocks().forEach(b -> b.diagnosis().forEach(d -> out.println(b.name() + ": " + d)));
        if (r.error() != null) {
            out.println("The implementation failed; the check stopped. Its error:");
            Untrusted.terminal(r.error()).lines().forEach(line -> out.println("  | " + line));
        }
        out.printf(
                Locale.ROOT,
                "%s in %.2f s; report: %s, %s, %s%n",
                r.pass() ? "PASS" : "FAIL",
                r.millis() / 1000.0,
                written[0],
                written[1].getFileName(),
                written[2].getFileName());
        out.flush();
    }

    /** The incremental path for the reference (unless --plain), the plain one for everything else. */
    static GradcheckReport run(Implementation implementation, GradcheckConfig config) {
        GradcheckModel model = ModelFactory.create(implementation, config);
        CoordinateCost costs = config.fast() ? incremental(model, config) : CoordinateCost.plain(model);
        return new GradcheckRun(model, config, costs).run(name(implementation));
    }

    private static CoordinateCost incremental(GradcheckModel model, GradcheckConfig c) {
        ModelFactory.Data data = ModelFactory.data(c);
        return IncrementalCost.of(model.parameters(), data.x(), data.y(), c.activation());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the report is written; a failure to stop the implementation changes nothing in it
        }
    }

    // ------------------------------------------------------------ options

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Every option checked, each with its own message, before anything is allocated. */
    private GradcheckConfig config() {
        GradcheckConfig.Model kind = Arrays.stream(GradcheckConfig.Model.values())
                .filter(k -> k.optionName().equals(model))
                .findFirst()
                .orElseThrow(() -> usage("--model must be network, logistic or deep, found \"" + model + "\""));
        double[] n = sizes(kind);
        Activation g = activation();
        GradcheckConfig.Mode m0 = mode();
        boolean fast = implementationOptions.isReference() && !plain && m0 != GradcheckConfig.Mode.DIRECTIONAL;
        try {
            GradcheckConfig.checkSizes(kind, n, m);
            return GradcheckConfig.of(
                            kind, Arrays.stream(n).mapToInt(v -> (int) v).toArray(), m, g)
                    .withSeed(seed, scale)
                    .withMode(m0, samples)
                    .withTolerance(eps, threshold)
                    .withFast(fast);
        } catch (GradcheckConfig.Invalid e) {
            throw usage("--" + e.getMessage());
        }
    }

    /**
     * The layer sizes as doubles (so that sizes beyond an int reach the size limit's message):
     * exactly three parts for the network, one for logistic regression (n[0], then n[1] = 1), two
     * or more for the deep network.
     */
    private double[] sizes(GradcheckConfig.Model kind) {
        String given = sizes != null
                ? sizes
                : switch (kind) {
                    case LOGISTIC -> "4";
                    case NETWORK -> "4-5-1";
                    case DEEP -> "5-4-3-1";
                };
        String[] parts = given.strip().split("-", -1);
        boolean counted = switch (kind) {
            case LOGISTIC -> parts.length == 1;
            case NETWORK -> parts.length == 3;
            case DEEP -> parts.length >= 2;
        };
        if (!counted || !Arrays.stream(parts).allMatch(p -> p.matches("[0-9]+") && Double.parseDouble(p) >= 1)) {
            throw usage(
                    switch (kind) {
                        case LOGISTIC ->
                            "--sizes for logistic regression must be one whole number n[0] ≥ 1, such as 20; found \""
                                    + given + "\"";
                        case NETWORK ->
                            "--sizes for the network must be three whole numbers n[0]-n[1]-n[2], each ≥ 1, such as "
                                    + "4-5-1; found \"" + given + "\"";
                        case DEEP ->
                            "--sizes for the deep network must be two or more whole numbers n[0]-n[1]-…-n[L], each ≥ 1, "
                                    + "such as 5-4-3-1; found \"" + given + "\"";
                    });
        }
        double[] n = Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
        return kind == GradcheckConfig.Model.LOGISTIC ? new double[] {n[0], 1} : n;
    }

    private GradcheckConfig.Mode mode() {
        for (GradcheckConfig.Mode candidate : GradcheckConfig.Mode.values()) {
            if (candidate.name().equalsIgnoreCase(mode)) {
                return candidate;
            }
        }
        throw usage("--mode must be full, sample or directional, found \"" + mode + "\"");
    }

    /** An enum lookup: the kind by its protocol name, then its parameter (defaults 0.1 for Leaky ReLU, 1 for ELU). */
    private Activation activation() {
        Activation.Kind kind = Activation.Kind.fromWireName(activation.toLowerCase(Locale.ROOT))
                .orElseThrow(
                        () -> usage("--activation must be one of " + ACTIVATIONS + "; found \"" + activation + "\""));
        boolean takesParameter = kind == Activation.Kind.LEAKY_RELU || kind == Activation.Kind.ELU;
        if (parameter != null && !takesParameter) {
            throw usage("--parameter applies to leaky_relu (slope) and elu (alpha) only, not to " + kind.wireName());
        }
        double p = parameter != null
                ? parameter
                : kind == Activation.Kind.LEAKY_RELU
                        ? Activation.DEFAULT_LEAKY_SLOPE
                        : kind == Activation.Kind.ELU ? Activation.DEFAULT_ELU_ALPHA : 0;
        try {
            return new Activation(kind, p);
        } catch (IllegalArgumentException e) {
            throw usage("--parameter: " + e.getMessage());
        }
    }

    /** --report must be a folder that can be written, checked before the run rather than after it. */
    private void checkReportFolder() {
        String problem = GradcheckReportWriter.unwritable(report);
        if (problem != null) {
            throw usage("--report " + problem);
        }
    }
}
