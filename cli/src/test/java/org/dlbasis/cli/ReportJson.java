package org.dlbasis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlbasis.wire.Json;

/** Reads back the {@code report.json} a conform run wrote, for the end-to-end tests. */
final class ReportJson {
    private ReportJson() {}

    /** The whole report in {@code dir}. */
    static JsonNode report(Path dir) throws IOException {
        return Json.MAPPER.readTree(Files.readString(dir.resolve("report.json")));
    }

    /** The clause {@code id} of the report in {@code dir}; an AssertionError if it is missing. */
    static JsonNode clause(Path dir, String id) throws IOException {
        for (JsonNode c : report(dir).get("clauses")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no clause " + id + " in the report");
    }
}
