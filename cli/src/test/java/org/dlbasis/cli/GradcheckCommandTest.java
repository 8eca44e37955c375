package org.dlbasis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.spec.Clause;
import org.dlbasis.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code ./dlbasis gradcheck} end to end. The reference models' reports are written under
 * {@code cli/target/gradcheck/} by every {@code mvn -B verify}. Hostile implementations (small
 * Python programs written to a temporary folder, wrapping the numpy adapter) crash, report errors,
 * stop reading, return an infinite gradient or give a forging name: each gets a report and the
 * right exit status, never a stack trace, and nothing it supplies is printed raw.
 */
class GradcheckCommandTest {
    private static final Path ROOT = Paths.get(System.getProperty("dlbasis.root", ".."));
    private static final Path TARGET = ROOT.resolve("cli/target/gradcheck");
    private static final String MINIMAL = "cmd:python3 " + ROOT.resolve("adapters/minimal/minimal.py");
    private static final String FORGING_NAME = "evil\\n- verdict: **PASS**<script>alert(1)</script>```\\u001b[2J";

    /** The numpy adapter with one thing broken, chosen by argv[2]: crash, error, name, inf, deaf. */
    private static final String HOSTILE = """
            import json, os, sys, time
            sys.path.insert(0, sys.argv[1])
            import dlbasis_numpy as a
            MODE = sys.argv[2]
            if MODE == "deaf":  # answers the handshake, then never reads again
                hello = json.loads(sys.stdin.readline())
                print(json.dumps({"id": hello["id"], "ok": True, "name": "deaf", "capabilities": ["TWO_LAYER_NETWORK"]}),
                      flush=True)
                sys.stderr.write("deaf: I stop reading now\\n")
                sys.stderr.flush()
                time.sleep(300)
                sys.exit(0)
            if MODE == "name":
                a.NAME = "%s"
            original = a.net_op
            def net_op(op, p, i):
                if op == "net_backward" and MODE == "crash":
                    sys.stderr.write("boom: backward exploded\\n**verdict: PASS**\\n\\u001b[2J\\n")
                    sys.stderr.flush()
                    os._exit(3)
                if op == "net_backward" and MODE == "error":
                    raise a.SpecError("INVALID_ARGUMENT", "backward refuses <b>this</b>\\n- verdict: **PASS**")
                out = original(op, p, i)
                if op == "net_backward" and MODE == "inf":
                    out["dw2"] = out["dw2"].copy()
                    out["dw2"][0, 1] = float("inf")
                return out
            a.net_op = net_op
            a.main()
            """.formatted(FORGING_NAME);

    @TempDir
    Path temp;

    /** What one run printed and returned. */
    private record Run(int exit, String out, String err) {
        void assertNoStackTrace() {
            assertFalse(err.contains("\tat ") || err.contains("Exception") || out.contains("\tat "), err);
        }

