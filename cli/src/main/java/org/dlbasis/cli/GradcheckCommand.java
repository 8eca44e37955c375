package org.dlbasis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.dlbasis.runner.gradcheck.CoordinateCost;
import org.dlbasis.runner.gradcheck.GradcheckConfig;
import org.dlbasis.runner.gradcheck.GradcheckModel;
import org.dlbasis.runner.gradcheck.GradcheckReport;
import org.dlbasis.runner.gradcheck.GradcheckReportWriter;
import org.dlbasis.runner.gradcheck.GradcheckRun;
import org.dlbasis.runner.gradcheck.IncrementalCost;
import org.dlbasis.runner.gradcheck.ModelFactory;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.tck.suite.ImplementationFailure;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import picocli.CommandLine;
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
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Compares an implementation's backward pass with central differences of its own cost "
                + "(SPEC BACKPROP-7), per parameter tensor.", ExitCode.DESCRIPTION})
final class GradcheckCommand implements Callable<Integer> {
    private static final String ACTIVATIONS = Arrays.stream(Activation.Kind.values())
            .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    @Spec
    CommandSpec spec;

    @Mixin
    ImplementationOptions implementationOptions;

    @Option(names = "--model", defaultValue = "network", description = "network (default) or logistic")
    String model;

    @Option(names = "--sizes", description = "n[0]-n[1]-n[2] for the network (default 4-5-1), n[0] for logistic "
            + "regression (default 4); a check holds at most " + GradcheckConfig.MAX_NUMBERS + " numbers: parameters "
            + "+ (n[0] + n[1] + n[2])·m")
    String sizes;

    @Option(names = "--m", defaultValue = "10", description = "samples (default ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--activation", defaultValue = "tanh",
            description = "hidden activation: sigmoid, tanh, relu, leaky_relu, elu, linear (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--parameter", description = "Leaky ReLU slope or ELU alpha (defaults 0.1 and 1)")
    Double parameter;

    @Option(names = "--seed", defaultValue = "1", description = "data and parameters (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--scale", defaultValue = "1.0", description = "weights N(0,1)·scale, finite (default ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--mode", defaultValue = "full", description = "full, sample or directional (default full)")
    String mode;

    @Option(names = "--samples", defaultValue = "20",
            description = "coordinates per tensor (sample) or directions (directional), ≥ 1; default ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--eps", defaultValue = "1e-5",
            description = "central-difference step, from 1e-10 to 1e-2 (default ${DEFAULT-VALUE}, SPEC BACKPROP-7)")
    double eps;

    @Option(names = "--threshold", defaultValue = "1e-7",
            description = "relative difference, above 0 and below 1 (default ${DEFAULT-VALUE}, SPEC GRADCHECK)")
    double threshold;

    @Option(names = "--plain", description = "for the reference: two full cost evaluations per coordinate instead of "
            + "the incremental path")
    boolean plain;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "reports/gradcheck",
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
        Capability needed = config.logistic() ? Capability.LOGISTIC_REGRESSION : Capability.TWO_LAYER_NETWORK;
        try {
            if (implementation.capabilities() == null || !implementation.capabilities().contains(needed)) {
                return oneLine(name(implementation)) + " does not declare the capability " + needed + ", which --model "
                        + (config.logistic() ? "logistic" : "network") + " needs";
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
        return Untrusted.terminal(untrusted).replace("\r", "").replace("\n", " ⏎ ").replace("\t", " ");
    }

    private void print(GradcheckReport r, Path[] written) {
        PrintWriter out = out();
        out.println(oneLine(r.implementation()) + ": " + r.setup().model() + ", mode " + r.setup().mode() + ", eps "
                + r.setup().eps());
        if (!r.blocks().isEmpty()) {
            out.print(GradcheckReportWriter.table(r));
        }
        r.blocks().forEach(b -> b.diagnosis().forEach(d -> out.println(b.name() + ": " + d)));
        if (r.error() != null) {
            out.println("The implementation failed; the check stopped. Its error:");
            Untrusted.terminal(r.error()).lines().forEach(line -> out.println("  | " + line));
        }
        out.printf(Locale.ROOT, "%s in %.2f s; report: %s, %s, %s%n", r.pass() ? "PASS" : "FAIL",
                r.millis() / 1000.0, written[0], written[1].getFileName(), written[2].getFileName());
        out.flush();
    }

    /** The incremental path for the reference (unless --plain), the plain one for everything else. */
    static GradcheckReport run(Implementation implementation, GradcheckConfig config) {
        GradcheckModel model = ModelFactory.create(implementation, config);
        CoordinateCost costs = config.fast() ? incremental(model, config) : CoordinateCost.plain(model);
        return new GradcheckRun(model, config, costs).run(name(implementation));
    }

    private static CoordinateCost incremental(GradcheckModel model, GradcheckConfig c) {
        var data = ModelFactory.data(c);
        return c.logistic() ? IncrementalCost.logistic(model.parameters(), data.x(), data.y())
                : IncrementalCost.network(model.parameters(), data.x(), data.y(), c.activation());
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
        boolean logistic = switch (model) {
            case "network" -> false;
            case "logistic" -> true;
            default -> throw usage("--model must be network or logistic, found \"" + model + "\"");
        };
        double[] n = sizes(logistic);
        Activation g = activation();
        GradcheckConfig.Mode m0 = mode();
        boolean fast = implementationOptions.isReference() && !plain && m0 != GradcheckConfig.Mode.DIRECTIONAL;
        try {
            GradcheckConfig.checkSizes(logistic, n[0], n[1], n[2], m);
            return new GradcheckConfig(logistic, (int) n[0], (int) n[1], (int) n[2], m, g, seed, scale, m0, samples,
                    eps, threshold, fast);
        } catch (GradcheckConfig.Invalid e) {
            throw usage("--" + e.getMessage());
        }
    }

    /**
     * n[0], n[1], n[2] as doubles (so that sizes beyond an int reach the size limit's message):
     * exactly three parts for the network, one for logistic regression (n[1] = n[2] = 1).
     */
    private double[] sizes(boolean logistic) {
        String given = sizes != null ? sizes : logistic ? "4" : "4-5-1";
        String[] parts = given.strip().split("-", -1);
        boolean wellFormed = parts.length == (logistic ? 1 : 3)
                && Arrays.stream(parts).allMatch(p -> p.matches("[0-9]+") && Double.parseDouble(p) >= 1);
        if (!wellFormed) {
            throw usage(logistic
                    ? "--sizes for logistic regression must be one whole number n[0] ≥ 1, such as 20; found \"" + given
                            + "\""
                    : "--sizes for the network must be three whole numbers n[0]-n[1]-n[2], each ≥ 1, such as 4-5-1; "
                            + "found \"" + given + "\"");
        }
        return logistic ? new double[] {Double.parseDouble(parts[0]), 1, 1}
                : Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
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
        Activation.Kind kind = Arrays.stream(Activation.Kind.values())
                .filter(k -> k.name().equalsIgnoreCase(activation)).findFirst()
                .orElseThrow(() -> usage("--activation must be one of " + ACTIVATIONS + "; found \"" + activation
                        + "\""));
        boolean takesParameter = kind == Activation.Kind.LEAKY_RELU || kind == Activation.Kind.ELU;
        if (parameter != null && !takesParameter) {
            throw usage("--parameter applies to leaky_relu (slope) and elu (alpha) only, not to "
                    + kind.name().toLowerCase(Locale.ROOT));
        }
        double p = parameter != null ? parameter : kind == Activation.Kind.LEAKY_RELU ? Activation.DEFAULT_LEAKY_SLOPE
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
