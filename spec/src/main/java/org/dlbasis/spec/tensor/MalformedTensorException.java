package org.dlbasis.spec.tensor;

/**
 * A {@link Shape} or {@link Tensor} built from inconsistent parts: a negative dimension, a size
 * beyond an int, data of the wrong length, an index out of range.
 *
 * <p>Deliberately <em>not</em> one of the spec's errors (a {@code SpecException}): it is a programming
 * error of whoever builds the tensor (the suite, a decoder or the implementation), never the error
 * an operation owes its caller, so it can never satisfy a check that an implementation "raises
 * INVALID_ARGUMENT".
 */
public class MalformedTensorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * The error, with its message.
     *
     * @param message what is inconsistent
     */
    public MalformedTensorException(String message) {
        super(message);
    }
}
