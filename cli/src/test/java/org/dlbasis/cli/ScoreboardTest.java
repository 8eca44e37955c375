package org.dlbasis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlbasis.golden.GoldenData;
import org.dlbasis.tck.suite.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCOREBOARD.md is what {@code ./dlbasis scoreboard} gives: the reference and numpy are run again
 * with the board's own settings, and their rows (verdict, conventions, every clause of the matrix)
 * must equal the committed ones. The date and the versions are not compared.
 */
class ScoreboardTest {
    private static final Path ROOT = GoldenData.projectRoot();

    @TempDir
    Path dir;

    @Test
    void theCommittedBoardsReferenceAndNumpyRowsAreWhatTheRunsGive() throws IOException {
        String committed = Files.readString(ROOT.resolve("SCOREBOARD.md"), StandardCharsets.UTF_8);
        Settings settings = ScoreboardCommand.settingsOf(committed);
        List<ScoreboardCommand.Row> rows = new ArrayList<>();
        for (ScoreboardCommand.Entry e : ScoreboardCommand.BUNDLED) {
            if (e.key().equals("reference") || e.key().equals("numpy")) {
                rows.add(ScoreboardCommand.run(e, settings, ROOT, 20_000));
            }
        }
        String fresh = ScoreboardCommand.markdown(rows, settings, "(not compared)", "(not compared)");
        for (String key : List.of("reference", "numpy")) {
            List<String> expected = ScoreboardCommand.rowsOf(fresh, key);
            assertTrue(expected.size() > 50, "a fresh " + key + " run gives its rows: " + expected);
            assertEquals(
                    String.join("\n", expected),
                    String.join("\n", ScoreboardCommand.rowsOf(committed, key)),
                    "SCOREBOARD.md's " + key + " rows are not what a run gives; regenerate the board with "
                            + "./dlbasis scoreboard --seed " + settings.seed() + " --examples " + settings.examples());
        }
    }

    @Test
    void theCommandWritesABoardWithTheChosenImplementations() throws IOException {
        Path board = dir.resolve("board.md");
        String[] out = new String[1];
        int status = run(
                out,
                "scoreboard",
                "--only",
                "reference",
                "--examples",
                "1",
                "--seed",
                "7",
                "--output",
                board.toString());
        assertEquals(ExitCode.CONFORMS, status, out[0]);
        String md = Files.readString(board, StandardCharsets.UTF_8);
        assertEquals(new Settings(7, 1, Settings.DEFAULT_BUDGET_MILLIS), ScoreboardCommand.settingsOf(md));
        List<String> rows = ScoreboardCommand.rowsOf(md, "reference");
        assertTrue(rows.get(0).startsWith("Verdicts: | reference | "), rows.get(0));
        assertTrue(rows.get(1).startsWith("Conventions: | reference | "), rows.get(1));
        assertTrue(rows.contains("Clauses: API-1 MUST PASS"), rows.toString());
        assertTrue(ScoreboardCommand.rowsOf(md, "numpy").isEmpty());
    }

    @Test
    void anUnknownImplementationIsAUsageError() {
        String[] out = new String[1];
        assertEquals(
                ExitCode.USAGE,
                run(
                        out,
                        "scoreboard",
                        "--only",
                        "reference,jax",
                        "--output",
                        dir.resolve("b.md").toString()));
        assertTrue(out[0].contains("unknown implementation jax"), out[0]);
        assertFalse(Files.exists(dir.resolve("b.md")));
    }

    @Test
    void rowsOfReadsOneImplementationsRowsAndColumn() {
        String md = """
                ## Verdicts
                | implementation | verdict |
                |---|---|
                | a | conforms |
                | ab | fails |
                ## Clauses
                | clause | strength | ab | a |
                |---|---|---|---|
                | ACT-1 | MUST | FAIL | PASS |
                """;
        assertEquals(
                List.of("Verdicts: | a | conforms |", "Clauses: ACT-1 MUST PASS"), ScoreboardCommand.rowsOf(md, "a"));
    }

    private static int run(String[] output, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        PrintStream both = new PrintStream(o, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            var cli = Dlbasis.commandLine();
            cli.setOut(new PrintWriter(both, true));
            cli.setErr(new PrintWriter(both, true));
            return cli.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            output[0] = o.toString(StandardCharsets.UTF_8);
        }
    }
}
