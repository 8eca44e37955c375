package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlbasis.wire.JsonFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field of a golden file is checked when the file is read, before any case runs: a corrupt
 * input, parameter, expected value, error or tolerance is the file's fault (JsonFormatException,
 * exit 2 in the CLI) naming the file and the JSON path, never passed to an implementation and
 * blamed on it (issue 11, point 5).
 */
class GoldenFileValidationTest {
    private static final String HEADER =
            "{\"format\": \"dlbasis-golden/1\", \"provenance\": {\"generator\": \"test\"}," + " \"cases\": [";
    private static final String ADD = "{\"id\": \"c1\", \"clauses\": [\"BCAST-2\"], \"op\": \"add\", \"params\": {},"
            + " \"inputs\": {\"a\": {\"shape\": [2], \"data\": [1, 2]}, \"b\": {\"shape\": [], \"data\": [10]}},"
            + " \"expected\": {\"out\": {\"shape\": [2], \"data\": [11, 12]}},"
            + " \"tolerance\": {\"class\": \"EXACT\", \"atol\": 0, \"rtol\": 0}}";
    private static final String ERROR = "{\"id\": \"e1\", \"clauses\": [\"BCAST-3\"], \"op\": \"add\", \"params\": {},"
            + " \"inputs\": {\"a\": {\"shape\": [2], \"data\": [1, 2]}, \"b\": {\"shape\": [3], \"data\": [1, 2, 3]}},"
            + " \"error\": {\"kind\": \"SHAPE_MISMATCH\"}}";
    private static final String SUM = "{\"id\": \"s1\", \"clauses\": [\"ARR-6\"], \"op\": \"sum\","
            + " \"params\": {\"axis\": null, \"keepdims\": false},"
            + " \"inputs\": {\"a\": {\"shape\": [3], \"data\": [1, 2, 4]}},"
            + " \"expected\": {\"out\": {\"shape\": [], \"data\": [7]}},"
            + " \"tolerance\": {\"class\": \"SUM(3)\", \"atol\": 2.3e-15, \"rtol\": 1.1102230246251565e-16}}";
    private static final String NET = "{\"id\": \"n1\", \"clauses\": [\"NET-3\"], \"op\": \"net_cost\","
            + " \"params\": {\"activation\": \"leaky_relu\", \"parameter\": 0.1},"
            + " \"inputs\": {\"params\": {\"w1\": {\"shape\": [1, 1], \"data\": [0.5]}, \"b1\": {\"shape\": [1, 1],"
            + " \"data\": [0]}, \"w2\": {\"shape\": [1, 1], \"data\": [1]}, \"b2\": {\"shape\": [1, 1], \"data\": [0]}},"
            + " \"x\": {\"shape\": [1, 1], \"data\": [2]}, \"y\": {\"shape\": [1, 1], \"data\": [1]}},"
            + " \"expected\": {\"out\": 0.31326168751822286},"
            + " \"tolerance\": {\"class\": \"MODEL\", \"atol\": 1e-12, \"rtol\": 1e-10}}";

    @TempDir
    Path dir;

    /** The message of the JsonFormatException reading a file of {@code cases} throws (nothing else may be thrown). */
    private String failure(String... cases) throws IOException {
        Path p = dir.resolve("test.json");
        Files.writeString(p, HEADER + String.join(", ", cases) + "]}");
        return assertThrows(JsonFormatException.class, () -> GoldenFile.read(p)).getMessage();
    }

    private static String with(String c, String from, String to) {
        assertTrue(c.contains(from), from);
        return c.replace(from, to);
    }

    @Test
    void theWellFormedCasesOfTheseTestsAreAccepted() throws IOException {
        Path p = dir.resolve("ok.json");
        Files.writeString(p, HEADER + String.join(", ", ADD, ERROR, SUM, NET) + "]}");
        assertEquals(4, GoldenFile.read(p).cases().size());
    }

    // ---------------------------------------------------------------- corrupt inputs

