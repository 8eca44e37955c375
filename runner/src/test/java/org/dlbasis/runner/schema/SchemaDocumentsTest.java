package org.dlbasis.runner.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dlbasis.golden.GoldenData;
import org.junit.jupiter.api.Test;

/** The schemas themselves: valid draft 2020-12 schemas, all of them listed, and linked from the documents. */
class SchemaDocumentsTest {
    @Test
    void everySchemaIsAValidDraft202012Schema() throws IOException {
        for (String file : Schemas.FILES) {
            Schemas.assertValid(Schemas.META, Files.readString(Schemas.DIRECTORY.resolve(file)), file);
            Schemas.get(file); // every $ref resolves
        }
    }

    @Test
    void theListIsEverySchemaOfTheFolder() throws IOException {
        try (Stream<Path> s = Files.list(Schemas.DIRECTORY)) {
            assertEquals(
                    new TreeSet<>(Schemas.FILES),
                    new TreeSet<>(s.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".schema.json"))
                            .toList()));
        }
    }

    @Test
    void theDocumentsLinkTheirSchemas() throws IOException {
        Path root = GoldenData.projectRoot();
        for (var doc : List.of(
                List.of(
                        "spec/PROTOCOL.md",
                        "schema/protocol-request.schema.json",
                        "schema/protocol-response.schema.json",
                        "schema/operations.schema.json",
                        "schema/tensor.schema.json"),
                List.of("spec/REPORT.md", "schema/conformance-report.schema.json"),
                List.of("golden-data/README.md", "../spec/schema/golden-file.schema.json"))) {
            String text = Files.readString(root.resolve(doc.get(0)));
            for (String link : doc.subList(1, doc.size())) {
                assertTrue(text.contains("(" + link + ")"), doc.get(0) + " links " + link);
            }
        }
    }
}
