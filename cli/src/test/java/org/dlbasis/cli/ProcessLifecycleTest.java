package org.dlbasis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.dlbasis.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner as an operating-system process: a run that is terminated leaves a partial report
 * marked incomplete and no process behind; two first runs of {@code ./dlbasis} do not build at the
 * same time.
 */
class ProcessLifecycleTest {
    private static final Path ROOT =
            Paths.get(System.getProperty("dlbasis.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static List<ProcessHandle> withMarker(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .toList();
    }

    @Test
    @Timeout(120)
    void aTerminatedRunLeavesAnIncompleteReportAndNoProcess() throws Exception {
        String marker = "dlbasis-hostile-" + UUID.randomUUID();
        Path report = dir.resolve("r");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process runner = new ProcessBuilder(
                        java,
                        "-Ddlbasis.root=" + ROOT,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Dlbasis.class.getName(),
                        "conform",
                        "--quiet",
                        "--no-golden",
                        "--report",
                        report.toString(),
                        "--impl",
                        "cmd:DLBASIS_ROOT=" + ROOT + " python3 "
                                + ROOT.resolve("cli/src/test/resources/hostile/hostile.py") + " slow " + marker)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("runner.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(report.resolve("report.json"))
                || withMarker(marker).size() < 2) {
            assertTrue(
                    runner.isAlive() && System.nanoTime() < deadline,
                    "the run should still be going: " + Files.readString(dir.resolve("runner.log")));
            Thread.sleep(100);
        }
        runner.destroy(); // SIGTERM: the same shutdown path as Ctrl-C's SIGINT
        assertTrue(runner.waitFor(30, TimeUnit.SECONDS), "the runner ends");
        assertEquals(128 + 15, runner.exitValue());
        JsonNode r = Json.MAPPER.readTree(Files.readString(report.resolve("report.json")));
        assertEquals("INCOMPLETE", r.get("verdict").asText());
        assertFalse(r.get("complete").asBoolean());
        assertFalse(r.get("conforms").asBoolean());
        assertTrue(Files.readString(dir.resolve("runner.log")).contains("interrupted; the partial report"));
        Thread.sleep(500);
        assertEquals(
                List.of(),
                withMarker(marker).stream()
                        .map(p -> p.info().commandLine().orElse(""))
                        .toList(),
                "no process of the implementation survives");
    }

    /**
     * The launcher with a fake {@code mvn} that records overlapping builds and a fake {@code java}:
     * two first runs at once build once, one after the other.
     */
    @Test
    @Timeout(60)
    void twoFirstRunsOfTheLauncherDoNotBuildAtOnce() throws Exception {
        Path clone = dir.resolve("clone");
        Files.createDirectories(clone.resolve("cli/target"));
        for (String d : List.of("spec", "reference", "properties")) {
            Files.createDirectories(clone.resolve(d));
        }
        Files.writeString(clone.resolve("pom.xml"), "<project/>");
        Files.copy(ROOT.resolve("dlbasis"), clone.resolve("dlbasis"));
        clone.resolve("dlbasis").toFile().setExecutable(true);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("builds.log");
        script(
                bin.resolve("mvn"),
                "if [ -e \"" + dir + "/building\" ]; then echo RACE >> \"" + log + "\"; fi\n"
                        + "touch \"" + dir + "/building\"; echo build >> \"" + log + "\"; sleep 1\n"
                        + "touch \"" + clone + "/cli/target/dlbasis-cli.jar\"; rm \"" + dir + "/building\"\n");
        script(bin.resolve("java"), "echo ran\n");
        String path = bin + File.pathSeparator + System.getenv("PATH");
        Process a = launcher(clone, path);
        Process b = launcher(clone, path);
        assertTrue(a.waitFor(30, TimeUnit.SECONDS) && b.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue());
        assertEquals(0, b.exitValue());
        assertEquals(List.of("build"), Files.readAllLines(log), "one build, no overlap");
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        file.toFile().setExecutable(true);
    }

    private static Process launcher(Path clone, String path) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(clone.resolve("dlbasis").toString(), "--version");
        pb.environment().put("PATH", path);
        return pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