    @Test
    void aShapeGivenAsAStringIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").inputs.a.shape: expected an array of non-negative integers, "
                        + "found string \"2\"",
                failure(with(
                        ADD,
                        "\"shape\": [2], \"data\": [1, 2]}, \"b\"",
                        "\"shape\": \"2\", \"data\": [1, 2]}, \"b\"")));
    }

    @Test
    void aLowerCaseNanIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").inputs.a.data[1]: expected a number, \"NaN\", \"Infinity\" or "
                        + "\"-Infinity\", found string \"nan\"",
                failure(with(ADD, "\"data\": [1, 2]}, \"b\"", "\"data\": [1, \"nan\"]}, \"b\"")));
    }

    @Test
    void inputDataLongerThanTheShapeAreTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").inputs.a.data: shape (2,) needs 2 values, found 3",
                failure(with(ADD, "\"data\": [1, 2]}, \"b\"", "\"data\": [1, 2, 3]}, \"b\"")));
    }

    @Test
    void aNegativeDimensionIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").inputs.b.shape[0]: expected a non-negative integer, found -1",
                failure(with(ADD, "\"shape\": [], \"data\": [10]", "\"shape\": [-1], \"data\": [10]")));
    }

    @Test
    void anAbsurdShapeIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").inputs.a.shape[0]: dimension 2147483647 is larger than the "
                        + "limit of 16777216 elements",
                failure(with(
                        ADD,
                        "\"shape\": [2], \"data\": [1, 2]}, \"b\"",
                        "\"shape\": [2147483647, 2147483647], \"data\": [1, 2]}, \"b\"")));
    }

    @Test
    void aMissingOrUnknownInputIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").inputs: missing field \"b\"",
                failure(with(ADD, ", \"b\": {\"shape\": [], \"data\": [10]}", "")));
        assertEquals(
                "test.json: $.cases[0] (\"c1\").inputs.c: \"add\" has no input \"c\" (expected: a, b)",
                failure(with(ADD, "\"b\": {", "\"c\": {")));
    }

    @Test
    void aNestedInputIsDecodedToo() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"n1\").inputs.params.w2.data[0]: expected a number, \"NaN\", "
                        + "\"Infinity\" or \"-Infinity\", found boolean true",
                failure(with(NET, "\"data\": [1]}, \"b2\"", "\"data\": [true]}, \"b2\"")));
    }

    @Test
    void theLastCaseIsCheckedBeforeTheFirstRuns() throws IOException {
        assertEquals(
                "test.json: $.cases[1] (\"e1\").inputs.b.data: shape (3,) needs 3 values, found 2",
                failure(ADD, with(ERROR, "[1, 2, 3]", "[1, 2]")));
    }

    // ---------------------------------------------------------------- parameters and operations

    @Test
    void anUnknownOperationIsTheFilesFault() throws IOException {
        assertTrue(
                failure(with(ADD, "\"add\"", "\"plus\""))
                        .startsWith(
                                "test.json: $.cases[0] (\"c1\").op: unknown operation \"plus\" (the operations are: add subtract "));
    }

    @Test
    void parametersHaveTheirTypes() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"s1\").params.keepdims: expected true or false, found \"no\"",
                failure(with(SUM, "\"keepdims\": false", "\"keepdims\": \"no\"")));
        assertEquals(
                "test.json: $.cases[0] (\"s1\").params.axis: expected null or an integer, found 0.5",
                failure(with(SUM, "\"axis\": null", "\"axis\": 0.5")));
        assertEquals(
                "test.json: $.cases[0] (\"c1\").params.axis: \"add\" has no parameter \"axis\" (it takes none)",
                failure(with(ADD, "\"params\": {}", "\"params\": {\"axis\": 0}")));
        assertEquals(
                "test.json: $.cases[0] (\"n1\").params: missing field \"parameter\"",
                failure(with(NET, ", \"parameter\": 0.1", "")));
    }

    @Test
    void anActivationMustBeOneTheApiCanExpress() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"n1\").params.activation: expected one of [sigmoid, tanh, relu, "
                        + "leaky_relu, elu, linear], found \"swish\"",
                failure(with(NET, "\"leaky_relu\"", "\"swish\"")));
        assertEquals(
                "test.json: $.cases[0] (\"n1\").params: not an activation the API can express: Leaky ReLU slope "
                        + "must be in [0, 1), found 2.0",
                failure(with(NET, "\"parameter\": 0.1", "\"parameter\": 2")));
    }

    @Test
    void clausesMustExistInTheSpec() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").clauses[0]: SPEC.md has no clause \"BCAST-99\"",
                failure(with(ADD, "BCAST-2", "BCAST-99")));
        assertEquals(
                "test.json: $.cases[0] (\"c1\").clauses: expected a non-empty array of clause IDs, found []",
                failure(with(ADD, "[\"BCAST-2\"]", "[]")));
    }

    // ---------------------------------------------------------------- expected values and errors

    @Test
    void anUnknownOutputIsTheFilesFaultNotAMissingOutputOfTheImplementation() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").expected.result: \"add\" has no output \"result\" (its outputs: "
                        + "out)",
                failure(with(ADD, "\"expected\": {\"out\"", "\"expected\": {\"result\"")));
    }

    @Test
    void anUnknownErrorKindIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"e1\").error.kind: unknown error kind \"BROADCAST_ERROR\" (the kinds "
                        + "are: SHAPE_MISMATCH, AXIS_OUT_OF_BOUNDS, NON_FINITE, INVALID_LABEL, EMPTY_INPUT, INVALID_ARGUMENT)",
                failure(with(ERROR, "SHAPE_MISMATCH", "BROADCAST_ERROR")));
    }

    @Test
    void aCaseExpectsAnErrorOrOutputsNotBoth() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"e1\"): a case has either \"error\" or \"expected\" and \"tolerance\", "
                        + "not both",
                failure(with(ERROR, "\"error\"", "\"expected\": {\"out\": 1}, \"error\"")));
    }

    @Test
    void anUnknownFieldIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\"): unknown field \"tolerence\" (allowed: id, clauses, op, params, "
                        + "inputs, expected, tolerance, error)",
                failure(with(ADD, "\"params\"", "\"tolerence\": {}, \"params\"")));
    }

    @Test
    void aTensorHasOnlyShapeAndData() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").inputs.b: unknown field \"dtype\" (allowed: shape, data)",
                failure(with(
                        ADD, "\"shape\": [], \"data\": [10]", "\"shape\": [], \"data\": [10], \"dtype\": \"int8\"")));
    }

    @Test
    void aDuplicateKeyOrTrailingTextIsMalformedJson() throws IOException {
        assertTrue(failure(with(ADD, "\"params\": {}", "\"params\": {}, \"params\": {}"))
                .startsWith("test.json: malformed JSON at line 1, column "));
        Path p = dir.resolve("trailing.json");
        Files.writeString(p, HEADER + ADD + "]} {}");
        assertTrue(assertThrows(JsonFormatException.class, () -> GoldenFile.read(p))
                .getMessage()
                .startsWith("trailing.json: malformed JSON at line 1, column "));
    }

    // ---------------------------------------------------------------- tolerances

    @Test
    void anUnknownToleranceClassIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").tolerance.class: unknown tolerance class \"CLOSE\" (a golden case "
                        + "uses EXACT, ELEM, DERIV, LOSS, MODEL, TRAJ or SUM(n), SPEC.md, Tolerance model)",
                failure(with(ADD, "\"EXACT\"", "\"CLOSE\"")));
    }

    @Test
    void aNegativeAtolIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").tolerance.atol: expected a finite number ≥ 0, found -1.0",
                failure(with(ADD, "\"atol\": 0", "\"atol\": -1")));
    }

    @Test
    void aNonFiniteAtolOrRtolIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").tolerance.rtol: expected a finite number ≥ 0, found \"Infinity\"",
                failure(with(ADD, "\"rtol\": 0", "\"rtol\": \"Infinity\"")));
        assertEquals(
                "test.json: $.cases[0] (\"c1\").tolerance.atol: a JSON number that is not a finite float64 (read "
                        + "as Infinity); NaN and the infinities are written as the strings \"NaN\", \"Infinity\" and "
                        + "\"-Infinity\"",
                failure(with(ADD, "\"atol\": 0", "\"atol\": 1e400")));
    }

    @Test
    void anAbsurdAtolIsTheFilesFault() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"c1\").tolerance: class EXACT has atol 0.0 and rtol 0.0 (SPEC.md, "
                        + "Tolerance model), found atol 1.0E308 and rtol 0.0",
                failure(with(ADD, "\"atol\": 0", "\"atol\": 1e308")));
        assertEquals(
                "test.json: $.cases[0] (\"n1\").tolerance: class MODEL has atol 1.0E-12 and rtol 1.0E-10 (SPEC.md, "
                        + "Tolerance model), found atol 1.0E-12 and rtol 0.5",
                failure(with(NET, "\"rtol\": 1e-10", "\"rtol\": 0.5")));
    }

    @Test
    void aSumToleranceIsBoundedByTheCasesOwnData() throws IOException {
        assertEquals(
                "test.json: $.cases[0] (\"s1\").tolerance.atol: SUM(3) allows at most γₙ·Σ|terms| ≤ "
                        + "2.333799820064542E-15 for these inputs, found 1.0",
                failure(with(SUM, "\"atol\": 2.3e-15", "\"atol\": 1")));
        assertEquals(
                "test.json: $.cases[0] (\"s1\").tolerance.class: SUM(3000000) must name the number of summed "
                        + "terms, 3 for these inputs",
                failure(with(SUM, "SUM(3)", "SUM(3000000)")));
        assertEquals(
                "test.json: $.cases[0] (\"s1\").tolerance.rtol: SUM(n) has rtol 0 or u = 2^-53 (the rounding of "
                        + "the expected value), found 0.1",
                failure(with(SUM, "\"rtol\": 1.1102230246251565e-16", "\"rtol\": 0.1")));
        assertEquals(
                "test.json: $.cases[0] (\"c1\").tolerance.class: SUM(2) is the class of sums and dot products, "
                        + "not of \"add\"",
                failure(with(ADD, "\"EXACT\"", "\"SUM(2)\"")));
    }
}
