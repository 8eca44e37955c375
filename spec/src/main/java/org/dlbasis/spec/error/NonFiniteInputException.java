package org.dlbasis.spec.error;

/** NaN or ±∞ where the spec forbids it (losses, costs and models; SPEC ERR-3). */
public final class NonFiniteInputException extends SpecException {
    private static final long serialVersionUID = 1L;

    /**
     * The error, with its message.
     *
     * @param message what was expected and what was found (SPEC ERR-1)
     */
    public NonFiniteInputException(String message) {
        super(ErrorKind.NON_FINITE, message);
    }
}
