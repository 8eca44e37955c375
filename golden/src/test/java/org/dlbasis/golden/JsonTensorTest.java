package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.wire.Json;
import org.dlbasis.wire.JsonFormatException;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#toTensor}: every malformed tensor is a JsonFormatException naming the JSON path,
 * never another exception (golden files and protocol responses are decoded with it; the protocol
 * client reports it as the implementation's protocol error, the golden reader as the file's).
 */
class JsonTensorTest {
    /** A lenient parser, as another tool might use: it reads bare NaN and Infinity tokens. */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static JsonNode json(String text) {
        try {
            return LENIENT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String failure(String tensor) {
        JsonNode node = json(tensor);
        return assertThrows(JsonFormatException.class, () -> Json.toTensor(node, "outputs.out"))
                .getMessage();
    }

    @Test
    void wellFormedTensorsDecode() {
        Tensor t = Json.toTensor(json("{\"shape\": [2, 2], \"data\": [1, -0.0, \"NaN\", \"-Infinity\"]}"), "t");
        assertEquals(Shape.of(2, 2), t.shape());
        assertArrayEquals(new double[] {1, -0.0, Double.NaN, Double.NEGATIVE_INFINITY}, t.toArray());
        assertEquals(
                Shape.scalar(),
                Json.toTensor(json("{\"shape\": [], \"data\": [\"Infinity\"]}"), "t")
                        .shape());
        assertEquals(
                0, Json.toTensor(json("{\"shape\": [0, 3], \"data\": []}"), "t").size());
    }

    @Test
    void aTensorIsAnObjectWithShapeAndData() {
        assertEquals(
                "outputs.out: expected a tensor {\"shape\": [...], \"data\": [...]}, found array [1,2]",
                failure("[1, 2]"));
        assertEquals("outputs.out: missing field \"shape\"", failure("{\"data\": [1]}"));
        assertEquals("outputs.out: missing field \"data\"", failure("{\"shape\": [1]}"));
    }

    @Test
    void theShapeIsAnArrayOfNonNegativeIntegers() {
        assertEquals(
                "outputs.out.shape: expected an array of non-negative integers, found string \"2\"",
                failure("{\"shape\": \"2\", \"data\": [1, 2]}"));
        assertEquals(
                "outputs.out.shape[0]: expected a non-negative integer, found string \"2\"",
                failure("{\"shape\": [\"2\"], \"data\": [1, 2]}"));
        assertEquals(
                "outputs.out.shape[1]: expected a non-negative integer, found number 2.5",
                failure("{\"shape\": [1, 2.5], \"data\": [1, 2]}"));
        assertEquals(
                "outputs.out.shape[0]: expected a non-negative integer, found -2",
                failure("{\"shape\": [-2], \"data\": []}"));
        assertEquals(
                "outputs.out.shape[0]: expected a non-negative integer, found null",
                failure("{\"shape\": [null], \"data\": []}"));
    }

    @Test
    void anAbsurdShapeIsRejectedBeforeAnythingIsAllocated() {
        assertEquals(
                "outputs.out.shape[0]: dimension 2147483647 is larger than the limit of 16777216 elements",
                failure("{\"shape\": [2147483647, 2147483647], \"data\": []}"));
        assertEquals(
                "outputs.out.shape[1]: dimension 2147483647 is larger than the limit of 16777216 elements",
                failure("{\"shape\": [0, 2147483647], \"data\": []}"));
        assertEquals(
                "outputs.out.shape[0]: dimension 99999999999999999999999 is larger than the limit of 16777216 "
                        + "elements",
                failure("{\"shape\": [99999999999999999999999], \"data\": []}"));
        assertEquals(
                "outputs.out.shape: (65536,65536) has more than the limit of 16777216 elements",
                failure("{\"shape\": [65536, 65536], \"data\": []}"));
        assertEquals(
                "outputs.out.shape: 65 dimensions, more than the limit of 64",
                failure("{\"shape\": [" + "1, ".repeat(64) + "1], \"data\": [1]}"));
    }

    @Test
    void theDataAreAnArrayOfExactlyTheShapesSize() {
        assertEquals(
                "outputs.out.data: expected an array of numbers, found string \"1, 2\"",
                failure("{\"shape\": [2], \"data\": \"1, 2\"}"));
        assertEquals(
                "outputs.out.data: shape (2,) needs 2 values, found 3",
                failure("{\"shape\": [2], \"data\": [1, 2, 3]}"));
        assertEquals(
                "outputs.out.data: shape (2,3) needs 6 values, found 5",
                failure("{\"shape\": [2, 3], \"data\": [1, 2, 3, 4, 5]}"));
    }

    @Test
    void everyElementIsANumberOrOneOfThreeStrings() {
        String only = "expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", found ";
        assertEquals(
                "outputs.out.data[1]: " + only + "string \"nan\"", failure("{\"shape\": [2], \"data\": [1, \"nan\"]}"));
        assertEquals(
                "outputs.out.data[0]: " + only + "string \"inf\"", failure("{\"shape\": [1], \"data\": [\"inf\"]}"));
        assertEquals("outputs.out.data[0]: " + only + "null", failure("{\"shape\": [1], \"data\": [null]}"));
        assertEquals("outputs.out.data[0]: " + only + "boolean true", failure("{\"shape\": [1], \"data\": [true]}"));
        assertEquals("outputs.out.data[0]: " + only + "array [1]", failure("{\"shape\": [1], \"data\": [[1]]}"));
    }

    @Test
    void aBareNanTokenOrAnOverflowingNumberIsNotAFloat64() {
        String number = ": a JSON number that is not a finite float64 (read as ";
        String hint = "); NaN and the infinities are written as the strings \"NaN\", \"Infinity\" and \"-Infinity\"";
        assertEquals("outputs.out.data[1]" + number + "NaN" + hint, failure("{\"shape\": [2], \"data\": [1, NaN]}"));
        assertEquals(
                "outputs.out.data[0]" + number + "-Infinity" + hint,
                failure("{\"shape\": [1], \"data\": [-Infinity]}"));
        assertEquals(
                "outputs.out.data[0]" + number + "Infinity" + hint, failure("{\"shape\": [1], \"data\": [1e400]}"));
    }
}
