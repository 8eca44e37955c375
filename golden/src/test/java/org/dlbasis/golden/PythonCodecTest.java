package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python JSON codec (adapters/python/dlbasis_protocol), which the golden generator and the
 * numpy adapter share, passes its own unit tests.
 */
class PythonCodecTest {
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    /** The output goes to a file, so that a run that hangs is stopped at the timeout instead of blocking a read. */
    @Test
    void theSharedPythonCodecPassesItsTests() throws IOException, InterruptedException {
        Path log = dir.resolve("unittest.log");
        Process p = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "tests", "-q")
                .directory(GoldenData.projectRoot().resolve("adapters/python").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(
                finished,
                "python3 -m unittest did not finish within " + TIMEOUT_SECONDS + " s; its output:\n" + output);
        assertEquals(0, p.exitValue(), output);
    }
}
