package org.dlbasis.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlbasis.golden.GoldenData;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.runner.protocol.CourseCode;
import org.dlbasis.runner.protocol.ProtocolImplementation;
import org.dlbasis.runner.report.ClauseResult;
import org.dlbasis.runner.report.ConformanceReport;
import org.dlbasis.runner.report.ConformanceRun;
import org.dlbasis.runner.report.ReportFiles;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.tck.suite.ImplementationFailure;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;
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
 * <p>Each implementation's rows depend only on its own run (not on the date, the versions or the
 * other implementations), so a test can run some of them again and compare their rows with the
 * committed board ({@link #rowsOf}).
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

    /** The conventions that can be read off a run: a title and the clauses that show it. */
    private static final Map<String, List<String>> CONVENTIONS = conventions();

    private static Map<String, List<String>> conventions() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("kinks: ReLU′(0), Leaky ReLU′(0), ELU′(0)", List.of("ACT-6", "ACT-8", "ACT-10"));
        m.put("NaN through activations and derivatives", List.of("ACT-13"));
        m.put("cost normalisation: Σ/m", List.of("LOSS-5", "NET-2", "DEEP-3"));
        m.put("log 0 (no clamping)", List.of("LOSS-1", "LOSS-2"));
        m.put("saturated outputs", List.of("BACKPROP-8", "DEEP-7"));
        m.put("error texts (numpy's)", List.of("ERR-1", "BCAST-3"));
        return m;
    }

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

    // ------------------------------------------------------------ the board

    /** The whole board. Everything an implementation contributes depends on its own run only. */
    static String markdown(List<Row> rows, Settings settings, String versions, String date) {
        StringBuilder b = new StringBuilder();
        b.append("# Scoreboard\n\n");
        b.append("Every bundled implementation against every clause of [SPEC.md](spec/SPEC.md), properties and golden ")
                .append("files, like ONNX's backend scoreboard. Regenerate it with one command:\n\n");
        b.append("    ./dlbasis scoreboard --seed ")
                .append(settings.seed())
                .append(" --examples ")
                .append(settings.examples())
                .append("\n\n");
        b.append("(")
                .append(settings.examples())
                .append(" examples per property, model properties a tenth of that: ")
                .append("a quick board; `./dlbasis conform --impl …` with the default 100 checks more.) ")
                .append("`mvn -B verify` runs the reference and numpy again with these settings and checks that their ")
                .append("rows below are what the runs give (`cli/src/test/java/org/dlbasis/cli/ScoreboardTest.java`). ")
                .append("torch appears only where `import torch` works; it is never needed by the build.\n\n");
        b.append("- generated: ").append(date).append('\n');
        b.append("- versions: ").append(versions).append('\n');
        b.append("- statuses: PASS, FAIL (a counterexample), ERROR (a crash or a nonsense answer), NOT_IMPLEMENTED ")
                .append("(not declared, or outside the declared options), NOT_VERIFIED (pending in SPEC.md); a ")
                .append("clause is the worst of its checks ([REPORT.md](spec/REPORT.md))\n\n");

        b.append("## Verdicts\n\n");
        b.append("| implementation | verdict | PASS | FAIL | ERROR | NOT_IMPLEMENTED | NOT_VERIFIED | declares |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(verdictRow(r)).append('\n');
        }
        b.append('\n');
        for (Row r : rows) {
            b.append("- **")
                    .append(r.entry().key())
                    .append("**: ")
                    .append(r.entry().about());
            if (r.entry().script() != null) {
                b.append(", `python3 ").append(r.entry().script()).append('`');
            }
            if (r.report() != null) {
                b.append("; it calls itself ")
                        .append(Untrusted.markdownLine(r.report().implementation()));
            }
            b.append('\n');
        }

        b.append("\n## Conventions\n\n");
        b.append("Read off the runs: a convention column is *spec* when every clause that shows it passed, names the ")
                .append("clauses that failed otherwise, and is *not checked* when none of them was. A failing clause ")
                .append(
                        "may fail for another reason than the column's (its reason in `./dlbasis conform` says which); ")
                .append("the adapters' own documentation says what lies behind each difference (below the table).\n\n");
        b.append("| implementation |");
        CONVENTIONS.forEach((title, ids) -> b.append(' ')
                .append(title)
                .append(" (")
                .append(String.join(", ", ids))
                .append(") |"));
        b.append("\n|---|").append("---|".repeat(CONVENTIONS.size())).append('\n');
        for (Row r : rows) {
            b.append(conventionRow(r)).append('\n');
        }
        b.append('\n').append(DOCUMENTED);

        b.append("\n## Clauses\n\n");
        b.append("| clause | strength |");
        rows.forEach(r -> b.append(' ').append(r.entry().key()).append(" |"));
        b.append("\n|---|---|").append("---|".repeat(rows.size())).append('\n');
        List<ClauseResult> clauses = rows.stream()
                .filter(r -> r.report() != null)
                .findFirst()
                .map(r -> r.report().clauses())
                .orElse(List.of());
        for (ClauseResult c : clauses) {
            b.append("| ").append(c.id()).append(" | ").append(c.strength()).append(" |");
            for (Row r : rows) {
                b.append(' ').append(cell(r, c.id())).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static final String DOCUMENTED = """
            What the adapters document about their conventions:

            - **reference**, **numpy**: the spec's conventions; numpy keeps the note's derivative formulas \
            σ(1−σ) and 1−tanh², which lose relative precision in the tails (ACT-14, a SHOULD: a warning).
            - **course**: the course's function shapes and formulas, with the two changes saturation needs: \
            the cost from the logits (`np.logaddexp`) where the course takes `np.log` of the probabilities \
            (NaN, 0·log 0, once σ rounds to 0 or 1) and dZ[L] = A[L] − Y where week 4 divides by A[L] and \
            1 − A[L] (each put back by `DLBASIS_COURSE_BREAK=cost` or `=saturation`: LR-2, BACKPROP-8 and \
            DEEP-7 FAIL with a diagnosis); one hard-coded hidden activation per network (week 3: tanh, week 4: \
            ReLU), initialisation at scale 0.01 with the course's fixed seeds, one output unit, no input \
            validation.
            - **torch**: costs are `reduction="mean"`, the mean over all n[L]·m outputs, where the spec divides \
            the sum by m (a factor n[L] for several output units); `binary_cross_entropy` clamps log at −100, so \
            L(ŷ=0, y=1) = 100; autograd's ELU′(0) = α and its masks give finite derivatives at NaN; its tanh′ is 1 − tanh², 0 in \
            the tails (ACT-14); SGD's step is one fused multiply-add (accepted by GD-1); no input validation the \
            spec's way. Every one of its failing checks carries a diagnosis naming one of these conventions.
            - **minimal**: plain Python, the spec's conventions for what it implements.
            """;

    private static String verdictRow(Row r) {
        if (r.report() == null) {
            return "| " + r.entry().key() + " | skipped: " + Untrusted.markdownLine(r.skipped()) + " | | | | | | |";
        }
        ConformanceReport rep = r.report();
        Map<Status, Integer> n = rep.counts();
        return "| " + r.entry().key() + " | " + rep.verdictLine() + " | " + n.get(Status.PASS) + " | "
                + n.get(Status.FAIL) + " | " + n.get(Status.ERROR) + " | " + n.get(Status.NOT_IMPLEMENTED) + " | "
                + n.get(Status.NOT_VERIFIED) + " | " + rep.options().replace("|", "\\|") + " |";
    }

    private static String conventionRow(Row r) {
        StringBuilder b = new StringBuilder("| ").append(r.entry().key()).append(" |");
        for (List<String> ids : CONVENTIONS.values()) {
            b.append(' ')
                    .append(r.report() == null ? "skipped" : convention(r.report(), ids))
                    .append(" |");
        }
        return b.toString();
    }

    /** spec / differs: the failing clauses / not checked, from the statuses of the clauses that show it. */
    static String convention(ConformanceReport report, List<String> ids) {
        List<String> failed = new ArrayList<>();
        boolean checked = false;
        for (String id : ids) {
            Status s = status(report, id);
            if (s == Status.FAIL || s == Status.ERROR) {
                failed.add(id + " " + s);
            }
            checked |= s == Status.PASS || s == Status.FAIL || s == Status.ERROR;
        }
        if (!failed.isEmpty()) {
            return "differs: " + String.join(", ", failed);
        }
        return checked ? "spec" : "not checked";
    }

    private static Status status(ConformanceReport report, String id) {
        return report.clauses().stream()
                .filter(c -> c.id().equals(id))
                .map(ClauseResult::status)
                .findFirst()
                .orElse(Status.NOT_VERIFIED);
    }

    private static String cell(Row r, String id) {
        return r.report() == null ? "skipped" : status(r.report(), id).name();
    }

    // ------------------------------------------------------------ reading a board back

    private static final Pattern SETTINGS = Pattern.compile("\\./dlbasis scoreboard --seed (-?\\d+) --examples (\\d+)");

    /** The settings a board was made with, from its regeneration command. */
    static Settings settingsOf(String markdown) {
        Matcher m = SETTINGS.matcher(markdown);
        if (!m.find()) {
            throw new IllegalArgumentException("no `./dlbasis scoreboard --seed S --examples N` line in the board");
        }
        return new Settings(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Settings.DEFAULT_BUDGET_MILLIS);
    }

    /**
     * Everything the board says about one implementation, one line each: its verdict row, its
     * conventions row, and "clause: status" for every clause of the matrix. Empty if it is not on
     * the board.
     */
    static List<String> rowsOf(String markdown, String key) {
        List<String> out = new ArrayList<>();
        String section = "";
        int column = -1;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                column = -1;
                continue;
            }
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = cells(line);
            if (section.equals("Clauses")) {
                if (cells.get(0).equals("clause")) {
                    column = cells.indexOf(key);
                } else if (column >= 0) {
                    out.add("Clauses: " + cells.get(0) + " " + cells.get(1) + " " + cells.get(column));
                }
            } else if (cells.get(0).equals(key)) {
                out.add(section + ": " + line);
            }
        }
        return out;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }
}
