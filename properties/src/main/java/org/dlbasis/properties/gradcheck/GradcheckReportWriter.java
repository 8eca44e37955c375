package org.dlbasis.properties.gradcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.dlbasis.properties.json.Json;

/** Writes a gradient-check report as gradcheck.json, gradcheck.md and a self-contained gradcheck.html. */
public final class GradcheckReportWriter {
    public static final String FORMAT = "dlbasis-gradcheck-report/1";

    private GradcheckReportWriter() {
    }

    public static Path[] writeAll(GradcheckReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Path[] {Files.writeString(dir.resolve("gradcheck.json"), json(r)),
            Files.writeString(dir.resolve("gradcheck.md"), markdown(r)),
            Files.writeString(dir.resolve("gradcheck.html"), html(r))};
    }

    public static String json(GradcheckReport r) {
        return Json.document(FORMAT, r);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** The table printed on the console and in the Markdown report. */
    public static String table(GradcheckReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %-14s %8s %6s %11s %11s %11s  %s%n", "tensor", "shape", "checked",
                "kink", "max|g-g~|", "rel.diff", "allowed", "verdict"));
        for (BlockResult b : r.blocks()) {
            sb.append(String.format(Locale.ROOT, "%-10s %-14s %8d %6d %11s %11s %11s  %s%n", b.name(), b.shape(),
                    b.checked(), b.nearKink(), f(b.maxAbsDiff()), f(b.relativeDifference()), f(b.allowed()),
                    b.pass() ? "PASS" : "FAIL"));
        }
        return sb.toString();
    }

    public static String markdown(GradcheckReport r) {
        StringBuilder sb = new StringBuilder("# dlbasis gradient check\n\n");
        sb.append("- implementation: ").append(r.implementation()).append('\n');
        sb.append("- model: ").append(r.model()).append(", seed ").append(r.seed()).append('\n');
        sb.append("- mode: ").append(r.mode()).append(", eps ").append(r.eps()).append(", threshold ")
                .append(r.threshold()).append(", J = ").append(r.cost()).append('\n');
        sb.append("- verdict: **").append(r.pass() ? "PASS" : "FAIL").append("** (").append(r.millis())
                .append(" ms)\n\n```\n").append(table(r)).append("```\n");
        for (BlockResult b : r.blocks()) {
            sb.append("\n## ").append(b.name()).append(' ').append(b.shape()).append(" — ")
                    .append(b.pass() ? "PASS" : "FAIL").append("\n\n");
            if (!b.worst().isEmpty()) {
                sb.append("| index | backward g | central difference g̃ | abs diff |\n|---|---|---|---|\n");
                b.worst().forEach(e -> sb.append("| ").append(e.index()).append(" | ").append(e.analytic())
                        .append(" | ").append(e.numeric()).append(" | ").append(f(e.absDiff())).append(" |\n"));
            }
            b.diagnosis().forEach(d -> sb.append("\n- ").append(d));
            if (!b.epsSweep().isEmpty()) {
                sb.append("\n\neps sweep of the worst entry (|g − g̃| against eps): ");
                b.epsSweep().forEach(p -> sb.append(String.format(Locale.ROOT, "%.0e: %s; ", p[0], f(p[1]))));
                sb.append("\n").append(sweepVerdict(b)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Rounding falls then rises as eps shrinks; a real bug gives an error that does not depend on eps. */
    static String sweepVerdict(BlockResult b) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] p : b.epsSweep()) {
            min = Math.min(min, p[1]);
            max = Math.max(max, p[1]);
        }
        return max < 10 * min ? "The error is flat in eps: a real bug, not rounding."
                : "The error changes with eps (truncation at large eps, rounding at small eps): look at the smallest "
                        + "error before judging.";
    }

    public static String html(GradcheckReport r) {
        StringBuilder charts = new StringBuilder();
        for (BlockResult b : r.blocks()) {
            charts.append("<h2>").append(b.name()).append(' ').append(esc(b.shape())).append(" — ")
                    .append(b.pass() ? "PASS" : "<span class=fail>FAIL</span>").append("</h2>\n")
                    .append(chart(b, r.threshold()));
            b.diagnosis().forEach(d -> charts.append("<p class=fail>").append(esc(d)).append("</p>\n"));
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dlbasis gradient check</title>"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:70em}.fail{color:#b00020;font-weight:bold}"
                + "pre{background:#f6f6f6;padding:1em}</style></head><body>\n<h1>dlbasis gradient check</h1>\n<p>"
                + esc(r.implementation()) + " — " + esc(r.model()) + ", seed " + r.seed() + ", mode " + esc(r.mode())
                + ", eps " + r.eps() + ", threshold " + r.threshold() + ". Verdict: <b>"
                + (r.pass() ? "PASS" : "<span class=fail>FAIL</span>") + "</b>.</p>\n<pre>" + esc(table(r))
                + "</pre>\n<p>Each chart: the relative error |g − g̃| / (|g| + |g̃|) of every checked entry, on a log "
                + "scale from 1e−16 to 1; the red line is the threshold.</p>\n" + charts + "</body></html>\n";
    }

    private static String chart(BlockResult b, double threshold) {
        int w = 800;
        int h = 160;
        StringBuilder svg = new StringBuilder("<svg width=\"" + w + "\" height=\"" + (h + 20)
                + "\" xmlns=\"http://www.w3.org/2000/svg\" style=\"border:1px solid #ccc\">");
        double[] e = b.entryErrors();
        for (int i = 0; i < e.length; i++) {
            double x = e.length == 1 ? w / 2.0 : 10 + (w - 20.0) * i / (e.length - 1);
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"%s\"/>", x,
                    y(e[i], h), e[i] > threshold ? "#b00020" : "#1f5fa8"));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"red\"/>", w,
                y(threshold, h), y(threshold, h)));
        for (int p = 0; p >= -16; p -= 4) {
            svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%.1f\" font-size=\"10\">1e%d</text>",
                    y(Math.pow(10, p), h) + 3, p));
        }
        return svg.append("</svg>\n").toString();
    }

    /** log10 scale, 1 at the top, 1e−16 (and 0) at the bottom. */
    private static double y(double v, int h) {
        double l = v <= 1e-16 ? -16 : Math.min(0, Math.log10(v));
        return 5 + (h - 5) * (-l / 16.0);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
