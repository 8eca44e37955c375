package org.dlbasis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner against hostile implementations (issue 11): for every verdict it can give, an
 * implementation that must get exactly that verdict, exit status and message, and no process left
 * behind. Programs are {@code src/test/resources/hostile/hostile.py <mode> <marker>}; Java classes
 * are {@link org.dlbasis.cli.hostile.Hostile}'s, run in a child JVM.
 */
class HostileImplementationsTest {
    private static final Path ROOT =
            Paths.get(System.getProperty("dlbasis.root", "..")).toAbsolutePath().normalize();
    private static final Path HOSTILE = ROOT.resolve("cli/src/test/resources/hostile/hostile.py");

    @TempDir
    Path reports;

    /** Put on the command line of every process a hostile program starts; none may survive. */
    private final String marker = "dlbasis-hostile-" + UUID.randomUUID();

    private String out;
    private String err;

    private String program(String mode) {
        return "cmd:DLBASIS_ROOT=" + ROOT + " python3 " + HOSTILE + " " + mode + " " + marker;
    }

    private int conform(String... args) {
        List<String> all = new ArrayList<>(List.of("conform", "--quiet", "--report", reports.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            var cli = Dlbasis.commandLine();
            cli.setOut(new java.io.PrintWriter(System.out, true));
            cli.setErr(new java.io.PrintWriter(System.err, true));
            return cli.execute(all.toArray(new String[0]));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    /** What the run printed, for a failing assertion. */
    private String output() {
        return "stdout:\n" + out + "\nstderr:\n" + err;
    }

    private JsonNode report() throws IOException {
        return ReportJson.report(reports);
    }

    private JsonNode clause(String id) throws IOException {
        return ReportJson.clause(reports, id);
    }

    private void assertClause(String id, String status, String reasonContains) throws IOException {
        JsonNode c = clause(id);
        assertEquals(status, c.get("status").asText(), c.toString());
        assertTrue(
                c.get("reason").asText().contains(reasonContains),
                c.get("reason").asText());
    }

    @AfterEach
    void noProcessSurvives() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        left.forEach(ProcessHandle::destroyForcibly);
        throw new AssertionError("processes survived the run: "
                + left.stream()
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                        .toList());
    }

    // ------------------------------------------------------------------ the handshake

    @Test
    void capabilitiesAsAStringIsAProtocolErrorNotNoCapabilities() {
        assertEquals(ExitCode.USAGE, conform("--impl", program("caps_string")), this::output);
        assertTrue(err.contains("answered the handshake without \"capabilities\" as a list of names"), err);
    }

    @Test
    void anUnknownCapabilityIsAProtocolError() {
        assertEquals(ExitCode.USAGE, conform("--impl", program("caps_unknown")), this::output);
        assertTrue(err.contains("declared an unknown capability \"GPU\""), err);
    }

    @Test
    void anEmptyCapabilityNameIsAProtocolError() {
        assertEquals(ExitCode.USAGE, conform("--impl", program("caps_empty_name")), this::output);
        assertTrue(err.contains("declared an unknown capability \"\""), err);
    }

    @Test
    void aMissingNameIsAProtocolError() {
        assertEquals(ExitCode.USAGE, conform("--impl", program("no_name")), this::output);
        assertTrue(err.contains("answered the handshake without a name"), err);
    }

    @Test
    void declaringNothingIsNeverConforms() throws IOException {
        assertEquals(ExitCode.NOTHING_CHECKED, conform("--impl", program("caps_none"), "--no-golden"), this::output);
        assertEquals("NOTHING_CHECKED", report().get("verdict").asText());
        assertFalse(report().get("conforms").asBoolean());
        assertTrue(out.contains("NOTHING CHECKED ("), out);
    }

    @Test
    void selectingOnlyWhatIsNotImplementedIsNothingChecked() throws IOException {
        assertEquals(
                ExitCode.NOTHING_CHECKED, conform("--impl", program("minimal"), "--clauses", "LOSS"), this::output);
        assertEquals("NOTHING_CHECKED", report().get("verdict").asText());
    }

    @Test
    void aProgramThatCannotStartIsOneUsageErrorWithItsStderr() {
        assertEquals(ExitCode.USAGE, conform("--impl", program("exit_at_start")), this::output);
        assertTrue(
                err.contains("could not start")
                        && err.contains("exited with status 5")
                        && err.contains("missing libfoo.so"),
                err);
        assertEquals(1, err.split("could not start", -1).length - 1, "said once: " + err);
    }

    @Test
    void anEmptyCommandIsAUsageError() {
        assertEquals(ExitCode.USAGE, conform("--impl", "cmd:  "), this::output);
        assertTrue(err.contains("--impl cmd: needs a command line"), err);
    }

    // ------------------------------------------------------------------ responses

    @Test
    void anUndecodableResponseIsTheImplementationsErrorNotARaise() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", program("huge_shape"), "--clauses", "ACT-9", "--no-golden"),
                this::output);
        assertClause("ACT-9", "ERROR", "with an output that is not a tensor");
    }

