package org.dlbasis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.fasterxml.jackson.databind.JsonNode;

import org.dlbasis.properties.json.Json;
import org.junit.jupiter.api.Test;

/**
 * {@code ./dlbasis gradcheck} end to end. The reference models' reports are written under
 * {@code cli/target/gradcheck/} by every {@code mvn -B verify}.
 */
class GradcheckCommandTest {
    private static final Path ROOT = Paths.get(System.getProperty("dlbasis.root", ".."));
    private static final Path TARGET = ROOT.resolve("cli/target/gradcheck");

    private static int gradcheck(Path report, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "gradcheck";
        all[1] = "--report";
        all[2] = report.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Dlbasis.commandLine().execute(all);
    }

    private static JsonNode read(Path dir) throws IOException {
        return Json.MAPPER.readTree(Files.readString(dir.resolve("gradcheck.json")));
    }

    @Test
    void theReferenceNetworkPassesAndTheReportIsWritten() throws IOException {
        Path dir = TARGET.resolve("network-relu");
        assertEquals(0, gradcheck(dir, "--activation", "relu", "--sizes", "6-5-1", "--m", "20"));
        JsonNode r = read(dir);
        assertTrue(r.get("pass").asBoolean());
        assertEquals(4, r.get("blocks").size());
        for (JsonNode b : r.get("blocks")) {
            assertTrue(b.get("relativeDifference").asDouble() <= 1e-9, b.toString());
        }
        assertTrue(Files.readString(dir.resolve("gradcheck.html")).contains("<svg"));
        assertTrue(Files.exists(dir.resolve("gradcheck.md")));
    }

    @Test
    void theReferenceLogisticRegressionPasses() throws IOException {
        Path dir = TARGET.resolve("logistic");
        assertEquals(0, gradcheck(dir, "--model", "logistic", "--sizes", "8"));
        assertTrue(read(dir).get("pass").asBoolean());
    }

    @Test
    void samplingAndDirectionalModesPassOnTheReference() throws IOException {
        assertEquals(0, gradcheck(TARGET.resolve("sample"), "--mode", "sample", "--samples", "5"));
        assertEquals(0, gradcheck(TARGET.resolve("directional"), "--mode", "directional", "--samples", "8"));
        assertEquals("DIRECTIONAL", read(TARGET.resolve("directional")).get("mode").asText());
    }

    @Test
    void theNumpyAdapterPassesThroughTheProtocol() throws IOException {
        Path dir = TARGET.resolve("numpy");
        assertEquals(0, gradcheck(dir, "--impl", "cmd:python3 " + ROOT.resolve("adapters/numpy/dlbasis_numpy.py"),
                "--activation", "sigmoid"));
        assertEquals("FULL", read(dir).get("mode").asText());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, gradcheck(TARGET.resolve("bad"), "--model", "cnn"));
        assertEquals(2, gradcheck(TARGET.resolve("bad"), "--sizes", "a-b"));
        assertEquals(2, gradcheck(TARGET.resolve("bad"), "--activation", "swish"));
        assertEquals(2, gradcheck(TARGET.resolve("bad"), "--m", "0"));
    }
}
