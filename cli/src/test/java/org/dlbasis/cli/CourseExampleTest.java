package org.dlbasis.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course-style example written with the Python kit (adapters/course): a real implementation's
 * shape, judged fairly. It declares what it has (two hidden activations, one output unit, no
 * validation), so it gets PASS or NOT_IMPLEMENTED and never an ERROR; each of the course's two
 * saturation slips, planted back, is a FAIL with a diagnosis at the clauses that own it.
 */
class CourseExampleTest {
    private static final Path ROOT = Paths.get(System.getProperty("dlbasis.root", ".."));
    private static final String COURSE = "python3 " + ROOT.resolve("adapters/course/course_adapter.py");

    @TempDir
    Path reports;

    private int conform(String impl) {
        List<String> all = new ArrayList<>(List.of("conform", "--quiet", "--report", reports.toString()));
        all.addAll(List.of("--impl", "cmd:" + impl, "--examples", "20"));
        return Dlbasis.commandLine().execute(all.toArray(new String[0]));
    }

    private JsonNode report() throws IOException {
        return ReportJson.report(reports);
    }

    private JsonNode clause(String id) throws IOException {
        return ReportJson.clause(reports, id);
    }

    @Test
    void theCourseExampleConformsWithNoErrorAndNoFailure() throws IOException {
        assertEquals(0, conform(COURSE));
        JsonNode counts = report().get("counts");
        assertEquals(0, counts.get("ERROR").asInt(), counts::toString);
        assertEquals(0, counts.get("FAIL").asInt(), counts::toString);
        assertEquals("PASS", clause("DEEP-7").get("status").asText());
        assertEquals("NOT_IMPLEMENTED", clause("BCAST-1").get("status").asText());
        assertThat(report().get("verdict").asText(), containsString("CONFORMS"));
    }

    @Test
    void theCoursesDaLFormulaFailsAtSaturationWithItsDiagnosis() throws IOException {
        assertEquals(1, conform("DLBASIS_COURSE_BREAK=saturation " + COURSE));
        for (String id : List.of("BACKPROP-8", "DEEP-7")) {
            assertEquals("FAIL", clause(id).get("status").asText(), id);
            assertThat(id, clause(id).get("reason").asText(), containsString("is 0/0 once σ rounds to 1"));
        }
        assertEquals("PASS", clause("LOSS-5").get("status").asText(), "the cost is not what was planted");
        assertEquals(0, report().get("counts").get("ERROR").asInt());
    }

    @Test
    void theCoursesCostFromProbabilitiesFailsAtSaturationWithItsDiagnosis() throws IOException {
        assertEquals(1, conform("DLBASIS_COURSE_BREAK=cost " + COURSE));
        assertEquals("FAIL", clause("LR-2").get("status").asText());
        for (String id : List.of("BACKPROP-8", "DEEP-7")) {
            assertEquals("FAIL", clause(id).get("status").asText(), id);
            assertThat(id, clause(id).get("reason").asText(), containsString("0·log 0 was evaluated"));
        }
        assertEquals(0, report().get("counts").get("ERROR").asInt());
    }
}
