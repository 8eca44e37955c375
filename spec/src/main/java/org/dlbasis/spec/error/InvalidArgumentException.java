package org.dlbasis.spec.error;

/** A parameter outside its domain: a learning rate that is not finite and positive, a size below 1, a Leaky ReLU slope outside [0, 1), an ELU α that is not positive. */
public final class InvalidArgumentException extends SpecException {
    private static final long serialVersionUID = 1L;

    /**
     * The error, with its message.
     *
     * @param message what was expected and what was found (SPEC ERR-1)
     */
    public InvalidArgumentException(String message) {
        super(ErrorKind.INVALID_ARGUMENT, message);
    }
}
