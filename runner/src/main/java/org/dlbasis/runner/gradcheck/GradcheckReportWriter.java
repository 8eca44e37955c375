package org.dlbasis.runner.gradcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.wire.Json;

/**
 * Writes a gradient-check report as gradcheck.json, gradcheck.md and a self-contained gradcheck.html.
 *
 * <p>What the implementation supplied (its name, its error) is untrusted: Markdown gets it through
 * {@link Untrusted}, HTML escaped, JSON through Jackson. Non-finite numbers never reach a chart
 * coordinate or a sentence: the chart counts them apart, the tables write "n/a" for a number that
 * was not computed.
 */
public final class GradcheckReportWriter {
    /** The value of the {@code "format"} field of gradcheck.json. */
    public static final String FORMAT = "dlbasis-gradcheck-report/1";

    private GradcheckReportWriter() {}

    /**
     * Writes the three files into {@code dir}. Each is written to a temporary file in the same
     * folder and moved into place, so a symbolic link at a report's path is replaced, never
     * followed (its target is left alone), and a reader never sees half a report.
     *
     * @param r the report
     * @param dir the folder, created if missing
     * @return the paths of gradcheck.json, gradcheck.md and gradcheck.html
     * @throws IOException if a file cannot be written
     */
    public static Path[] writeAll(GradcheckReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Path[] {
            write(dir.resolve("gradcheck.json"), json(r)),
            write(dir.resolve("gradcheck.md"), markdown(r)),
            write(dir.resolve("gradcheck.html"), html(r))
        };
    }

