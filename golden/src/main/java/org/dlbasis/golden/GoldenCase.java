package org.dlbasis.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.match.Tolerance;

/**
 * One golden case: an operation with its inputs, and either the expected outputs (named tensors,
 * compared under {@code tolerance}) or the expected error (kind, and message if given).
 *
 * @param file the file it came from, for messages
 * @param id the case ID, unique in its file
 * @param clauses the SPEC.md clauses it checks
 * @param op the operation name (see {@link org.dlbasis.wire.Operation})
 * @param params the operation's parameters
 * @param inputs the operation's inputs
 * @param expected the expected outputs, or null when an error is expected
 * @param errorKind the expected error kind, or null
 * @param errorMessage the exact expected message, or null when only the kind is specified
 * @param tolerance how close the outputs must be
 */
public record GoldenCase(
        String file,
        String id,
        List<String> clauses,
        String op,
        JsonNode params,
        JsonNode inputs,
        Map<String, Tensor> expected,
        ErrorKind errorKind,
        String errorMessage,
        Tolerance tolerance) {

    /**
     * Whether the case expects an error rather than outputs.
     *
     * @return true when {@link #errorKind()} is given
     */
    public boolean expectsError() {
        return errorKind != null;
    }
}
