package org.dlbasis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlbasis.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordinary mistakes on the command line get one clear message and exit status 2, found before the
 * run starts; a selection that runs nothing is never "conforms".
 */
class CommandLineTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            var cli = Dlbasis.commandLine();
            cli.setOut(new PrintWriter(System.out, true));
            cli.setErr(new PrintWriter(System.err, true));
            return cli.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private int conform(String... args) {
        List<String> all = new ArrayList<>(List.of("conform", "--quiet", "--no-golden", "--examples", "10"));
        if (!List.of(args).contains("--report")) {
            all.addAll(List.of("--report", dir.resolve("r").toString()));
        }
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }

    private JsonNode report() throws IOException {
        return Json.MAPPER.readTree(Files.readString(dir.resolve("r/report.json")));
    }

    private List<String> clauseIds() throws IOException {
        List<String> ids = new ArrayList<>();
        report().get("clauses").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    @Test
    void anUnknownClauseIsAUsageErrorNotAnEmptyPass() {
        assertEquals(ExitCode.USAGE, conform("--clauses", "NOSUCH"));
        assertTrue(err.contains("--clauses: no clause of SPEC.md matches NOSUCH"), err);
        assertFalse(Files.exists(dir.resolve("r/report.json")), "nothing ran, nothing is reported");
    }

    @Test
    void clausesAreAcceptedAsUsersTypeThem() throws IOException {
        assertEquals(ExitCode.CONFORMS, conform("--clauses", "act-1"));
        assertEquals(List.of("ACT-1"), clauseIds());
        assertEquals(ExitCode.CONFORMS, conform("--clauses", "ACT-5, LOSS-1"));
        assertEquals(List.of("ACT-5", "LOSS-1"), clauseIds());
        assertEquals(ExitCode.CONFORMS, conform("--clauses", "ACT-5,", "--clauses", " loss-1 "));
        assertEquals(List.of("ACT-5", "LOSS-1"), clauseIds());
    }

    @Test
    void onlyPendingClausesSelectedIsNothingChecked() throws IOException {
        assertEquals(ExitCode.NOTHING_CHECKED, conform("--clauses", "VEC-4"));
        assertEquals("NOTHING_CHECKED", report().get("verdict").asText());
        assertTrue(out.contains("NOTHING CHECKED (0 of 1 clauses checked; 1 not verified)"), out);
    }

    @Test
    void aReportPathThatIsAFileIsAUsageErrorBeforeTheRun() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        assertEquals(ExitCode.USAGE, conform("--clauses", "ACT-1", "--report", file.toString()));
        assertTrue(err.contains(file + " exists and is not a folder"), err);
        assertEquals("keep me", Files.readString(file));
        assertEquals(
                ExitCode.USAGE,
                conform("--clauses", "ACT-1", "--report", file.resolve("below").toString()));
        assertTrue(err.startsWith("dlbasis: ") && err.lines().count() == 1, "one line, no stack trace: " + err);
    }

    @Test
    void aSymlinkAtAReportPathIsReplacedNotFollowed() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Files.createDirectories(dir.resolve("r"));
        Files.createSymbolicLink(dir.resolve("r/report.md"), victim);
        assertEquals(ExitCode.CONFORMS, conform("--clauses", "ACT-1"));
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(dir.resolve("r/report.md")));
        assertTrue(Files.readString(dir.resolve("r/report.md")).startsWith("# dlbasis conformance report"));
    }

    @Test
    void badNumbersAreUsageErrors() {
        assertEquals(ExitCode.USAGE, conform("--timeout", "0"));
        assertTrue(err.contains("--timeout must be > 0 ms, found 0"), err);
        assertEquals(ExitCode.USAGE, conform("--timeout", "-5"));
        assertEquals(ExitCode.USAGE, run("conform", "--examples", "0"));
        assertTrue(err.contains("--examples must be >= 1, found 0"), err);
        assertEquals(ExitCode.USAGE, conform("--budget", "0"));
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertEquals(ExitCode.USAGE, run());
        assertTrue(err.contains("choose a command: conform, gradcheck, sweep or scoreboard"), err);
        assertTrue(err.contains("Exit status: 0 conforms"), "the usage names the exit codes: " + err);
    }

    @Test
    void junitXmlHasOneTestCasePerClause() throws Exception {
        Path xml = dir.resolve("ci/dlbasis.xml");
        Files.createDirectories(xml.getParent());
        assertEquals(ExitCode.CONFORMS, conform("--clauses", "ACT,VEC-4", "--junit-xml", xml.toString()));
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(xml.toFile());
        var cases = doc.getElementsByTagName("testcase");
        assertEquals(clauseIds().size(), cases.getLength());
        assertEquals(
                "ACT-1 Sigmoid",
                cases.item(0).getAttributes().getNamedItem("name").getNodeValue());
        assertEquals(1, doc.getElementsByTagName("skipped").getLength(), "VEC-4 is pending: skipped");
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void junitXmlPathIsCheckedBeforeTheRun() {
        assertEquals(ExitCode.USAGE, conform("--clauses", "ACT-1", "--junit-xml", dir.toString()));
        assertTrue(err.contains("--junit-xml names a folder, not a file"), err);
    }

    @Test
    void theReportIsMarkedCompleteWithItsVerdict() throws IOException {
        assertEquals(ExitCode.CONFORMS, conform("--clauses", "ACT-1"));
        assertTrue(report().get("complete").asBoolean());
        assertEquals("CONFORMS", report().get("verdict").asText());
        assertEquals(1, report().get("checked").asInt());
    }
}
