package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.tck.suite.Status;
import org.dlbasis.wire.JsonFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed golden files fail loudly with the file and the place; a wrong value fails with the numbers. */
class GoldenFileFormatTest {
    private static final String HEADER =
            "{\"format\": \"dlbasis-golden/1\", \"provenance\": {\"generator\": \"test\"}," + " \"cases\": [";
    private static final String CASE = "{\"id\": \"c1\", \"clauses\": [\"BCAST-2\"], \"op\": \"add\", \"params\": {},"
            + " \"inputs\": {\"a\": {\"shape\": [2], \"data\": [1, 2]}, \"b\": {\"shape\": [], \"data\": [10]}},"
            + " \"expected\": {\"out\": {\"shape\": [2], \"data\": [11, 12]}},"
            + " \"tolerance\": {\"class\": \"EXACT\", \"atol\": 0, \"rtol\": 0}}";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path p = dir.resolve("test.json");
        Files.writeString(p, text);
        return p;
    }

    private String failure(String text) throws IOException {
        Path p = write(text);
        return assertThrows(JsonFormatException.class, () -> GoldenFile.read(p)).getMessage();
    }

    @Test
    void aWellFormedFilePasses() throws IOException {
        GoldenFile f = GoldenFile.read(write(HEADER + CASE + "]}"));
        assertEquals(
                Status.PASS,
                GoldenRunner.run(new ReferenceImplementation(), f.cases().get(0))
                        .status());
    }

    @Test
    void aTruncatedFileNamesTheFileAndTheLine() throws IOException {
        String message = failure(HEADER + CASE.substring(0, 80));
        assertEquals(true, message.startsWith("test.json: malformed JSON at line 1, column "), message);
    }

    @Test
    void dataThatDoNotFitTheShapeAreAnError() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").expected.out.data: shape (2,) needs 2 values, found 3",
                failure(HEADER + CASE.replace("[11, 12]", "[11, 12, 13]") + "]}"));
    }

    @Test
    void aMissingFieldIsAnError() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\"): missing field \"tolerance\"",
                failure(HEADER + CASE.replace(", \"tolerance\": {\"class\": \"EXACT\", \"atol\": 0, \"rtol\": 0}", "")
                        + "]}"));
    }

    @Test
    void anUnknownOperationIsAnErrorNotASkip() throws IOException {
        assertTrue(failure(HEADER + CASE.replace("\"add\"", "\"plus\"") + "]}")
                .startsWith("test.json: $.cases[0] (\"c1\").op: unknown operation \"plus\" (the operations are: add "));
    }

    @Test
    void anEmptyCaseListIsAnError() throws IOException {
        assertEquals("test.json: $.cases: expected a non-empty array", failure(HEADER + "]}"));
    }

    @Test
    void aNonNumberIsAnError() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").expected.out.data[1]: expected a number, \"NaN\", \"Infinity\" or "
                        + "\"-Infinity\", found string \"12\"",
                failure(HEADER + CASE.replace("[11, 12]", "[11, \"12\"]") + "]}"));
    }

    @Test
    void aWrongValueFailsWithFileCaseIndexExpectedActualAndTolerance() throws IOException {
        GoldenFile f = GoldenFile.read(write(HEADER + CASE.replace("[11, 12]", "[11, 12.5]") + "]}"));
        CaseResult r = GoldenRunner.run(new ReferenceImplementation(), f.cases().get(0));
        assertEquals(Status.FAIL, r.status());
        assertEquals(
                "test.json case \"c1\" (add): output \"out\" at index (1): expected 12.5, actual 12.0, |diff| 0.5 "
                        + "> allowed 0.0 under EXACT (atol 0.0, rtol 0.0)\n"
                        + "inputs {\"a\":{\"shape\":[2],\"data\":[1,2]},\"b\":{\"shape\":[],\"data\":[10]}}",
                r.detail());
    }
}
