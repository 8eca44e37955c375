package org.dlbasis.spec.error;

/** An input with no element where at least one is needed, such as m = 0 (SPEC ERR-2). */
public final class EmptyInputException extends SpecException {
    private static final long serialVersionUID = 1L;

    /**
     * The error, with its message.
     *
     * @param message what was expected and what was found (SPEC ERR-1)
     */
    public EmptyInputException(String message) {
        super(ErrorKind.EMPTY_INPUT, message);
    }
}
