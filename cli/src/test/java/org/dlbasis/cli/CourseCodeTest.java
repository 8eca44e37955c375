package org.dlbasis.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --impl course:<file>}: the course solutions written for the tests
 * (adapters/python/tests/course/) as they are. A correct solution FAILs only the clauses the
 * course's own formulas fail, which the loader names once; each common slip is a FAIL of the clause
 * that owns it; a file that cannot be checked is one line and exit 2; no process outlives a run.
 */
class CourseCodeTest {
    private static final Path ROOT =
            Paths.get(System.getProperty("dlbasis.root", "..")).toAbsolutePath().normalize();
    private static final Path COURSE = ROOT.resolve("adapters/python/tests/course");

    @TempDir
    Path dir;

    private final String marker = "dlbasis-course-" + UUID.randomUUID();
    private String err;

    private int conform(String files, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "conform", "--quiet", "--report", dir.resolve("report").toString(), "--impl", "course:" + files));
        all.addAll(List.of(args));
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            var cli = Dlbasis.commandLine();
            cli.setErr(new PrintWriter(System.err, true));
            return cli.execute(all.toArray(new String[0]));
        } finally {
            System.setErr(savedErr);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private JsonNode clause(String id) throws IOException {
        return ReportJson.clause(dir.resolve("report"), id);
    }

    private Set<String> failing() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (JsonNode c : ReportJson.report(dir.resolve("report")).get("clauses")) {
            String status = c.get("status").asText();
            if (status.equals("FAIL") || status.equals("ERROR")) {
                ids.add(c.get("id").asText() + " " + status);
            }
        }
        return ids;
    }

    private Path slip(String fixture, String from, String to) throws IOException {
        String text = Files.readString(COURSE.resolve(fixture));
        assertTrue(text.contains(from), from);
        Path file = dir.resolve("slip-" + fixture);
        Files.writeString(file, text.replace(from, to).replace("assert(isinstance(cost, float))", "pass"));
        return file;
    }

    private static List<ProcessHandle> withMarker(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .toList();
    }

    @AfterEach
    void noProcessSurvives() throws InterruptedException {
        for (int i = 0; i < 50 && withMarker(marker).size() > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), withMarker(marker), "processes left behind");
    }

    @Test
    void aCorrectWeek4NotebookFailsOnlyWhereTheCoursesFormulasDoAndIsToldSoOnce() throws IOException {
        assertEquals(
                ExitCode.DOES_NOT_CONFORM,
                conform(COURSE.resolve("week4_v1.ipynb").toString(), "--examples", "20"));
        assertEquals(
                Set.of("NET-3 FAIL", "BACKPROP-1 FAIL", "BACKPROP-8 FAIL", "DEEP-3 FAIL", "DEEP-4 FAIL", "DEEP-7 FAIL"),
                failing());
        assertEquals("PASS", clause("DEEP-5").get("status").asText());
        assertThat(
                err,
                containsString("course: note: the course's own formulas FAIL NET-3, BACKPROP-1, BACKPROP-8, "
                        + "DEEP-3, DEEP-4, DEEP-7 with NaN once sigma rounds to 0 or 1"));
        assertEquals(1, err.split("course: note:", -1).length - 1, err);
    }

    @Test
    void week2AndAWeek3NotebookOfTheOldSignaturesTogether() throws IOException {
        String files = COURSE.resolve("week2.py") + ":" + COURSE.resolve("week3_v1.ipynb");
        assertEquals(ExitCode.DOES_NOT_CONFORM, conform(files, "--examples", "20", "--clauses", "LR,GD,NET,BACKPROP"));
        assertEquals(Set.of("LR-2 FAIL", "LR-5 FAIL", "GD-5 FAIL", "NET-3 FAIL", "BACKPROP-8 FAIL"), failing());
        assertEquals("PASS", clause("BACKPROP-4").get("status").asText());
        assertThat(err, containsString("course: warning: skipped 4 statements: they call the course's helper files"));
        assertThat(err, containsString("course: lr_forward: your sigmoid(np.dot(w.T, X) + b)"));
    }

    @Test
    void eachCommonSlipFailsTheClauseThatOwnsIt() throws IOException {
        String[][] slips = {
            {
                "db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)",
                "db2 = (1 / m) * np.sum(dZ2, axis=1)",
                "BACKPROP-3",
                "shape was (1,), expected (1,1)"
            },
            {"1 - np.power(A1, 2)", "1 - A1", "BACKPROP-4", "dW1 = (1/m) dZ1 Xᵀ (tanh)"},
            {"dW2 = (1 / m) * np.dot(dZ2, A1.T)", "dW2 = np.dot(dZ2, A1.T)", "BACKPROP-2", "dW2"},
            {"dZ2 = A2 - Y", "dZ2 = Y - A2", "BACKPROP-1", "a flipped sign (−1 × the expected)"},
            {
                "cost = np.squeeze(cost)",
                "cost = np.array(cost).reshape(1, 1)",
                "NET-2",
                "cost has shape (1,1) where () is expected"
            },
        };
        for (String[] s : slips) {
            Path file = slip("week3_v1.ipynb", s[0], s[1]);
            assertEquals(
                    ExitCode.DOES_NOT_CONFORM, conform(file.toString(), "--examples", "10", "--clauses", s[2]), s[1]);
            assertEquals("FAIL", clause(s[2]).get("status").asText(), s[1]);
            assertThat(s[1], clause(s[2]).get("reason").asText(), containsString(s[3]));
        }
    }

    /** Week 3's forward and backward propagation as the course writes them, db2 without keepdims. */
    private static final String KEEPDIMS_SLIP = String.join(
            "\n",
            "import numpy as np",
            "def forward_propagation(X, parameters):",
            "    W1, b1, W2, b2 = parameters['W1'], parameters['b1'], parameters['W2'], parameters['b2']",
            "    Z1 = np.dot(W1, X) + b1",
            "    A1 = np.tanh(Z1)",
            "    Z2 = np.dot(W2, A1) + b2",
            "    A2 = 1 / (1 + np.exp(-Z2))",
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}",
            "def backward_propagation(parameters, cache, X, Y):",
            "    m = X.shape[1]",
            "    W2, A1, A2 = parameters['W2'], cache['A1'], cache['A2']",
            "    dZ2 = A2 - Y",
            "    dW2 = (1 / m) * np.dot(dZ2, A1.T)",
            "    db2 = (1 / m) * np.sum(dZ2, axis=1)",
            "    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))",
            "    dW1 = (1 / m) * np.dot(dZ1, X.T)",
            "    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)",
            "    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}",
            "");

    @Test
    void aFailureReadsInTheStudentsTermsWithAReproducerThatPrintsTheWrongShape()
            throws IOException, InterruptedException {
        Path file = dir.resolve("keepdims.py");
        Files.writeString(file, KEEPDIMS_SLIP);
        assertEquals(ExitCode.DOES_NOT_CONFORM, conform(file.toString(), "--examples", "5", "--clauses", "BACKPROP-3"));
        String reason = clause("BACKPROP-3").get("reason").asText();
        assertThat(reason, containsString("shape was (1,), expected (1,1)"));
        assertThat(reason, containsString("after the call grads = backward_propagation(parameters, cache, X, Y)"));
        String marker = "to reproduce it, after your code: ";
        String found =
                reason.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        String line = found.substring(found.indexOf(marker) + marker.length());
        assertThat(line, containsString("X = np.array([["));
        Process p = new ProcessBuilder("python3", "-c", "exec(open(" + pythonString(file) + ").read())\n" + line)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertThat(out, containsString("grads[\"db2\"] (1,)"));
        assertThat(out, containsString("grads[\"dW2\"] (1, "));
    }

    private static String pythonString(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void aFileThatCannotBeCheckedIsOneLineAndExit2() throws IOException {
        Files.writeString(dir.resolve("broken.ipynb"), "{\"cells\": [");
        Files.writeString(dir.resolve("old.ipynb"), "{\"nbformat\": 3, \"worksheets\": []}");
        Files.writeString(dir.resolve("none.py"), "def f(x):\n    return x\n");
        String[][] cases = {
            {"broken.ipynb", "broken.ipynb: not a notebook: not valid JSON"},
            {"old.ipynb", "old.ipynb: a notebook of nbformat 3; the loader reads nbformat 4"},
            {"none.py", "none.py: defines none of the course's functions"},
        };
        for (String[] c : cases) {
            assertEquals(ExitCode.USAGE, conform(dir.resolve(c[0]).toString()), err);
            assertThat(err, containsString(c[1]));
            assertEquals(
                    1, err.strip().lines().filter(l -> l.startsWith("dlbasis:")).count(), err);
            assertTrue(!err.contains("Traceback") && !err.contains("\tat "), err);
        }
        assertEquals(ExitCode.USAGE, conform(dir.resolve("missing.ipynb").toString()), err);
        assertThat(err, containsString("--impl course: no such file: "));
    }

    @Test
    void hostileStatementsAreSkippedWithAWarningAndNothingSurvives() throws IOException {
        String hostile = "import subprocess, threading, time\n"
                + "subprocess.Popen(['sleep', '30', '" + marker + "'])\n"
                + "threading.Thread(target=lambda: time.sleep(30)).start()\n"
                + "import no_such_module_anywhere\n"
                + "print('x' * 3000000)\n"
                + "name = input('your name? ')\n"
                + "import sys\nsys.exit(3)\n";
        Files.writeString(dir.resolve("hostile.py"), hostile + Files.readString(COURSE.resolve("week3_v2.py")));
        assertEquals(ExitCode.CONFORMS, conform(dir.resolve("hostile.py").toString(), "--clauses", "BACKPROP-2"), err);
        assertThat(err, containsString("they call input(), which nothing answers here"));
        assertThat(err, containsString("they call sys.exit() or exit()"));
        assertThat(err, containsString("they import modules that are not installed"));
        assertEquals("PASS", clause("BACKPROP-2").get("status").asText());
    }
}
