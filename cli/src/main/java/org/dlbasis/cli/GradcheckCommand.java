package org.dlbasis.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dlbasis.properties.gradcheck.CoordinateCost;
import org.dlbasis.properties.gradcheck.GradcheckConfig;
import org.dlbasis.properties.gradcheck.GradcheckModel;
import org.dlbasis.properties.gradcheck.GradcheckReport;
import org.dlbasis.properties.gradcheck.GradcheckReportWriter;
import org.dlbasis.properties.gradcheck.GradcheckRun;
import org.dlbasis.properties.gradcheck.IncrementalCost;
import org.dlbasis.properties.gradcheck.ModelFactory;
import org.dlbasis.properties.json.Operations;
import org.dlbasis.properties.json.Json;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Implementation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./dlbasis gradcheck}: the backward pass against central differences of the same cost. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Compares an implementation's backward pass with central differences of its own cost "
                + "(SPEC BACKPROP-7), per parameter tensor. Exit status 0 if every tensor passes, 1 if one fails, "
                + "2 for a usage error."})
final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ImplementationOptions implementationOptions;

    @Option(names = "--model", defaultValue = "network", description = "network (default) or logistic")
    String model;

    @Option(names = "--sizes", defaultValue = "4-5-1", description = "n[0]-n[1]-n[2] (default ${DEFAULT-VALUE}); "
            + "logistic regression uses n[0] only")
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

    @Option(names = "--scale", defaultValue = "1.0", description = "weights N(0,1)·scale (default ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--mode", defaultValue = "full", description = "full, sample or directional (default full)")
    String mode;

    @Option(names = "--samples", defaultValue = "20",
            description = "coordinates per tensor (sample) or directions (directional); default ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--eps", defaultValue = "1e-5", description = "central-difference step (default ${DEFAULT-VALUE})")
    double eps;

    @Option(names = "--threshold", defaultValue = "1e-7", description = "relative difference (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--plain", description = "for the reference: two full cost evaluations per coordinate instead of "
            + "the incremental path")
    boolean plain;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "reports/gradcheck",
            description = "folder for gradcheck.json, .md, .html (default ${DEFAULT-VALUE})")
    Path report;

    @Override
    public Integer call() throws Exception {
        GradcheckConfig config = config();
        Implementation implementation = implementationOptions.open(spec.commandLine());
        try {
            GradcheckReport r = run(implementation, config);
            Path[] written = GradcheckReportWriter.writeAll(r, report);
            System.out.println(r.implementation() + ": " + r.model() + ", mode " + r.mode() + ", eps " + r.eps());
            System.out.print(GradcheckReportWriter.table(r));
            r.blocks().forEach(b -> b.diagnosis().forEach(d -> System.out.println(b.name() + ": " + d)));
            System.out.printf(Locale.ROOT, "%s in %.2f s; report: %s, %s, %s%n", r.pass() ? "PASS" : "FAIL",
                    r.millis() / 1000.0, written[0], written[1].getFileName(), written[2].getFileName());
            return r.pass() ? 0 : 1;
        } finally {
            if (implementation instanceof AutoCloseable) {
                ((AutoCloseable) implementation).close();
            }
        }
    }

    /** The incremental path for the reference (unless --plain), the plain one for everything else. */
    static GradcheckReport run(Implementation implementation, GradcheckConfig config) {
        GradcheckModel model = ModelFactory.create(implementation, config);
        CoordinateCost costs = config.fast() ? incremental(model, config) : CoordinateCost.plain(model);
        return new GradcheckRun(model, config, costs).run(implementation.name());
    }

    private static CoordinateCost incremental(GradcheckModel model, GradcheckConfig c) {
        var data = ModelFactory.data(c);
        return c.logistic() ? IncrementalCost.logistic(model.parameters(), data.x(), data.y())
                : IncrementalCost.network(model.parameters(), data.x(), data.y(), c.activation());
    }

    private GradcheckConfig config() {
        CommandLine cmd = spec.commandLine();
        String[] parts = sizes.split("-");
        int[] n = new int[3];
        try {
            for (int i = 0; i < 3; i++) {
                n[i] = i < parts.length ? Integer.parseInt(parts[i]) : 1;
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cmd, "--sizes must look like 4-5-1, found " + sizes);
        }
        if (!model.equals("network") && !model.equals("logistic")) {
            throw new CommandLine.ParameterException(cmd, "--model must be network or logistic, found " + model);
        }
        GradcheckConfig.Mode m0;
        try {
            m0 = GradcheckConfig.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--mode must be full, sample or directional, found " + mode);
        }
        boolean fast = implementationOptions.isReference() && !plain && m0 != GradcheckConfig.Mode.DIRECTIONAL;
        try {
            return new GradcheckConfig(model.equals("logistic"), n[0], n[1], n[2], m, activation(), seed, scale, m0,
                    samples, eps, threshold, fast);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }

    private Activation activation() {
        var params = Json.MAPPER.createObjectNode();
        params.put("activation", activation);
        double p = parameter != null ? parameter : activation.equals("leaky_relu") ? 0.1
                : activation.equals("elu") ? 1.0 : 0.0;
        params.put("parameter", p);
        try {
            return Operations.activation(params);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--activation: " + e.getMessage());
        }
    }
}
