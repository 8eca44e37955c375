package org.dlbasis.spec.error;

/** Operand shapes that cannot be combined, e.g. {@code operands could not be broadcast together with shapes (4,3) (4,)}. */
public final class ShapeMismatchException extends SpecException {
    private static final long serialVersionUID = 1L;

    /**
     * The error, with its message.
     *
     * @param message what was expected and what was found (SPEC ERR-1)
     */
    public ShapeMismatchException(String message) {
        super(ErrorKind.SHAPE_MISMATCH, message);
    }
}
