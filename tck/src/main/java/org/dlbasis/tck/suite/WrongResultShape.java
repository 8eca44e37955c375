package org.dlbasis.tck.suite;

import org.dlbasis.spec.tensor.Shape;

/**
 * An answer that could be decoded but does not have the shape the API promises: a cost returned
 * as a (1,1) array where the spec says a number (numpy's classic slip that {@code np.squeeze(cost)}
 * guards against: a (1,1) cost broadcasts silently later), or costs of shape (1,k+1) where a
 * rank-1 array is due. It is a wrong answer, so the check FAILs (it is an {@link AssertionError}),
 * not a protocol ERROR.
 */
public final class WrongResultShape extends AssertionError {
    private static final long serialVersionUID = 1L;

    /**
     * A wrong result shape.
     *
     * @param operation the operation's wire name, such as {@code cost}
     * @param output the output's name, such as {@code out} or {@code costs}
     * @param expected the shape the API promises
     * @param found the shape that came back
     */
    public WrongResultShape(String operation, String output, Shape expected, Shape found) {
        super("\"" + operation + "\" returned \"" + output + "\" with shape " + found + ", expected " + expected
                + (expected.rank() == 0 ? " (a number, a 0-d array: squeeze it)" : ""));
    }

    /**
     * A wrong result shape, the output named in the implementation's own terms.
     *
     * @param output the output as the implementation names it, such as {@code grads["db2"]}
     * @param expected the shape the API promises
     * @param found the shape that came back
     */
    public WrongResultShape(String output, Shape expected, Shape found) {
        super(output + " has shape " + found + " where " + expected + " is expected"
                + (expected.rank() == 0 ? " (a number, a 0-d array: squeeze it)" : ""));
    }
}
