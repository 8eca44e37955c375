package org.dlbasis.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dlbasis.properties.golden.GoldenData;
import org.dlbasis.properties.report.ConformanceReport;
import org.dlbasis.properties.report.ConformanceRun;
import org.dlbasis.properties.report.ReportWriter;
import org.dlbasis.properties.suite.Settings;
import org.dlbasis.properties.suite.Status;
import org.dlbasis.spec.api.Implementation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./dlbasis conform}: checks an implementation clause by clause and writes the report. */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = {"Checks an implementation against every clause of SPEC.md: the property suite and the golden "
                + "files. Exit status 0 if it conforms, 1 if a MUST or INFORMATIVE clause fails or errs "
                + "(SHOULD failures are warnings), 2 for a usage error."})
final class ConformCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ImplementationOptions implementationOptions;

    @Option(names = "--seed", defaultValue = "" + Settings.DEFAULT_SEED, description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--examples", defaultValue = "" + Settings.DEFAULT_EXAMPLES,
            description = "examples per property (default ${DEFAULT-VALUE}; model properties use a tenth)")
    int examples;

    @Option(names = "--clauses", split = ",", paramLabel = "ID",
            description = "clauses to run: IDs (ACT-6), groups (ACT) or prefixes (BACKPROP-*); default all")
    List<String> clauses;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "reports/conform",
            description = "folder for report.json, report.md, report.html (default ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--no-golden", description = "skip the golden files")
    boolean noGolden;

    @Option(names = "--quiet", description = "no per-check progress lines")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (examples < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--examples must be >= 1, found " + examples);
        }
        PrintStream err = System.err;
        Implementation implementation = implementationOptions.open(spec.commandLine());
        try {
            Path golden = noGolden ? null : GoldenData.directory();
            ConformanceRun run = new ConformanceRun(implementation, new Settings(seed, examples),
                    ConformanceRun.clauses(clauses), golden);
            ConformanceReport r = run.run((i, total, what, status, ms) -> {
                if (!quiet && (status != Status.PASS || !what.contains(".json ") || i % 250 == 0 || i == total)) {
                    err.printf(Locale.ROOT, "[%4d/%d] %-15s %s (%d ms)%n", i, total, status, what, ms);
                }
            });
            Path[] written = ReportWriter.writeAll(r, report);
            System.out.print(ReportWriter.table(r));
            System.out.printf(Locale.ROOT, "%n%s: %s in %.1f s, seed %d%n", r.implementation(),
                    r.conforms() ? "CONFORMS" : "DOES NOT CONFORM", r.millis() / 1000.0, r.seed());
            System.out.println("report: " + written[0] + ", " + written[1].getFileName() + ", "
                    + written[2].getFileName());
            return r.conforms() ? 0 : 1;
        } finally {
            if (implementation instanceof AutoCloseable) {
                ((AutoCloseable) implementation).close();
            }
        }
    }
}
