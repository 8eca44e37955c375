package org.dlbasis.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.dlbasis.golden.GoldenData;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.runner.protocol.CourseCode;
import org.dlbasis.runner.protocol.ProtocolImplementation;
import org.dlbasis.runner.report.ConformanceReport;
import org.dlbasis.runner.report.ConformanceRun;
import org.dlbasis.runner.report.ReportFiles;
import org.dlbasis.runner.report.ScoreboardReader;
import org.dlbasis.runner.report.ScoreboardWriter;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.tck.suite.ImplementationFailure;
import org.dlbasis.tck.suite.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./dlbasis scoreboard}: the whole suite (properties and golden files) on every bundled
 * implementation, written to {@code SCOREBOARD.md}: the verdicts, the conventions that can be read
 * off the runs, and a clause × implementation matrix, like ONNX's backend scoreboard. An
 * implementation whose Python module cannot be imported (torch) is listed as skipped.
 *
 * <p>This class runs the implementations; runner's {@link ScoreboardWriter} renders the board and
 * {@link ScoreboardReader} reads it back. Each implementation's rows depend only on its own run
 * (not on the date, the versions or the other implementations), so a test can run some of them
 * again and compare their rows with the committed board ({@link #rowsOf}).
 */
@Command(
        name = "scoreboard",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the suite on every bundled implementation (reference, numpy, minimal, course, torch "
                    + "where torch is importable) and writes SCOREBOARD.md: verdicts, conventions and a clause × "
                    + "implementation matrix. The verdicts do not change the exit status.",
            "",
            ExitCode.DESCRIPTION
        })
final class ScoreboardCommand implements Callable<Integer> {
    /** Examples per property on the board: small, so that the board and its test are quick. */
    static final int DEFAULT_EXAMPLES = 10;

    /** A bundled implementation: the reference (no script) or a program under adapters/. */
    record Entry(String key, String script, String module, String about) {}

    static final List<Entry> BUNDLED = List.of(
            new Entry("reference", null, null, "the Java reference implementation (reference/)"),
            new Entry(
                    "numpy",
                    "adapters/numpy/dlbasis_numpy.py",
                    "numpy",
                    "numpy, written the way a numpy user writes the note's formulas"),
            new Entry("minimal", "adapters/minimal/minimal.py", null, "the ACTIVATIONS capability in plain Python"),
            new Entry(
                    "course",
                    "adapters/course/course_adapter.py",
                    "numpy",
                    "course-style functions (weeks 2, 3, 4) served with the dlbasis_protocol kit"),
            new Entry(
                    "course-notebook",
                    "adapters/python/tests/course/week2.py "
                            + "adapters/python/tests/course/week3_v1.ipynb adapters/python/tests/course/week4_v1.ipynb",
                    "numpy",
                    "the course solutions of adapters/python/tests/course (weeks 2, 3, 4) as they are, through the "
                            + "course loader: --impl course:<file>"),
            new Entry(
                    "torch",
                    "adapters/torch/torch_adapter.py",
                    "torch",
                    "PyTorch in float64: torch ops, autograd, torch.nn.functional, torch.optim.SGD"));

    /** One column of the board: a report, or why the implementation was skipped. */
    record Row(Entry entry, ConformanceReport report, String skipped) {}

    @Spec
    CommandSpec spec;

    @Option(
            names = "--examples",
            defaultValue = "" + DEFAULT_EXAMPLES,
            description = "examples per property (default ${DEFAULT-VALUE}; model properties use a tenth)")
    int examples;

    @Option(
            names = "--seed",
            defaultValue = "" + Settings.DEFAULT_SEED,
            description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "NAME",
            description = "only these implementations (reference, numpy, minimal, course, course-notebook, torch)")
    List<String> only;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "where to write the board (default SCOREBOARD.md at " + "the repository root)")
    Path output;

    @Option(
            names = "--timeout",
            paramLabel = "MS",
            defaultValue = "20000",
            description = "per-request timeout for the programs, in ms (default ${DEFAULT-VALUE})")
    long timeout;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        if (examples < 1) {
            throw new CommandLine.ParameterException(cmd, "--examples must be >= 1, found " + examples);
        }
        if (timeout <= 0) {
            throw new CommandLine.ParameterException(cmd, "--timeout must be > 0 ms, found " + timeout);
        }
        List<Entry> chosen = chosen(cmd);
        Path root = GoldenData.projectRoot().toAbsolutePath();
        Path target = output != null ? output : root.resolve("SCOREBOARD.md");
        ReportFiles.checkWritable(target.toAbsolutePath().getParent());
        Settings settings = new Settings(seed, examples, Settings.DEFAULT_BUDGET_MILLIS);
        List<Row> rows = new ArrayList<>();
        for (Entry e : chosen) {
            long t = System.nanoTime();
            Row row = run(e, settings, root, timeout);
            rows.add(row);
            System.err.printf(
                    Locale.ROOT,
                    "scoreboard: %-9s %s (%.1f s)%n",
                    e.key(),
                    row.report() == null
                            ? "skipped: " + row.skipped()
                            : row.report().verdictLine(),
                    (System.nanoTime() - t) / 1e9);
        }
        ReportFiles.write(
                target,
                markdown(
                        rows,
                        settings,
                        versions(rows),
                        LocalDate.now(ZoneOffset.UTC).toString()));
        System.out.println("scoreboard: " + target);
        return ExitCode.CONFORMS;
    }

    private List<Entry> chosen(CommandLine cmd) {
        if (only == null || only.isEmpty()) {
            return BUNDLED;
        }
        List<String> keys = BUNDLED.stream().map(Entry::key).toList();
        List<String> unknown =
                only.stream().map(String::strip).filter(k -> !keys.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(
                    cmd,
                    "--only: unknown implementation " + String.join(", ", unknown) + "; the bundled ones are "
                            + String.join(", ", keys));
        }
        return BUNDLED.stream()
                .filter(e -> only.stream().map(String::strip).anyMatch(e.key()::equals))
                .toList();
    }

    /** Runs the suite (properties and golden files, every clause) on one bundled implementation. */
    static Row run(Entry e, Settings settings, Path root, long timeoutMillis) {
        if (e.module() != null && python("import " + e.module()) == null) {
            return new Row(e, null, "`import " + e.module() + "` failed in python3");
        }
        Implementation impl = e.script() == null
                ? new ReferenceImplementation()
                : e.key().equals("course-notebook")
                        ? CourseCode.open(
                                Arrays.stream(e.script().split(" "))
                                        .map(root::resolve)
                                        .toList(),
                                timeoutMillis)
                        : ProtocolImplementation.command(
                                "python3 "
                                        + shellQuoted(root.resolve(e.script()).toString()),
                                timeoutMillis);
        try {
            if (impl instanceof ProtocolImplementation program) {
                try {
                    program.capabilities();
                } catch (ImplementationFailure failure) {
                    return new Row(e, null, "could not start: " + failure.getMessage());
                }
            }
            Predicate<String> all = ConformanceRun.clauses(null);
            ConformanceReport r = new ConformanceRun(impl, settings, all, root.resolve("golden-data"))
                    .run((i, total, what, status, ms) -> {});
            return new Row(e, r, null);
        } finally {
            if (impl instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the run is over; a program that will not close is killed with its group
                }
            }
        }
    }

    private static String shellQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The first line python3 prints for {@code code}, or null if it fails. */
    static String python(String code) {
        try {
            Process p = new ProcessBuilder("python3", "-c", code)
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String versions(List<Row> rows) {
        List<String> v = new ArrayList<>();
        v.add("dlbasis " + VersionProvider.version());
        v.add("Java " + System.getProperty("java.version"));
        String py = python("import sys; print(sys.version.split()[0])");
        v.add("Python " + (py == null ? "(not found)" : py));
        for (String module : List.of("numpy", "torch")) {
            String version = python("import " + module + "; print(" + module + ".__version__)");
            v.add(module + " " + (version == null ? "(not installed)" : version));
        }
        return String.join(", ", v);
    }

    // ------------------------------------------------------------ the board (runner's ScoreboardWriter)

    /** The whole board ({@link ScoreboardWriter#markdown}): a row's lines depend on its own run only. */
    static String markdown(List<Row> rows, Settings settings, String versions, String date) {
        return ScoreboardWriter.markdown(
                rows.stream().map(ScoreboardCommand::column).toList(), settings, versions, date);
    }

    private static ScoreboardWriter.Column column(Row r) {
        Entry e = r.entry();
        String command = e.script() == null ? null : "python3 " + e.script();
        return new ScoreboardWriter.Column(e.key(), e.about(), command, r.report(), r.skipped());
    }

    /** The settings a board was made with ({@link ScoreboardReader#settingsOf}). */
    static Settings settingsOf(String markdown) {
        return ScoreboardReader.settingsOf(markdown);
    }

    /** Everything the board says about one implementation ({@link ScoreboardReader#rowsOf}). */
    static List<String> rowsOf(String markdown, String key) {
        return ScoreboardReader.rowsOf(markdown, key);
    }
}
