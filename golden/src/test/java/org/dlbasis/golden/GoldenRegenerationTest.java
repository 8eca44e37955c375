package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dlbasis.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed golden files hold the values a fresh regeneration computes
 * ({@code generate.py --check}, which compares values, not bytes, and ignores the numpy version in
 * the header). python3 with numpy (requirements.txt) is part of this project's required
 * environment (README), so a missing one fails here rather than skipping the check.
 */
class GoldenRegenerationTest {
    @TempDir
    Path dir;

    private record Run(int exit, String output) {}

    private Run check(Path directory) throws IOException, InterruptedException {
        Path script = GoldenData.directory().resolve("generate.py");
        List<String> command = directory == null
                ? List.of("python3", script.toString(), "--check")
                : List.of("python3", script.toString(), "--check", "--dir", directory.toString());
        Path log = Files.createTempFile(dir, "generate", ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(done, "generate.py --check did not finish in 120 s:\n" + output);
        return new Run(p.exitValue(), output);
    }

    /** A copy of the committed golden files in the temp directory. */
    private void copyGoldenFiles() throws IOException {
        for (Path f : GoldenData.files(GoldenData.directory())) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
    }

    @Test
    void committedFilesHoldTheValuesOfAFreshRegeneration() throws IOException, InterruptedException {
        Run r = check(null);
        assertEquals(0, r.exit(), "python3 golden-data/generate.py --check failed:\n" + r.output());
    }

    @Test
    void anotherNumpyVersionInTheHeaderIsNotADifference() throws IOException, InterruptedException {
        copyGoldenFiles();
        for (Path f : GoldenData.files(dir)) {
            String text = Files.readString(f);
            String changed = text.replaceFirst("\"numpy\": \"[^\"]*\"", "\"numpy\": \"0.0.0-elsewhere\"");
            assertTrue(!changed.equals(text), f.toString());
            Files.writeString(f, changed);
        }
        Run r = check(dir);
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void aValueOneUlpOffIsADifferenceNamingTheCaseAndBothNumpyVersions() throws IOException, InterruptedException {
        copyGoldenFiles();
        Path network = dir.resolve("network.json");
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(Files.readString(network));
        ((ObjectNode) doc.get("provenance")).put("numpy", "0.0.0-elsewhere");
        ArrayNode data =
                (ArrayNode) doc.get("cases").get(2).get("expected").get("dw1").get("data");
        double committed = data.get(3).doubleValue();
        data.set(3, Math.nextUp(committed));
        Files.writeString(network, Json.MAPPER.writeValueAsString(doc));
        Run r = check(dir);
        assertEquals(1, r.exit(), r.output());
        assertTrue(
                r.output()
                        .contains("network.json: case \"backward-sigmoid\" (cases[2]) differs at "
                                + "expected.dw1.data[3]: committed "),
                r.output());
        assertTrue(
                r.output().contains("Committed files written with: numpy 0.0.0-elsewhere; regenerated with: numpy "),
                r.output());
        assertTrue(r.output().contains("do not overwrite the committed files"), r.output());
        assertTrue(!r.output().contains("arrays.json"), "only network.json differs:\n" + r.output());
    }

    @Test
    void aChangedErrorTextOrAMissingFileIsADifference() throws IOException, InterruptedException {
        copyGoldenFiles();
        Path arrays = dir.resolve("arrays.json");
        String text = Files.readString(arrays);
        String changed = text.replaceFirst("not aligned", "not  aligned");
        assertTrue(!changed.equals(text));
        Files.writeString(arrays, changed);
        Files.delete(dir.resolve("loss.json"));
        Run r = check(dir);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("arrays.json: case \"dot-(2,3)-(2,3)\""), r.output());
        assertTrue(r.output().contains("error.message"), r.output());
        assertTrue(r.output().contains("loss.json: missing"), r.output());
    }
}
