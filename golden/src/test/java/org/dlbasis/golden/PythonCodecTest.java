package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Python JSON codec (adapters/python/dlbasis_protocol), which the golden generator and the
 * numpy adapter share, passes its own unit tests.
 */
class PythonCodecTest {
    @Test
    void theSharedPythonCodecPassesItsTests() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "tests", "-q")
                .directory(GoldenData.projectRoot().resolve("adapters/python").toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), output);
    }
}