    private static Path write(Path file, String text) throws IOException {
        // a fresh name, created exclusively (CREATE_NEW never follows a link), with the usual permissions
        Path tmp = file.resolveSibling(
                "." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Null if {@code dir} is, or can be made, a folder this process can write into; otherwise what
     * is wrong, e.g. "is a file, not a folder: out.txt". Meant to be asked before a run, so that a
     * run's results are not lost at the end.
     *
     * @param dir the folder the reports will go to
     * @return null if it can be written, otherwise what is wrong
     */
    public static String unwritable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "is a file, not a folder: " + dir;
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".gradcheck-probe", ".tmp"));
            return null;
        } catch (IOException | SecurityException e) {
            return "cannot be written: " + dir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }

    /**
     * The report as gradcheck.json.
     *
     * @param r the report
     * @return the JSON text, with {@link #FORMAT}
     */
    public static String json(GradcheckReport r) {
        return Json.document(FORMAT, r);
    }

    /** A number for a table: NaN (not computed) is "n/a"; ±∞ is written as such. */
    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3e", v);
    }

    /** "PASS", "FAIL", or "FAIL" with why when it is not the norms. */
    private static String verdict(BlockResult b) {
        if (b.pass()) {
            return "PASS";
        }
        return b.judgement().nonFinite() > 0 ? "FAIL (" + b.judgement().nonFinite() + " non-finite)" : "FAIL";
    }

    /**
     * The table printed on the console and in the Markdown report (only the suite's own text).
     *
     * @param r the report
     * @return one line per block: tensor, shape, checked, kink, max|g-g~|, rel.diff, allowed, verdict
     */
    public static String table(GradcheckReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%-10s %-14s %8s %6s %11s %11s %11s  %s%n",
                "tensor",
                "shape",
                "checked",
                "kink",
                "max|g-g~|",
                "rel.diff",
                "allowed",
                "verdict"));
        for (BlockResult b : r.blocks()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-10s %-14s %8d %6d %11s %11s %11s  %s%n",
                    b.name(),
                    b.shape(),
                    b.checked(),
                    b.nearKink(),
                    f(b.judgement().maxAbsDiff()),
                    f(b.relativeDifference()),
                    f(b.judgement().allowed()),
                    verdict(b)));
        }
        return sb.toString();
    }

    /**
     * The report as gradcheck.md.
     *
     * @param r the report
     * @return the Markdown text
     */
    public static String markdown(GradcheckReport r) {
        StringBuilder sb = new StringBuilder("# dlbasis gradient check\n\n");
        sb.append("- implementation: ")
                .append(Untrusted.markdownLine(r.implementation()))
                .append('\n');
        sb.append("- model: ")
                .append(r.setup().model())
                .append(", seed ")
                .append(r.setup().seed())
                .append('\n');
        sb.append("- mode: ")
                .append(r.setup().mode())
                .append(", eps ")
                .append(r.setup().eps())
                .append(", threshold ")
                .append(r.setup().threshold())
                .append(", J = ")
                .append(r.cost())
                .append('\n');
        sb.append("- verdict: **")
                .append(r.pass() ? "PASS" : "FAIL")
                .append("**")
                .append(r.error() != null ? ", the implementation failed (below)" : "")
                .append(" (")
                .append(r.millis())
                .append(" ms)\n\n");
        if (r.error() != null) {
            sb.append("## The implementation failed\n\nThe check stopped here; ")
                    .append(r.blocks().isEmpty() ? "no tensor was judged." : "the tensors above it were judged.")
                    .append(" Its error:\n\n")
                    .append(Untrusted.markdownBlock(r.error()))
                    .append('\n');
        }
        if (!r.blocks().isEmpty()) {
            sb.append("```\n").append(table(r)).append("```\n");
        }
        r.blocks().forEach(b -> block(sb, b));
        return sb.toString();
    }

    private static void block(StringBuilder sb, BlockResult b) {
        sb.append("\n## ")
                .append(b.name())
                .append(' ')
                .append(b.shape())
                .append(" — ")
                .append(verdict(b))
                .append("\n\n");
        if (!b.worst().isEmpty()) {
            sb.append("| index | backward g | central difference g̃ | abs diff |\n|---|---|---|---|\n");
            b.worst()
                    .forEach(e -> sb.append("| ")
                            .append(e.index())
                            .append(" | ")
                            .append(e.analytic())
                            .append(" | ")
                            .append(e.numeric())
                            .append(" | ")
                            .append(f(e.absDiff()))
                            .append(" |\n"));
        }
        b.diagnosis().forEach(d -> sb.append("\n- ").append(d));
        if (!b.epsSweep().isEmpty()) {
            sb.append("\n\neps sweep of the worst finite entry (|g − g̃| against eps): ");
            b.epsSweep()
                    .forEach(p -> sb.append(String.format(
                            Locale.ROOT, "%.0e: %s; ", p[0], Double.isFinite(p[1]) ? f(p[1]) : "not finite")));
            sb.append("\n").append(sweepVerdict(b)).append('\n');
        }
    }

    /**
     * Rounding falls then rises as eps shrinks; a real bug gives an error that does not depend on
     * eps. Only finite points count.
     */
    static String sweepVerdict(BlockResult b) {
        List<Double> finite =
                b.epsSweep().stream().map(p -> p[1]).filter(Double::isFinite).toList();
        if (finite.size() < 2) {
            return "Too few finite points in the sweep to tell rounding from a bug.";
        }
        double min = finite.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = finite.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max < 10 * min
                ? "The error is flat in eps: a real bug, not rounding."
                : "The error changes with eps (truncation at large eps, rounding at small eps): look at the smallest "
                        + "error before judging.";
    }

    /**
     * The report as a self-contained gradcheck.html, with a chart per block.
     *
     * @param r the report
     * @return the HTML text
     */
    public static String html(GradcheckReport r) {
        StringBuilder charts = new StringBuilder();
        for (BlockResult b : r.blocks()) {
            charts.append("<h2>")
                    .append(esc(b.name()))
                    .append(' ')
                    .append(esc(b.shape()))
                    .append(" — ")
                    .append(b.pass() ? "PASS" : "<span class=fail>" + esc(verdict(b)) + "</span>")
                    .append("</h2>\n")
                    .append(chart(b, r.setup().threshold()));
            b.diagnosis()
                    .forEach(d -> charts.append("<p class=fail>").append(esc(d)).append("</p>\n"));
        }
        String error = r.error() == null
                ? ""
                : "<h2 class=fail>The implementation failed</h2>\n<pre>" + esc(r.error()) + "</pre>\n";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dlbasis gradient check</title>"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:70em}.fail{color:#b00020;font-weight:bold}"
                + "pre{background:#f6f6f6;padding:1em}</style></head><body>\n<h1>dlbasis gradient check</h1>\n<p>"
                + esc(r.implementation()) + " — " + esc(r.setup().model()) + ", seed "
                + r.setup().seed() + ", mode "
                + esc(r.setup().mode()) + ", eps " + r.setup().eps() + ", threshold "
                + r.setup().threshold()
                + ". Verdict: <b>" + (r.pass() ? "PASS" : "<span class=fail>FAIL</span>") + "</b>.</p>\n" + error
                + "<pre>" + esc(table(r)) + "</pre>\n<p>Each chart: the relative error |g − g̃| / (|g| + |g̃|) of "
                + "every checked entry, on a log scale from 1e−16 to 1; the red line is the threshold. Non-finite "
                + "entries are not drawn; the chart says how many there are.</p>\n" + charts + "</body></html>\n";
    }

    private static String chart(BlockResult b, double threshold) {
        int w = 800;
        int h = 160;
        StringBuilder svg = new StringBuilder("<svg width=\"" + w + "\" height=\"" + (h + 20)
                + "\" xmlns=\"http://www.w3.org/2000/svg\" style=\"border:1px solid #ccc\">");
        double[] e = b.entryErrors();
        int notDrawn = 0;
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i])) {
                notDrawn++;
                continue;
            }
            double x = e.length == 1 ? w / 2.0 : 10 + (w - 20.0) * i / (e.length - 1);
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"%s\"/>",
                    x,
                    y(e[i], h),
                    e[i] > threshold ? "#b00020" : "#1f5fa8"));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"red\"/>",
                w,
                y(threshold, h),
                y(threshold, h)));
        for (int p = 0; p >= -16; p -= 4) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"2\" y=\"%.1f\" font-size=\"10\">1e%d</text>",
                    y(Math.pow(10, p), h) + 3,
                    p));
        }
        if (notDrawn > 0) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#b00020\" "
                            + "text-anchor=\"end\">%d non-finite %s not drawn</text>",
                    w - 5,
                    h + 15,
                    notDrawn,
                    notDrawn == 1 ? "entry" : "entries"));
        }
        return svg.append("</svg>\n").toString();
    }

    /** log10 scale, 1 at the top, 1e−16 (and 0) at the bottom; only ever given finite values. */
    private static double y(double v, int h) {
        double l = v <= 1e-16 ? -16 : Math.min(0, Math.log10(v));
        return 5 + (h - 5) * (-l / 16.0);
    }

    private static String esc(String s) {
        return String.valueOf(s)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