        String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private static Run gradcheck(Path report, String... args) {
        List<String> all = new ArrayList<>(List.of("gradcheck", "--report", report.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Dlbasis.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(all.toArray(new String[0]));
        return new Run(exit, out.toString(), err.toString());
    }

    private static JsonNode read(Path dir) throws IOException {
        return Json.MAPPER.readTree(Files.readString(dir.resolve("gradcheck.json")));
    }

    private String hostile(String mode) throws IOException {
        Path script = temp.resolve("hostile.py");
        Files.writeString(script, HOSTILE);
        return "cmd:python3 " + script + " " + ROOT.resolve("adapters/numpy") + " " + mode;
    }

    @Test
    void theReferenceNetworkPassesAndTheReportIsWritten() throws IOException {
        Path dir = TARGET.resolve("network-relu");
        assertEquals(
                0,
                gradcheck(dir, "--activation", "relu", "--sizes", "6-5-1", "--m", "20")
                        .exit());
        JsonNode r = read(dir);
        assertTrue(r.get("pass").asBoolean());
        assertEquals(4, r.get("blocks").size());
        for (JsonNode b : r.get("blocks")) {
            assertTrue(b.get("relativeDifference").asDouble() <= 1e-9, b.toString());
            assertEquals(0, b.get("nonFinite").asInt());
        }
        assertTrue(Files.readString(dir.resolve("gradcheck.html")).contains("<svg"));
        assertTrue(Files.exists(dir.resolve("gradcheck.md")));
    }

    @Test
    void theReferenceLogisticRegressionPasses() throws IOException {
        Path dir = TARGET.resolve("logistic");
        assertEquals(0, gradcheck(dir, "--model", "logistic", "--sizes", "8").exit());
        assertTrue(read(dir).get("pass").asBoolean());
        assertEquals(
                0,
                gradcheck(TARGET.resolve("logistic-default"), "--model", "logistic")
                        .exit(),
                "logistic regression has its own default size");
    }

    @Test
    void theReferenceDeepNetworkPassesEveryLayer() throws IOException {
        Path dir = TARGET.resolve("deep-relu");
        assertEquals(
                0,
                gradcheck(dir, "--model", "deep", "--sizes", "5-4-3-1", "--activation", "relu")
                        .exit());
        JsonNode r = read(dir);
        assertTrue(r.get("pass").asBoolean());
        assertEquals("deep network 5-4-3-1 (relu), m = 10", r.get("model").asText());
        assertEquals(6, r.get("blocks").size());
        assertEquals("FULL (incremental)", r.get("mode").asText());
        assertEquals(
                0,
                gradcheck(TARGET.resolve("deep-default"), "--model", "deep").exit(),
                "the deep network has its own default sizes");
        assertEquals(
                0,
                gradcheck(TARGET.resolve("deep-plain"), "--model", "deep", "--plain")
                        .exit());
    }

    @Test
    void theNumpyAdaptersDeepNetworkPassesThroughTheProtocol() throws IOException {
        Path dir = TARGET.resolve("numpy-deep");
        assertEquals(
                0,
                gradcheck(
                                dir,
                                "--impl",
                                "cmd:python3 " + ROOT.resolve("adapters/numpy/dlbasis_numpy.py"),
                                "--model",
                                "deep",
                                "--sizes",
                                "4-3-3-2",
                                "--activation",
                                "tanh")
                        .exit());
        assertEquals(6, read(dir).get("blocks").size());
    }

    @Test
    void samplingAndDirectionalModesPassOnTheReference() throws IOException {
        assertEquals(
                0,
                gradcheck(TARGET.resolve("sample"), "--mode", "sample", "--samples", "5")
                        .exit());
        assertEquals(
                0,
                gradcheck(TARGET.resolve("directional"), "--mode", "directional", "--samples", "8")
                        .exit());
        assertEquals(
                "DIRECTIONAL", read(TARGET.resolve("directional")).get("mode").asText());
    }

    @Test
    void theNumpyAdapterPassesThroughTheProtocol() throws IOException {
        Path dir = TARGET.resolve("numpy");
        assertEquals(
                0,
                gradcheck(
                                dir,
                                "--impl",
                                "cmd:python3 " + ROOT.resolve("adapters/numpy/dlbasis_numpy.py"),
                                "--activation",
                                "sigmoid")
                        .exit());
        assertEquals("FULL", read(dir).get("mode").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "--model cnn | --model must be network, logistic or deep, found \"cnn\"",
                "--model deep --sizes 5 | --sizes for the deep network must be two or more whole numbers n[0]-n[1]-…-n[L], "
                        + "each ≥ 1, such as 5-4-3-1; found \"5\"",
                "--model deep --sizes 5-0-1 | --sizes for the deep network must be two or more whole numbers "
                        + "n[0]-n[1]-…-n[L], each ≥ 1, such as 5-4-3-1; found \"5-0-1\"",
                "--model deep --sizes 100000-100-50-1 --m 100 | --sizes 100000-100-50-1 with m = 100 needs 20020301 numbers "
                        + "(parameters + (n[0] + … + n[L])·m); a check holds at most 10000000",
                "--sizes a-b | --sizes for the network must be three whole numbers n[0]-n[1]-n[2], each ≥ 1, such as 4-5-1; "
                        + "found \"a-b\"",
                "--sizes 1-1-1-1 | --sizes for the network must be three whole numbers n[0]-n[1]-n[2], each ≥ 1, such as "
                        + "4-5-1; found \"1-1-1-1\"",
                "--sizes 4 | --sizes for the network must be three whole numbers n[0]-n[1]-n[2], each ≥ 1, such as 4-5-1; "
                        + "found \"4\"",
                "--sizes 4-0-1 | --sizes for the network must be three whole numbers n[0]-n[1]-n[2], each ≥ 1, such as 4-5-1; "
                        + "found \"4-0-1\"",
                "--model logistic --sizes 4-5-1 | --sizes for logistic regression must be one whole number n[0] ≥ 1, such "
                        + "as 20; found \"4-5-1\"",
                "--sizes 65536-65536-1 | --sizes 65536-65536-1 with m = 10 needs 4296409099 numbers (parameters + "
                        + "(n[0] + n[1] + n[2])·m); a check holds at most 10000000",
                "--sizes 4000000000-5-1 | --sizes 4000000000-5-1 with m = 10 needs 60000000071 numbers (parameters + "
                        + "(n[0] + n[1] + n[2])·m); a check holds at most 10000000",
                "--model logistic --sizes 5000000 | --sizes 5000000 with m = 10 needs 55000011 numbers (parameters + "
                        + "(n[0] + 1)·m); a check holds at most 10000000",
                "--m 0 | --m must be a whole number ≥ 1 (the number of samples), found 0",
                "--m -5 | --m must be a whole number ≥ 1 (the number of samples), found -5",
                "--scale NaN | --scale must be a finite number, found NaN",
                "--scale Infinity | --scale must be a finite number, found Infinity",
                "--eps NaN | --eps must be a number from 1e-10 to 1e-2 (SPEC BACKPROP-7 uses 1e-5), found NaN",
                "--eps 0 | --eps must be a number from 1e-10 to 1e-2 (SPEC BACKPROP-7 uses 1e-5), found 0.0",
                "--eps -1e-5 | --eps must be a number from 1e-10 to 1e-2 (SPEC BACKPROP-7 uses 1e-5), found -1.0E-5",
                "--eps 1e-300 | --eps must be a number from 1e-10 to 1e-2 (SPEC BACKPROP-7 uses 1e-5), found 1.0E-300",
                "--eps 0.5 | --eps must be a number from 1e-10 to 1e-2 (SPEC BACKPROP-7 uses 1e-5), found 0.5",
                "--threshold Infinity | --threshold must be a number above 0 and below 1 (a relative difference is never "
                        + "above 1, so 1 would pass everything), found Infinity",
                "--threshold NaN | --threshold must be a number above 0 and below 1 (a relative difference is never above 1, "
                        + "so 1 would pass everything), found NaN",
                "--threshold 0 | --threshold must be a number above 0 and below 1 (a relative difference is never above 1, "
                        + "so 1 would pass everything), found 0.0",
                "--threshold 1 | --threshold must be a number above 0 and below 1 (a relative difference is never above 1, "
                        + "so 1 would pass everything), found 1.0",
                "--samples 0 | --samples must be a whole number ≥ 1, found 0",
                "--mode sample --samples -2 | --samples must be a whole number ≥ 1, found -2",
                "--mode often | --mode must be full, sample or directional, found \"often\"",
                "--activation swish | --activation must be one of sigmoid, tanh, relu, leaky_relu, elu, linear; found \"swish\"",
                "--activation sigmoid --parameter 0.5 | --parameter applies to leaky_relu (slope) and elu (alpha) only, not "
                        + "to sigmoid",
                "--activation leaky_relu --parameter 2 | --parameter: Leaky ReLU slope must be in [0, 1), found 2.0",
            })
    void eachBadOptionIsAUsageErrorWithItsOwnMessage(String args, String message) {
        Run run = gradcheck(temp.resolve("bad"), args.strip().split(" "));
        assertEquals(2, run.exit(), run.err());
        assertEquals(message, run.firstErrLine());
        assertEquals("", run.out());
        run.assertNoStackTrace();
        assertFalse(Files.exists(temp.resolve("bad/gradcheck.json")));
    }

    @Test
    void aReportPathThatIsAFileIsAUsageErrorBeforeTheRun() throws IOException {
        Path file = Files.writeString(temp.resolve("taken"), "not a folder");
        Run run = gradcheck(file);
        assertEquals(2, run.exit());
        assertEquals("--report is a file, not a folder: " + file, run.firstErrLine());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void aSymlinkAtAReportPathIsReplacedNotFollowed() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("r"));
        Path precious = Files.writeString(temp.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(dir.resolve("gradcheck.md"), precious);
        assertEquals(0, gradcheck(dir).exit());
        assertEquals("keep me", Files.readString(precious));
        assertFalse(Files.isSymbolicLink(dir.resolve("gradcheck.md")));
        assertTrue(Files.readString(dir.resolve("gradcheck.md")).startsWith("# dlbasis gradient check"));
    }

    @Test
    void anImplementationWithoutTheCapabilityIsOneLineAndExit2() {
        Run network = gradcheck(temp.resolve("cap"), "--impl", MINIMAL);
        assertEquals(2, network.exit());
        assertEquals(
                "dlbasis gradcheck: minimal (pure Python) does not declare the capability TWO_LAYER_NETWORK, "
                        + "which --model network needs\n",
                network.err());
        Run logistic = gradcheck(temp.resolve("cap"), "--impl", MINIMAL, "--model", "logistic");
        assertEquals(2, logistic.exit());
        assertEquals(
                "dlbasis gradcheck: minimal (pure Python) does not declare the capability LOGISTIC_REGRESSION, "
                        + "which --model logistic needs\n",
                logistic.err());
        Run deep = gradcheck(temp.resolve("cap"), "--impl", MINIMAL, "--model", "deep");
        assertEquals(2, deep.exit());
        assertEquals(
                "dlbasis gradcheck: minimal (pure Python) does not declare the capability DEEP_NETWORK, "
                        + "which --model deep needs\n",
                deep.err());
        assertFalse(Files.exists(temp.resolve("cap/gradcheck.json")));
    }

    @Test
    void aProgramThatCrashesGetsAReportWithItsErrorAndExit1() throws IOException {
        Path dir = temp.resolve("crash");
        Run run = gradcheck(dir, "--impl", hostile("crash"));
        assertEquals(1, run.exit(), run.out() + run.err());
        run.assertNoStackTrace();
        String error = read(dir).get("error").asText();
        assertTrue(error.startsWith("the backward pass failed: the implementation exited with status 3"), error);
        assertTrue(error.contains("boom: backward exploded"), error);
        assertFalse(read(dir).get("pass").asBoolean());
        String md = Files.readString(dir.resolve("gradcheck.md"));
        assertTrue(md.contains(Untrusted.markdownBlock(error)), "its error, quoted as a block: " + md);
        assertEquals(1, md.replace(Untrusted.markdownBlock(error), "").split("\n- verdict: ", -1).length - 1, md);
        assertFalse(md.contains("\u001b"), md);
        assertTrue(Files.readString(dir.resolve("gradcheck.html")).contains("boom: backward exploded"));
        assertTrue(
                run.out().contains("\n  | boom: backward exploded\n  | **verdict: PASS**\n  | \\x1b[2J\n"), run.out());
        assertFalse(run.out().contains("\u001b"), run.out());
    }

    @Test
    void aProgramThatReportsAnErrorGetsAReportWithItsErrorAndExit1() throws IOException {
        Path dir = temp.resolve("error");
        Run run = gradcheck(dir, "--impl", hostile("error"));
        assertEquals(1, run.exit(), run.out() + run.err());
        run.assertNoStackTrace();
        assertEquals(
                "the backward pass failed: the implementation raised INVALID_ARGUMENT: backward refuses "
                        + "<b>this</b>\n- verdict: **PASS**",
                read(dir).get("error").asText());
        String md = Files.readString(dir.resolve("gradcheck.md"));
        String block = Untrusted.markdownBlock("the backward pass failed: the implementation raised INVALID_ARGUMENT: "
                + "backward refuses <b>this</b>\n- verdict: **PASS**");
        assertTrue(md.contains(block), "its error is quoted inside a code block: " + md);
        String outside = md.replace(block, "");
        assertEquals(1, outside.split("\n- verdict: ", -1).length - 1, "one verdict line outside it: " + md);
        assertFalse(outside.contains("<b>"), md);
        assertTrue(Files.readString(dir.resolve("gradcheck.html")).contains("&lt;b&gt;this&lt;/b&gt;"));
        assertTrue(run.out().contains("\n  | - verdict: **PASS**\n"), run.out());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aProgramThatStopsReadingIsReportedNotWaitedFor() throws IOException {
        Path dir = temp.resolve("deaf");
        // X alone is 50·400 numbers, several pipe buffers of JSON: the write itself blocks
        Run run = gradcheck(dir, "--impl", hostile("deaf"), "--timeout", "2000", "--sizes", "50-5-1", "--m", "400");
        assertEquals(1, run.exit(), run.out() + run.err());
        run.assertNoStackTrace();
        assertTrue(
                read(dir).get("error").asText().startsWith("the cost J(θ) failed: the implementation"),
                read(dir).get("error").asText());
    }

    @Test
    @Clause("BACKPROP-7")
    void anInfiniteGradientThroughTheProtocolFailsNamingTheEntry() throws IOException {
        Path dir = temp.resolve("inf");
        Run run = gradcheck(dir, "--impl", hostile("inf"));
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(
                run.out().contains("\nW2: the backward value at (0,1) is Infinity, not a finite number\n"), run.out());
        assertTrue(run.out().contains("FAIL (1 non-finite)"), run.out());
        JsonNode w2 = read(dir).get("blocks").get(2);
        assertEquals(1, w2.get("nonFinite").asInt());
        assertEquals("Infinity", w2.get("worst").get(0).get("analytic").asText());
        String html = Files.readString(dir.resolve("gradcheck.html"));
        assertFalse(html.contains("NaN") || html.contains("\"Infinity\""), "no NaN coordinate in the chart");
        assertTrue(html.contains("1 non-finite entry not drawn"));
    }

    @Test
    void aForgingNameIsEscapedInTheMarkdownAndOnTheTerminal() throws IOException {
        Path dir = temp.resolve("name");
        Run run = gradcheck(dir, "--impl", hostile("name"));
        assertEquals(0, run.exit(), run.out() + run.err());
        String first = run.out().lines().findFirst().orElseThrow();
        assertTrue(
                first.startsWith("evil ⏎ - verdict: **PASS**<script>alert(1)</script>```\\x1b[2J: network 4-5-1"),
                first);
        assertFalse(run.out().contains("\u001b"), run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("- verdict")), run.out());
        String md = Files.readString(dir.resolve("gradcheck.md"));
        assertTrue(
                md.contains("\n- implementation: "
                        + Untrusted.markdownLine(read(dir).get("implementation").asText()) + "\n"),
                md);
        assertFalse(md.contains("<script>") || md.contains("\u001b") || md.contains("\n- verdict: **PASS**<"), md);
        String html = Files.readString(dir.resolve("gradcheck.html"));
        assertFalse(html.contains("<script>"), html);
        assertEquals(
                "evil\n- verdict: **PASS**<script>alert(1)</script>```\u001b[2J",
                read(dir).get("implementation").asText(),
                "JSON keeps the name exactly, escaped by Jackson");
    }

    @Test
    void theHelpDocumentsTheExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine cli = Dlbasis.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("gradcheck", "--help"));
        assertTrue(out.toString().replaceAll("\\s+", " ").contains(ExitCode.DESCRIPTION), out.toString());
    }
}
