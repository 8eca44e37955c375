package org.dlbasis.runner.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dlbasis.golden.GoldenData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/schema/validate.py (Python's jsonschema) on the same documents as the Java tests: every
 * golden file, the recorded protocol exchange and the reports of {@link Recordings}, and a few
 * invalid documents it must reject naming where. Skipped, with the reason, only where
 * {@code python3 -c "import jsonschema"} fails: jsonschema is not among the packages the build
 * requires (requirements.txt), and the Java tests validate the same documents anyway.
 */
class PythonValidatorTest {
    private static final Path SCRIPT = Schemas.DIRECTORY.resolve("validate.py");

    @TempDir
    Path dir;

    private record Run(int exit, String output) {}

    private static Run python(List<String> args, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, "python3 " + args + " did not finish in 300 s:\n" + output);
        return new Run(p.exitValue(), output);
    }

    /** Why the Python validation cannot run here, or "" when it can; asked once. */
    private static String missing;

    private static synchronized String missingJsonschema() throws InterruptedException, IOException {
        if (missing == null) {
            Path log = Files.createTempFile("dlbasis-import-jsonschema", ".log");
            try {
                Run r = python(List.of("-c", "import jsonschema"), log);
                List<String> lines = r.output().strip().lines().toList();
                String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1); // ModuleNotFoundError: No module …
                missing = r.exit() == 0 ? "" : last.isBlank() ? "exit status " + r.exit() : last;
            } catch (IOException e) {
                missing = "python3 cannot be started: " + e.getMessage();
            } finally {
                Files.deleteIfExists(log);
            }
        }
        return missing;
    }

    /** Each test is reported as skipped, with the reason, where python3 cannot import jsonschema. */
    @BeforeEach
    void jsonschemaIsInstalled() throws InterruptedException, IOException {
        String why = missingJsonschema();
        Assumptions.assumeTrue(
                why.isEmpty(),
                "spec/schema/validate.py needs the Python package jsonschema, which "
                        + "python3 -c \"import jsonschema\" cannot import here (" + why
                        + "); the Java schema tests validate "
                        + "the same documents");
    }

    private Run validate(List<String> args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(SCRIPT.toString()));
        all.addAll(args);
        return python(all, Files.createTempFile(dir, "validate", ".log"));
    }

    @Test
    void everyGoldenFileIsValid() throws IOException, InterruptedException {
        List<String> files = GoldenData.files(GoldenData.directory()).stream()
                .map(Path::toString)
                .toList();
        Run r = validate(files);
        assertEquals(0, r.exit(), r.output());
        assertEquals("valid: " + files.size() + " dlbasis-golden/1", r.output().strip());
    }

    @Test
    void theRecordedExchangesAreValid() throws IOException, InterruptedException {
        for (Recordings.Exchange x : Recordings.get().exchanges) {
            long lines = Files.readAllLines(x.requests()).size();
            Run r = validate(List.of(
                    "--requests",
                    x.requests().toString(),
                    "--responses",
                    x.responses().toString()));
            assertEquals(0, r.exit(), x.name() + ": " + r.output());
            assertEquals(
                    "valid: " + lines + " request, " + lines + " response",
                    r.output().strip(),
                    x.name());
        }
    }

    @Test
    void everyReportIsValid() throws IOException, InterruptedException {
        List<Path> reports = Recordings.get().reports;
        Run r = validate(reports.stream().map(Path::toString).toList());
        assertEquals(0, r.exit(), r.output());
        assertEquals(
                "valid: " + reports.size() + " dlbasis-conformance-report/1",
                r.output().strip());
    }

    @Test
    void anInvalidDocumentStopsItWithItsPlace() throws IOException, InterruptedException {
        Path responses = dir.resolve("responses.jsonl");
        Files.writeString(responses, """
                {"id": 1, "ok": true, "outputs": {"out": {"shape": [], "data": [1]}}}
                {"id": 2, "ok": "yes", "outputs": {}}
                """);
        Run r = validate(List.of(responses.toString()));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("responses.jsonl:2"), r.output());

        Files.writeString(
                responses,
                "{\"id\": 1, \"ok\": true, \"outputs\": {\"out\": {\"shape\": [\"2\"], " + "\"data\": [1, 2]}}}\n");
        r = validate(List.of(responses.toString()));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("$.outputs.out.shape[0]"), r.output());

        Path golden = dir.resolve("loss.json");
        Files.writeString(
                golden,
                Files.readString(GoldenData.directory().resolve("loss.json"))
                        .replaceFirst("\"class\": \"LOSS\"", "\"class\": \"LOOSE\""));
        r = validate(List.of(golden.toString()));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("$.cases[0].tolerance.class"), r.output());

        Files.writeString(
                responses,
                "{\"id\": 1, \"ok\": true, \"outputs\": {\"out\": {\"shape\": [], " + "\"data\": [NaN]}}}\n");
        r = validate(List.of(responses.toString()));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("bare NaN"), r.output());
    }

    @Test
    void aBadCommandLineIsAUsageError() throws IOException, InterruptedException {
        assertEquals(2, validate(List.of()).exit());
        assertEquals(
                2, validate(List.of(dir.resolve("missing.json").toString())).exit());
    }
}
