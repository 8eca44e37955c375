package org.dlbasis.properties.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The committed golden files equal a fresh regeneration with numpy ({@code generate.py --check}).
 * python3 with numpy is part of this project's required environment (README), so a missing one
 * fails here rather than skipping the check.
 */
class GoldenRegenerationTest {

    @Test
    void committedFilesEqualAFreshRegeneration() throws IOException, InterruptedException {
        Path script = GoldenData.directory().resolve("generate.py");
        Process p = new ProcessBuilder("python3", script.toString(), "--check").redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, done, "generate.py --check did not finish in 120 s");
        assertEquals(0, p.exitValue(), "python3 golden-data/generate.py --check failed:\n" + output);
    }
}
