package org.dlbasis.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.dlbasis.golden.GoldenData;
import org.dlbasis.runner.report.ClauseResult;
import org.dlbasis.runner.report.ConformanceReport;
import org.dlbasis.runner.report.ConformanceRun;
import org.dlbasis.runner.report.JUnitXml;
import org.dlbasis.runner.report.ReportFiles;
import org.dlbasis.runner.report.ReportWriter;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.runner.report.Verdict;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./dlbasis conform}: checks an implementation clause by clause and writes the report.
 *
 * <p>Everything that can be wrong with the command line (the clauses, the report folder, the
 * implementation that cannot start) is found before the run, so a run never ends in a usage
 * error. The report is rewritten as the run goes (marked incomplete), so a run that is
 * interrupted or killed still leaves one.
 */
@Command(
        name = "conform",
        mixinStandardHelpOptions = true,
        description = {
            "Checks an implementation against every clause of SPEC.md: the property suite and the golden "
                    + "files. The verdict says how much was checked: CONFORMS only if at least one clause was checked "
                    + "and no MUST or INFORMATIVE clause failed or erred (SHOULD failures are warnings).",
            "",
            ExitCode.DESCRIPTION
        })
final class ConformCommand implements Callable<Integer> {
    /** How often the report is rewritten during a run. */
    private static final long SNAPSHOT_MILLIS = 2000;

    private static final int REASON_LINES = 6;

    @Spec
    CommandSpec spec;

    @Mixin
    ImplementationOptions implementationOptions;

    @Option(
            names = "--seed",
            defaultValue = "" + Settings.DEFAULT_SEED,
            description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--examples",
            defaultValue = "" + Settings.DEFAULT_EXAMPLES,
            description = "examples per property (default ${DEFAULT-VALUE}; model properties use a tenth)")
    int examples;

    @Option(
            names = "--clauses",
            split = ",",
            paramLabel = "ID",
            description = "clauses to run: IDs (ACT-6), groups (ACT) or prefixes (BACKPROP-*), any case; default all")
    List<String> clauses;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = "reports/conform",
            description = "folder for report.json, report.md, report.html (default ${DEFAULT-VALUE})")
    Path report;

    @Option(
            names = "--junit-xml",
            paramLabel = "FILE",
            description = "also write the verdicts as JUnit XML, one test case per clause, for CI servers")
    Path junitXml;

    @Option(
            names = "--budget",
            paramLabel = "SECONDS",
            defaultValue = "" + Settings.DEFAULT_BUDGET_MILLIS / 1000,
            description = "wall time one property may take before it is an ERROR (default ${DEFAULT-VALUE})")
    long budgetSeconds;

    @Option(names = "--no-golden", description = "skip the golden files")
    boolean noGolden;

    @Option(names = "--quiet", description = "no per-check progress lines")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        Settings settings = settings(cmd);
        Predicate<String> selection = selection(cmd);
        ReportFiles.checkWritable(report);
        if (junitXml != null) {
            ReportFiles.checkWritable(junitXml.toAbsolutePath().getParent());
            if (java.nio.file.Files.isDirectory(junitXml)) {
                throw new CommandLine.ParameterException(cmd, "--junit-xml names a folder, not a file: " + junitXml);
            }
        }
        Path golden = noGolden ? null : GoldenData.directory();
        Implementation implementation = implementationOptions.open(cmd);
        try {
            ConformanceRun run = new ConformanceRun(implementation, settings, selection, golden);
            ConformanceReport r = new LiveReport(run, report, SNAPSHOT_MILLIS).run(this::progress);
            List<Path> written = ReportWriter.writeAll(r, report);
            if (junitXml != null) {
                ReportFiles.write(junitXml, JUnitXml.of(r));
            }
            print(r, written);
            return exitCode(r.verdict());
        } finally {
            if (implementation instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    private Settings settings(CommandLine cmd) {
        if (examples < 1) {
            throw new CommandLine.ParameterException(cmd, "--examples must be >= 1, found " + examples);
        }
        if (budgetSeconds < 1) {
            throw new CommandLine.ParameterException(cmd, "--budget must be >= 1 second, found " + budgetSeconds);
        }
        return new Settings(seed, examples, budgetSeconds * 1000);
    }

    private Predicate<String> selection(CommandLine cmd) {
        try {
            return ConformanceRun.clauses(clauses);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--clauses: " + e.getMessage());
        }
    }

    private void progress(int i, int total, String what, Status status, long ms) {
        if (!quiet && (status != Status.PASS || !what.contains(".json ") || i % 250 == 0 || i == total)) {
            System.err.printf(
                    Locale.ROOT, "[%4d/%d] %-15s %s (%d ms)%n", i, total, status, Untrusted.terminal(what), ms);
        }
    }

    private static void print(ConformanceReport r, List<Path> written) {
        PrintStream out = System.out;
        out.print(ReportWriter.table(r));
        for (ClauseResult c : r.clauses()) {
            if (c.status() == Status.FAIL || c.status() == Status.ERROR) {
                out.println();
                out.println(c.id() + " " + c.status() + ":");
                excerpt(c.reason()).forEach(l -> out.println("    " + Untrusted.terminal(l)));
            }
        }
        out.printf(
                Locale.ROOT,
                "%n%s: %s in %.1f s, seed %d%n",
                Untrusted.terminal(r.implementation()),
                r.verdict().name().replace('_', ' ') + " " + r.extent(),
                r.millis() / 1000.0,
                r.seed());
        out.println("report: " + written.get(0) + ", " + written.get(1).getFileName() + ", "
                + written.get(2).getFileName());
    }

    /** A long reason's first two and last four lines (a crash is explained at the end of stderr). */
    private static List<String> excerpt(String reason) {
        List<String> lines = reason.lines().toList();
        if (lines.size() <= REASON_LINES) {
            return lines;
        }
        List<String> shown = new java.util.ArrayList<>(lines.subList(0, 2));
        shown.add("… (" + (lines.size() - REASON_LINES) + " more lines in the report)");
        shown.addAll(lines.subList(lines.size() - (REASON_LINES - 2), lines.size()));
        return shown;
    }

    static int exitCode(Verdict v) {
        return switch (v) {
            case CONFORMS -> ExitCode.CONFORMS;
            case DOES_NOT_CONFORM -> ExitCode.DOES_NOT_CONFORM;
            case NOTHING_CHECKED -> ExitCode.NOTHING_CHECKED;
            case INCOMPLETE -> ExitCode.INTERRUPTED;
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("dlbasis: closing the implementation failed: " + e);
        }
    }
}
