package org.dlbasis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./dlbasis --version} prints the version of the pom it was built from; the expected value
 * comes from Maven (surefire sets {@code dlbasis.expectedVersion} to {@code ${project.version}} in
 * {@code cli/pom.xml}), never from a literal here.
 */
class VersionTest {
    private static String expected() {
        String v = System.getProperty("dlbasis.expectedVersion");
        assertNotNull(v, "dlbasis.expectedVersion is set by surefire in cli/pom.xml: run this test with Maven");
        return v;
    }

    @Test
    void versionPrintsThePomsVersion() {
        CommandLine cli = Dlbasis.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int status = cli.execute("--version");

        assertEquals(0, status, "exit status; stderr: " + err);
        assertEquals("dlbasis " + expected(), out.toString().strip());
        assertEquals("", err.toString());
    }

    @Test
    void theProviderReadsTheFilteredResource() {
        assertEquals(expected(), VersionProvider.version());
    }
}
