package org.dlbasis.runner.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dlbasis.tck.suite.Status;
import org.dlbasis.wire.Json;

/** Writes a conformance report as JSON (spec/REPORT.md), Markdown and a self-contained HTML page. */
public final class ReportWriter {
    /** The value of the {@code "format"} field of report.json (spec/REPORT.md). */
    public static final String FORMAT = "dlbasis-conformance-report/1";

    private ReportWriter() {}

    /**
     * The three files, in {@code dir}.
     *
     * @param dir the report folder
     * @return the paths of report.json, report.md and report.html
     */
    public static List<Path> files(Path dir) {
        return List.of(dir.resolve("report.json"), dir.resolve("report.md"), dir.resolve("report.html"));
    }

    /**
     * Writes report.json, report.md and report.html into {@code dir}, each replaced atomically
     * (see {@link ReportFiles}); returns the paths written.
     *
     * @param report the report
     * @param dir the report folder, created if missing
     * @return the paths of report.json, report.md and report.html
     * @throws IOException if a file cannot be written
     */
    public static List<Path> writeAll(ConformanceReport report, Path dir) throws IOException {
        List<Path> files = files(dir);
        ReportFiles.write(files.get(0), json(report));
        ReportFiles.write(files.get(1), markdown(report));
        ReportFiles.write(files.get(2), html(report));
        return files;
    }

    /**
     * The report's fields after {@code format}, the verdict and {@code counts} (spec/REPORT.md).
     *
     * @param report the report
     * @return the JSON text of report.json
     */
    public static String json(ConformanceReport report) {
        return Json.document(
                FORMAT, new Summary(report.verdict(), report.conforms(), report.checked(), report.counts(), report));
    }

    /** The JSON document's top level: the verdict and counts first, then the report's own fields. */
    private record Summary(
            Verdict verdict,
            boolean conforms,
            int checked,
            Map<Status, Integer> counts,
            @com.fasterxml.jackson.annotation.JsonUnwrapped ConformanceReport report) {}

    /**
     * One line per clause: the summary table the command line prints too.
     *
     * @param report the report
     * @return the table: clause, strength, status and margin
     */
    public static String table(ConformanceReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT, "%-12s %-11s %-15s %8s  %s%n", "clause", "strength", "status", "margin", "checks"));
        for (ClauseResult c : report.clauses()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-12s %-11s %-15s %8s  %d properties, %d golden%n",
                    c.id(),
                    c.strength(),
                    c.status(),
                    margin(c),
                    c.properties().size(),
                    c.golden().size()));
        }
        return sb.toString();
    }

    private static String margin(ClauseResult c) {
        return c.status() == Status.PASS ? String.format(Locale.ROOT, "%.2e", c.margin()) : "-";
    }

    /**
     * The report as report.md: the run's header, a table of the clauses and the details of those not plainly passed.
     *
     * @param r the report
     * @return the Markdown text
     */
    public static String markdown(ConformanceReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# dlbasis conformance report\n\n");
        sb.append("- implementation: ")
                .append(Untrusted.markdownLine(r.implementation()))
                .append('\n');
        sb.append("- capabilities: ").append(r.capabilities()).append('\n');
        sb.append("- options: ").append(r.options()).append('\n');
        sb.append("- verdict: **")
                .append(r.verdict().words())
                .append("** (")
                .append(r.verdictLine())
                .append(")\n");
        sb.append("- seed ")
                .append(r.seed())
                .append(", ")
                .append(r.examples())
                .append(" examples per property, ")
                .append(r.millis())
                .append(" ms, started ")
                .append(r.started())
                .append("\n\n");
        sb.append("| clause | strength | status | margin | checks | title |\n|---|---|---|---|---|---|\n");
        for (ClauseResult c : r.clauses()) {
            sb.append("| ")
                    .append(c.id())
                    .append(" | ")
                    .append(c.strength())
                    .append(" | ")
                    .append(c.status())
                    .append(" | ")
                    .append(margin(c))
                    .append(" | ")
                    .append(c.properties().size())
                    .append(" + ")
                    .append(c.golden().size())
                    .append(" | ")
                    .append(c.title().replace("|", "\\|"))
                    .append(" |\n");
        }
        sb.append("\n## Details\n");
        for (ClauseResult c : r.clauses()) {
            if (c.status() != Status.PASS || !c.reason().isEmpty()) {
                sb.append("\n### ")
                        .append(c.id())
                        .append(" — ")
                        .append(c.status())
                        .append(c.status() == Status.PASS ? " (partly checked)" : "")
                        .append("\n\n")
                        .append(Untrusted.markdownBlock(c.reason()));
            }
        }
        return sb.toString();
    }

    /**
     * The report as a self-contained report.html.
     *
     * @param r the report
     * @return the HTML text
     */
    public static String html(ConformanceReport r) {
        StringBuilder rows = new StringBuilder();
        for (ClauseResult c : r.clauses()) {
            rows.append("<tr class=\"")
                    .append(c.status().name().toLowerCase(Locale.ROOT))
                    .append("\"><td>")
                    .append(esc(c.id()))
                    .append("</td><td>")
                    .append(c.strength())
                    .append("</td><td>")
                    .append(c.status())
                    .append("</td><td>")
                    .append(margin(c))
                    .append("</td><td>")
                    .append(c.properties().size())
                    .append(" + ")
                    .append(c.golden().size())
                    .append("</td><td>")
                    .append(esc(c.title()));
            if (!c.reason().isEmpty()) {
                rows.append("<details><summary>details</summary><pre>")
                        .append(esc(c.reason()))
                        .append("</pre></details>");
            }
            rows.append("</td></tr>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dlbasis conformance: "
                + esc(r.implementation()) + "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 8px;"
                + "vertical-align:top;text-align:left}tr.pass td:nth-child(3){color:#176b1a}"
                + "tr.fail td:nth-child(3),tr.error td:nth-child(3){color:#b00020;font-weight:bold}"
                + "tr.not_implemented td:nth-child(3),tr.not_verified td:nth-child(3){color:#7a5c00}"
                + "pre{white-space:pre-wrap;font-size:85%}</style></head><body>\n"
                + "<h1>dlbasis conformance report</h1>\n<p>Implementation <b>" + esc(r.implementation())
                + "</b>, capabilities " + esc(r.capabilities().toString()) + ", options: " + esc(r.options())
                + ".</p>\n<p>Verdict: <b>"
                + esc(r.verdict().words()) + "</b> (" + esc(r.verdictLine()) + "). Seed "
                + r.seed() + ", " + r.examples() + " examples per property, " + r.millis() + " ms.</p>\n"
                + "<p>Margin: the worst observed error divided by the clause's tolerance (0 = exact, 1 = at the limit)."
                + " Checks: properties + golden cases.</p>\n<table><tr><th>clause</th><th>strength</th><th>status</th>"
                + "<th>margin</th><th>checks</th><th>title</th></tr>\n" + rows + "</table></body></html>\n";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
