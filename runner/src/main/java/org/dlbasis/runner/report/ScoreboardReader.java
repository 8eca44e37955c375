package org.dlbasis.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlbasis.tck.suite.Settings;

/**
 * Reads back a board that {@link ScoreboardWriter} wrote: the settings it was made with, and
 * everything it says about one implementation, so that a test can compare a committed board with
 * fresh runs.
 */
public final class ScoreboardReader {
    private static final Pattern SETTINGS = Pattern.compile("\\./dlbasis scoreboard --seed (-?\\d+) --examples (\\d+)");

    private ScoreboardReader() {}

    /**
     * The settings a board was made with, from its regeneration command.
     *
     * @param markdown the board
     * @return its seed and examples per property, with the default time budget
     * @throws IllegalArgumentException if the board has no regeneration command
     */
    public static Settings settingsOf(String markdown) {
        Matcher m = SETTINGS.matcher(markdown);
        if (!m.find()) {
            throw new IllegalArgumentException("no `./dlbasis scoreboard --seed S --examples N` line in the board");
        }
        return new Settings(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Settings.DEFAULT_BUDGET_MILLIS);
    }

    /**
     * Everything the board says about one implementation, one line each: its verdict row, its
     * conventions row (each prefixed by its section), and "Clauses: clause strength status" for
     * every clause of the matrix.
     *
     * @param markdown the board
     * @param key the implementation's column title
     * @return its lines, empty if it is not on the board
     */
    public static List<String> rowsOf(String markdown, String key) {
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

    /** A table row's cells, stripped; an escaped \| stays inside its cell. */
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
