package org.dlbasis.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;

/**
 * Renders SCOREBOARD.md: the verdicts of several conformance runs, the conventions that can be
 * read off them, and a clause × implementation matrix, like ONNX's backend scoreboard.
 * {@link ScoreboardReader} reads a board back.
 *
 * <p>Everything an implementation contributes (its verdict row, its conventions row, its column
 * of the matrix) depends on its own run only, not on the date, the versions or the other columns,
 * so a test can run some implementations again and compare their rows with a committed board.
 */
public final class ScoreboardWriter {
    /** The conventions that can be read off a run: a title and the clauses that show it. */
    private static final Map<String, List<String>> CONVENTIONS = conventions();

    private ScoreboardWriter() {}

    /**
     * One implementation on the board.
     *
     * @param key its short name, the column's title (such as {@code numpy})
     * @param about what it is, one phrase
     * @param command the command that serves it, shown in code, or null for one in this JVM
     * @param report its conformance report, or null if it was skipped
     * @param skipped why it was skipped (untrusted text is escaped), or null if it ran
     */
    public record Column(String key, String about, String command, ConformanceReport report, String skipped) {}

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

    /**
     * The whole board.
     *
     * @param columns the implementations, in the board's order
     * @param settings the settings every run used (the regeneration command shows them)
     * @param versions the versions line (dlbasis, Java, Python, numpy, torch)
     * @param date the date it was generated
     * @return the Markdown text of SCOREBOARD.md
     */
    public static String markdown(List<Column> columns, Settings settings, String versions, String date) {
        StringBuilder b = new StringBuilder();
        header(b, settings, versions, date);
        verdicts(b, columns);
        conventionTable(b, columns);
        clauses(b, columns);
        return b.toString();
    }

    private static void header(StringBuilder b, Settings settings, String versions, String date) {
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
    }

    private static void verdicts(StringBuilder b, List<Column> columns) {
        b.append("## Verdicts\n\n");
        b.append("| implementation | verdict | PASS | FAIL | ERROR | NOT_IMPLEMENTED | NOT_VERIFIED | declares |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Column c : columns) {
            b.append(verdictRow(c)).append('\n');
        }
        b.append('\n');
        for (Column c : columns) {
            b.append("- **").append(c.key()).append("**: ").append(c.about());
            if (c.command() != null) {
                b.append(", `").append(c.command()).append('`');
            }
            if (c.report() != null) {
                b.append("; it calls itself ")
                        .append(Untrusted.markdownLine(c.report().implementation()));
            }
            b.append('\n');
        }
    }

    private static void conventionTable(StringBuilder b, List<Column> columns) {
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
        for (Column c : columns) {
            b.append(conventionRow(c)).append('\n');
        }
        b.append('\n').append(DOCUMENTED);
    }

    private static void clauses(StringBuilder b, List<Column> columns) {
        b.append("\n## Clauses\n\n");
        b.append("| clause | strength |");
        columns.forEach(c -> b.append(' ').append(c.key()).append(" |"));
        b.append("\n|---|---|").append("---|".repeat(columns.size())).append('\n');
        List<ClauseResult> clauses = columns.stream()
                .filter(c -> c.report() != null)
                .findFirst()
                .map(c -> c.report().clauses())
                .orElse(List.of());
        for (ClauseResult clause : clauses) {
            b.append("| ")
                    .append(clause.id())
                    .append(" | ")
                    .append(clause.strength())
                    .append(" |");
            for (Column c : columns) {
                b.append(' ').append(cell(c, clause.id())).append(" |");
            }
            b.append('\n');
        }
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

    private static String verdictRow(Column c) {
        if (c.report() == null) {
            return "| " + c.key() + " | skipped: " + Untrusted.markdownLine(c.skipped()) + " | | | | | | |";
        }
        ConformanceReport rep = c.report();
        Map<Status, Integer> n = rep.counts();
        return "| " + c.key() + " | " + rep.verdictLine() + " | " + n.get(Status.PASS) + " | "
                + n.get(Status.FAIL) + " | " + n.get(Status.ERROR) + " | " + n.get(Status.NOT_IMPLEMENTED) + " | "
                + n.get(Status.NOT_VERIFIED) + " | " + rep.options().replace("|", "\\|") + " |";
    }

    private static String conventionRow(Column c) {
        StringBuilder b = new StringBuilder("| ").append(c.key()).append(" |");
        for (List<String> ids : CONVENTIONS.values()) {
            b.append(' ')
                    .append(c.report() == null ? "skipped" : convention(c.report(), ids))
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

    private static String cell(Column c, String id) {
        return c.report() == null ? "skipped" : status(c.report(), id).name();
    }
}