    @Test
    void anOperationAnsweredNotImplementedIsNotImplementedNotAnError() throws IOException {
        assertEquals(
                ExitCode.CONFORMS,
                conform("--impl", program("no_derivatives"), "--clauses", "ACT-1,ACT-6", "--no-golden"),
                this::output);
        assertClause(
                "ACT-6",
                "NOT_IMPLEMENTED",
                "does not implement the operation \"activation_derivative\": " + "derivatives come later");
        assertEquals("PASS", clause("ACT-1").get("status").asText());
    }

    @Test
    @Timeout(120)
    void aJavaClassThatThrowsNotImplementedIsNotImplemented() throws IOException {
        assertEquals(
                ExitCode.CONFORMS,
                conform("--impl", java("NoDerivatives"), "--clauses", "ACT-1,ACT-6", "--no-golden"),
                this::output);
        assertClause("ACT-6", "NOT_IMPLEMENTED", "does not implement the operation");
    }

    @Test
    void aCostOfShapeOneByOneIsAFailNotAPass() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", program("cost_1x1"), "--clauses", "LOSS-5", "--no-golden"),
                this::output);
        assertClause(
                "LOSS-5",
                "FAIL",
                "\"cost\" returned \"out\" with shape (1,1), expected () (a number, a 0-d " + "array: squeeze it)");
    }

    @Test
    void onlyWhatIsDeclaredIsAskedForAndValidationIsJudgedApart() throws IOException {
        assertEquals(ExitCode.CONFORMS, conform("--impl", program("tanh_only"), "--clauses", "ACT"), this::output);
        assertEquals("PASS", clause("ACT-3").get("status").asText());
        assertEquals("PASS", clause("ACT-4").get("status").asText());
        assertClause("ACT-1", "NOT_IMPLEMENTED", "does not declare the activation sigmoid");
        assertTrue(clause("ACT-11").get("properties").toString().contains("checks of bad input not run"));
        assertEquals(0, report().get("counts").get("ERROR").asInt(), "nothing undeclared was sent");
        assertEquals(
                "activations tanh; no input validation", report().get("options").asText());
        assertTrue(out.contains("input validation not declared: bad input was not checked"), out);
    }

    @Test
    void unknownOptionsAreAProtocolError() {
        assertEquals(ExitCode.USAGE, conform("--impl", program("bad_options")), this::output);
        assertTrue(err.contains("answered the handshake with bad options: unknown activation \"swish\""), err);
    }

    @Test
    @Timeout(120)
    void aJavaClassDeclaresItsOptionsThroughTheChildJvm() throws IOException {
        assertEquals(
                ExitCode.CONFORMS,
                conform("--impl", java("TanhOnly"), "--clauses", "ACT-1,ACT-3", "--no-golden"),
                this::output);
        assertEquals("PASS", clause("ACT-3").get("status").asText());
        assertClause("ACT-1", "NOT_IMPLEMENTED", "does not declare the activation sigmoid");
    }

    @Test
    void aBareNanGetsAHint() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", program("bare_nan"), "--clauses", "ACT-1", "--no-golden"),
                this::output);
        assertClause("ACT-1", "ERROR", "write the strings \"NaN\", \"Infinity\", \"-Infinity\"");
    }

    @Test
    void okMustBeABoolean() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", program("ok_yes"), "--clauses", "ACT-1", "--no-golden"),
                this::output);
        assertClause("ACT-1", "ERROR", "with \"ok\" = \"yes\"; it must be true or false");
    }

    @Test
    void anUnknownErrorKindIsAProtocolError() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", program("unknown_kind"), "--clauses", "ACT-1", "--no-golden"),
                this::output);
        assertClause("ACT-1", "ERROR", "the unknown error kind \"OOPS\"");
    }

    @Test
    void aCrashKeepsTheLastLineOfStderr() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", program("crash_after_stderr"), "--clauses", "ACT-1", "--no-golden"),
                this::output);
        assertClause("ACT-1", "ERROR", "exited with status 3 during \"activation\"");
        assertClause("ACT-1", "ERROR", "THE LINE THAT EXPLAINS THE CRASH");
        assertFalse(clause("ACT-1").get("reason").asText().contains("the implementation the implementation"));
    }

    // ------------------------------------------------------------------ hangs and processes

    @Test
    @Timeout(60)
    void aHangingProgramAndItsGrandchildrenAreKilled() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", program("grandchild_hang"), "--clauses", "ACT-1", "--no-golden", "--timeout", "1500"),
                this::output);
        assertClause("ACT-1", "ERROR", "within 1500 ms");
    }

    @Test
    @Timeout(60)
    void aProgramThatStopsReadingIsATimeoutEvenForARequestLargerThanThePipe() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", program("stop_reading"), "--clauses", "VEC-3", "--timeout", "1500"),
                this::output);
        JsonNode golden = clause("VEC-3").get("golden");
        assertTrue(golden.size() > 0);
        boolean sawWriteTimeout = false;
        for (JsonNode g : golden) {
            assertEquals("ERROR", g.get("status").asText(), g.toString());
            sawWriteTimeout |= g.get("detail").asText().contains("did not read the \"dot\" request within 1500 ms");
        }
        assertTrue(sawWriteTimeout, golden.toString());
    }

    // ------------------------------------------------------------------ forged reports

    @Test
    void nothingTheImplementationSaysCanForgeAReport() throws Exception {
        Path xml = reports.resolve("junit.xml");
        conform("--impl", program("forge"), "--clauses", "ACT-1,BCAST-3", "--no-golden", "--junit-xml", xml.toString());
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(xml.toFile());
        assertTrue(doc.getDocumentElement().getAttribute("name").contains("\\x1b[8m"), "well-formed and escaped");
        assertTrue(doc.getElementsByTagName("failure").getLength()
                        + doc.getElementsByTagName("error").getLength()
                > 0);
        String md = Files.readString(reports.resolve("report.md"));
        assertEquals(1, md.lines().filter(l -> l.startsWith("- verdict")).count(), md);
        assertTrue(
                md.lines()
                        .filter(l -> l.contains("<script>") || l.contains("```"))
                        .allMatch(l -> l.startsWith("    ")),
                "implementation text outside a code block: " + md);
        assertFalse(md.contains("\u001b"), md);
        assertTrue(md.contains("- verdict: **does not conform**") || md.contains("- verdict: **nothing checked**"), md);
        assertFalse(out.contains("\u001b") || err.contains("\u001b"), "escape sequences reached the terminal");
        assertTrue(out.contains("\\x1b[8m"), out);
        String html = Files.readString(reports.resolve("report.html"));
        assertFalse(html.contains("<script>"));
    }

    // ------------------------------------------------------------------ java: in a child JVM

    private String java(String simpleName) {
        return "java:org.dlbasis.cli.hostile.Hostile$" + simpleName;
    }

    @Test
    @Timeout(120)
    void systemExitInAJavaImplementationIsAnErrorAndTheRunEnds() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", java("Exits"), "--clauses", "ACT-1", "--no-golden"),
                this::output);
        assertClause("ACT-1", "ERROR", "exited with status 0");
        assertTrue(Files.exists(reports.resolve("report.html")));
    }

    @Test
    @Timeout(120)
    void aStackOverflowIsAnError() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", java("Overflows"), "--clauses", "ACT-1", "--no-golden"),
                this::output);
        assertClause("ACT-1", "ERROR", "StackOverflowError");
    }

    @Test
    @Timeout(120)
    void runningOutOfMemoryIsAnError() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", java("ExhaustsMemory"), "--clauses", "ACT-1", "--no-golden"),
                this::output);
        assertClause("ACT-1", "ERROR", "OutOfMemoryError");
    }

    @Test
    @Timeout(120)
    void anInfiniteLoopInJavaIsATimeout() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", java("Loops"), "--clauses", "ACT-1", "--no-golden", "--timeout", "3000"),
                this::output);
        assertClause("ACT-1", "ERROR", "did not answer \"activation\" within 3000 ms");
    }

    @Test
    @Timeout(120)
    void printingToSystemOutDoesNotCorruptTheProtocol() throws IOException {
        assertEquals(
                ExitCode.CONFORMS,
                conform("--impl", java("Prints"), "--clauses", "ACT-1", "--no-golden"),
                this::output);
    }

    @Test
    @Timeout(120)
    void aNullNameCannotStart() {
        assertEquals(ExitCode.USAGE, conform("--impl", java("NoName")), this::output);
        assertTrue(err.contains("without a name"), err);
    }

    @Test
    @Timeout(120)
    void aMalformedTensorIsACrashNeverTheErrorKindExpected() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform("--impl", java("MalformedDot"), "--clauses", "ARR-5", "--no-golden"),
                this::output);
        assertClause("ARR-5", "ERROR", "MalformedTensorException");
    }

    @Test
    void anUnknownJavaClassCannotStart() {
        assertEquals(ExitCode.USAGE, conform("--impl", "java:com.example.Missing"), this::output);
        assertTrue(err.contains("class com.example.Missing not found"), err);
    }
}
