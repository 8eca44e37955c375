package org.dlbasis.runner.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.dlbasis.wire.Json;
import org.junit.jupiter.api.Test;

/**
 * spec/schema/conformance-report.schema.json against reports that {@link
 * org.dlbasis.runner.report.ReportWriter} really wrote ({@link Recordings}): every verdict, and
 * every clause status in clauses, properties and golden cases.
 */
class ReportSchemaTest {
    @Test
    void everyReportIsValidAndTheyCoverEveryVerdictAndStatus() throws IOException {
        Set<String> verdicts = new TreeSet<>();
        Set<String> clauseStatuses = new TreeSet<>();
        Set<String> propertyStatuses = new TreeSet<>();
        Set<String> goldenStatuses = new TreeSet<>();
        for (Path report : Recordings.get().reports) {
            String text = Files.readString(report);
            Schemas.assertValid(Schemas.REPORT, text, report.toString());
            JsonNode doc = Json.MAPPER.readTree(text);
            verdicts.add(doc.get("verdict").asText());
            for (JsonNode clause : doc.get("clauses")) {
                clauseStatuses.add(clause.get("status").asText());
                clause.get("properties")
                        .forEach(p -> propertyStatuses.add(p.get("status").asText()));
                clause.get("golden")
                        .forEach(g -> goldenStatuses.add(g.get("status").asText()));
            }
        }
        assertEquals(Set.of("CONFORMS", "DOES_NOT_CONFORM", "NOTHING_CHECKED", "INCOMPLETE"), verdicts);
        assertEquals(Set.of("PASS", "NOT_VERIFIED", "NOT_IMPLEMENTED", "FAIL", "ERROR"), clauseStatuses);
        assertTrue(
                propertyStatuses.containsAll(Set.of("PASS", "NOT_IMPLEMENTED", "FAIL", "ERROR")),
                "property statuses: " + propertyStatuses);
        assertTrue(
                goldenStatuses.containsAll(Set.of("PASS", "NOT_IMPLEMENTED", "FAIL", "ERROR")),
                "golden statuses: " + goldenStatuses);
    }

    private static ObjectNode brokenReport() throws IOException {
        for (Path report : Recordings.get().reports) {
            if (report.getParent().getFileName().toString().equals("broken")) {
                return (ObjectNode) Json.MAPPER.readTree(report.toFile());
            }
        }
        throw new AssertionError("no broken report");
    }

    private static ObjectNode clause(ObjectNode report, String status) {
        for (JsonNode c : report.get("clauses")) {
            if (c.get("status").asText().equals(status)) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no " + status + " clause");
    }

    @Test
    void reportsTheWriterNeverWritesAreInvalid() throws IOException {
        ObjectNode r = brokenReport();
        Schemas.assertValid(Schemas.REPORT, r.toString(), "the broken report");
        Schemas.assertInvalid(
                Schemas.REPORT,
                r.deepCopy().put("conforms", true).toString(),
                "conforms true with verdict DOES_NOT_CONFORM");
        Schemas.assertInvalid(
                Schemas.REPORT, r.deepCopy().put("complete", false).toString(), "complete false with a final verdict");
        Schemas.assertInvalid(
                Schemas.REPORT, r.deepCopy().put("verdict", "PASSES").toString(), "an unknown verdict");
        Schemas.assertInvalid(
                Schemas.REPORT,
                r.deepCopy().put("format", "dlbasis-conformance-report/2").toString(),
                "another format");
        ObjectNode copy = r.deepCopy();
        ((ObjectNode) copy.get("counts")).remove("ERROR");
        Schemas.assertInvalid(Schemas.REPORT, copy.toString(), "counts without ERROR");
        copy = r.deepCopy();
        clause(copy, "FAIL").put("status", "BROKEN");
        Schemas.assertInvalid(Schemas.REPORT, copy.toString(), "an unknown clause status");
        copy = r.deepCopy();
        clause(copy, "PASS").put("reason", "a reason for a pass");
        Schemas.assertInvalid(Schemas.REPORT, copy.toString(), "a PASS with a reason");
        copy = r.deepCopy();
        ((ObjectNode) ((ArrayNode) clause(copy, "FAIL").get("properties")).get(0)).remove("seed");
        Schemas.assertInvalid(Schemas.REPORT, copy.toString(), "a property outcome without its seed");
        copy = r.deepCopy();
        copy.put("extra", 1);
        Schemas.assertInvalid(Schemas.REPORT, copy.toString(), "an unknown member");
    }
}
