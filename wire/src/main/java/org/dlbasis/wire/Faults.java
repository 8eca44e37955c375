package org.dlbasis.wire;

import java.util.Set;
import org.dlbasis.spec.tensor.Shape;

/**
 * What a protocol client does with a success answer that lacks an output of the operation or has
 * a number or costs of the wrong shape. Each method throws the client's own failure; none returns.
 */
public interface Faults {
    /**
     * The answer lacks {@code output}.
     *
     * @param op the operation answered
     * @param output the flat name of the missing output, such as {@code params.w1}
     * @param given the outputs the answer has
     */
    void missing(Operation op, String output, Set<String> given);

    /**
     * {@code output} has the wrong shape: a number that is not 0-d, costs that are not (k+1,).
     *
     * @param op the operation answered
     * @param output the output's flat name
     * @param expected the shape it must have
     * @param found the shape it has
     */
    void wrongShape(Operation op, String output, Shape expected, Shape found);
}
