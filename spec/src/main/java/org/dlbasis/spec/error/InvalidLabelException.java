package org.dlbasis.spec.error;

/** A label other than exactly 0 or 1, or a probability outside [0, 1] (SPEC LOSS-6). */
public final class InvalidLabelException extends SpecException {
    private static final long serialVersionUID = 1L;

    /**
     * The error, with its message.
     *
     * @param message what was expected and what was found (SPEC ERR-1)
     */
    public InvalidLabelException(String message) {
        super(ErrorKind.INVALID_LABEL, message);
    }
}
