package org.dlbasis.spec.error;

/** An axis outside {@code [-rank, rank)}: {@code axis 2 is out of bounds for array of dimension 2}. */
public final class AxisOutOfBoundsException extends SpecException {
    private static final long serialVersionUID = 1L;

    /**
     * The error, with its message.
     *
     * @param message what was expected and what was found (SPEC ERR-1)
     */
    public AxisOutOfBoundsException(String message) {
        super(ErrorKind.AXIS_OUT_OF_BOUNDS, message);
    }
}
