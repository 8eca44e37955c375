package org.dlbasis.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dlbasis.tck.suite.Settings;
import org.junit.jupiter.api.Test;

/** A board of skipped implementations, read back: its settings, each one's rows, and their command lines. */
class ScoreboardWriterTest {
    private static final String BOARD = ScoreboardWriter.markdown(
            List.of(
                    new ScoreboardWriter.Column("a", "the first", "python3 a.py", null, "`import a` failed"),
                    new ScoreboardWriter.Column("ab", "the second", null, null, "could not start: x | y")),
            new Settings(7, 3, Settings.DEFAULT_BUDGET_MILLIS),
            "(versions)",
            "(date)");

    @Test
    void theSettingsAreReadBackFromTheRegenerationCommand() {
        assertTrue(BOARD.contains("    ./dlbasis scoreboard --seed 7 --examples 3\n"), BOARD);
        assertEquals(new Settings(7, 3, Settings.DEFAULT_BUDGET_MILLIS), ScoreboardReader.settingsOf(BOARD));
        assertThrows(IllegalArgumentException.class, () -> ScoreboardReader.settingsOf("# Scoreboard\n"));
    }

    @Test
    void aSkippedImplementationHasItsVerdictAndConventionsRowsAndNoClauses() {
        assertEquals(
                List.of(
                        "Verdicts: | a | skipped: \\`import a\\` failed | | | | | | |", // escaped Markdown
                        "Conventions: | a | skipped | skipped | skipped | skipped | skipped | skipped |"),
                ScoreboardReader.rowsOf(BOARD, "a"));
        List<String> ab = ScoreboardReader.rowsOf(BOARD, "ab");
        assertEquals(2, ab.size(), ab.toString());
        assertTrue(ab.get(0).startsWith("Verdicts: | ab | skipped: could not start: x "), ab.get(0));
        assertTrue(ScoreboardReader.rowsOf(BOARD, "b").isEmpty());
    }

    @Test
    void eachImplementationIsDescribedWithTheCommandThatServesIt() {
        assertTrue(BOARD.contains("- **a**: the first, `python3 a.py`\n"), BOARD);
        assertTrue(BOARD.contains("- **ab**: the second\n"), BOARD);
    }
}
