package org.dlbasis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.dlbasis.spec.Clause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dlbasis conform} end to end: the reference and the numpy adapter conform; deliberately
 * broken, crashing, hanging and babbling adapters are reported at the clause you would expect,
 * as FAIL or ERROR, and the run always ends.
 */
class ConformCommandTest {
    private static final Path ROOT = Paths.get(System.getProperty("dlbasis.root", ".."));
    private static final String NUMPY = "python3 " + ROOT.resolve("adapters/numpy/dlbasis_numpy.py");

    @TempDir
    Path reports;

    private int conform(String... args) {
        List<String> all = new ArrayList<>(List.of("conform", "--quiet", "--report", reports.toString()));
        all.addAll(List.of(args));
        return Dlbasis.commandLine().execute(all.toArray(new String[0]));
    }

    private JsonNode report() throws IOException {
        return ReportJson.report(reports);
    }

    private JsonNode clause(String id) throws IOException {
        return ReportJson.clause(reports, id);
    }

    @Test
    void theReferenceConformsAndTheReportIsWrittenInThreeFormats() throws IOException {
        assertEquals(0, conform("--examples", "20"));
        assertTrue(report().get("conforms").asBoolean());
        assertEquals("NOT_VERIFIED", clause("VEC-4").get("status").asText());
        assertTrue(Files.readString(reports.resolve("report.md")).contains("| BCAST-3 | MUST | PASS |"));
        assertTrue(Files.readString(reports.resolve("report.html")).startsWith("<!DOCTYPE html>"));
    }

    @Test
    @Clause({"API-1", "ERR-1"})
    void theNumpyAdapterConforms() throws IOException {
        assertEquals(0, conform("--impl", "cmd:" + NUMPY, "--examples", "30"));
        assertEquals("PASS", clause("BCAST-3").get("status").asText());
        assertEquals("FAIL", clause("ACT-14").get("status").asText(), "the note's derivative formulas miss the SHOULD");
        assertEquals("PASS", clause("DEEP-7").get("status").asText(), "L_model_backward starts from dZ[L] = A[L] − Y");
    }

    @Test
    void aWrongReluDerivativeFailsAct6() throws IOException {
        assertEquals(1, conform("--impl", "cmd:DLBASIS_NUMPY_BREAK=relu_derivative " + NUMPY, "--clauses", "ACT"));
        assertEquals("FAIL", clause("ACT-6").get("status").asText());
        assertEquals("PASS", clause("ACT-1").get("status").asText());
    }

    @Test
    void db2WithoutKeepdimsFailsTheDimensionRules() throws IOException {
        assertEquals(
                1,
                conform(
                        "--impl",
                        "cmd:DLBASIS_NUMPY_BREAK=db_no_keepdims " + NUMPY,
                        "--clauses",
                        "DIM-2,BACKPROP-3",
                        "--examples",
                        "20"));
        assertEquals("FAIL", clause("DIM-2").get("status").asText());
        assertEquals("FAIL", clause("BACKPROP-3").get("status").asText());
    }

    @Test
    @Timeout(60)
    void aCrashingImplementationIsAnErrorAndTheRunGoesOn() throws IOException {
        assertEquals(
                1,
                conform(
                        "--impl",
                        "cmd:DLBASIS_NUMPY_BREAK=crash_on_dot " + NUMPY,
                        "--clauses",
                        "ARR-4,BCAST-1",
                        "--no-golden"));
        JsonNode arr4 = clause("ARR-4");
        assertEquals("ERROR", arr4.get("status").asText());
        assertTrue(
                arr4.get("reason").asText().contains("exited with status 3"),
                arr4.get("reason").asText());
        assertEquals("PASS", clause("BCAST-1").get("status").asText());
    }

    @Test
    @Timeout(60)
    void aHangingImplementationTimesOutAsAnError() throws IOException {
        assertEquals(
                1,
                conform(
                        "--impl",
                        "cmd:DLBASIS_NUMPY_BREAK=hang_on_dot " + NUMPY,
                        "--clauses",
                        "RANK1-2",
                        "--no-golden",
                        "--timeout",
                        "1500"));
        JsonNode c = clause("RANK1-2");
        assertEquals("ERROR", c.get("status").asText());
        // "dot" normally; "hello" if starting Python and numpy took longer than the timeout itself
        assertTrue(
                c.get("reason").asText().contains("within 1500 ms"),
                c.get("reason").asText());
    }

    @Test
    @Timeout(60)
    void garbageOnStdoutIsAnError() throws IOException {
        assertEquals(
                1,
                conform(
                        "--impl",
                        "cmd:DLBASIS_NUMPY_BREAK=garbage_on_dot " + NUMPY,
                        "--clauses",
                        "RANK1-2",
                        "--no-golden"));
        assertTrue(clause("RANK1-2").get("reason").asText().contains("wrote a line that is not JSON"));
    }

    @Test
    @Timeout(60)
    void aProgramThatCannotStartIsAUsageErrorNotAHang() {
        assertEquals(
                ExitCode.USAGE,
                conform("--impl", "cmd:" + ROOT.resolve("no-such-program"), "--clauses", "ACT-5,ACT-6"));
    }

    @Test
    void theMinimalAdapterImplementsOnlyActivations() throws IOException {
        assertEquals(0, conform("--impl", "cmd:python3 " + ROOT.resolve("adapters/minimal/minimal.py")));
        assertEquals("PASS", clause("ACT-11").get("status").asText());
        assertEquals("NOT_IMPLEMENTED", clause("BCAST-1").get("status").asText());
    }

    @Test
    void aJavaClassIsLoadedByName() throws IOException {
        assertEquals(0, conform("--impl", "java:org.dlbasis.reference.ReferenceImplementation", "--clauses", "LOSS"));
        assertEquals("PASS", clause("LOSS-2").get("status").asText());
    }

    @Test
    void aMalformedGoldenFileStopsTheRunWithItsNameAndPlace() throws IOException {
        Path golden = reports.resolve("golden");
        Files.createDirectories(golden);
        String text = Files.readString(ROOT.resolve("golden-data/loss.json"));
        Files.writeString(golden.resolve("truncated.json"), text.substring(0, 3000));
        String saved = System.getProperty("dlbasis.golden");
        System.setProperty("dlbasis.golden", golden.toString());
        try {
            assertEquals(2, conform("--clauses", "LOSS"));
        } finally {
            if (saved == null) {
                System.clearProperty("dlbasis.golden");
            } else {
                System.setProperty("dlbasis.golden", saved);
            }
        }
    }

    @Test
    void anUnknownJavaClassIsAUsageError() {
        assertEquals(2, conform("--impl", "java:com.example.Missing"));
        assertEquals(2, conform("--impl", "python"));
    }
}
