package org.dlbasis.spec.error;

/**
 * The language-neutral kinds of error the spec requires (SPEC ERR-1). Golden files and the
 * cross-language protocol name errors by these constants; Java implementations throw the matching
 * subclass of {@link SpecException}.
 */
public enum ErrorKind {
    /** Operand shapes that the operation cannot combine (broadcast, dot, reshape, parameters). */
    SHAPE_MISMATCH,
    /** An axis outside {@code [-rank, rank)}. */
    AXIS_OUT_OF_BOUNDS,
    /** NaN or ±∞ where the spec forbids it. */
    NON_FINITE,
    /** A label that is not exactly 0 or 1, or a probability outside [0, 1]. */
    INVALID_LABEL,
    /** m = 0 samples, or another empty input where at least one element is needed. */
    EMPTY_INPUT,
    /** A parameter outside its domain: learning rate, sizes, slope, α, iteration count. */
    INVALID_ARGUMENT;

    /**
     * The exception a Java implementation throws for this kind, carrying {@code message}.
     *
     * @param message what was expected and what was found
     * @return the matching subclass of {@link SpecException}, not thrown
     */
    public SpecException exception(String message) {
        switch (this) {
            case SHAPE_MISMATCH:
                return new ShapeMismatchException(message);
            case AXIS_OUT_OF_BOUNDS:
                return new AxisOutOfBoundsException(message);
            case NON_FINITE:
                return new NonFiniteInputException(message);
            case INVALID_LABEL:
                return new InvalidLabelException(message);
            case EMPTY_INPUT:
                return new EmptyInputException(message);
            default:
                return new InvalidArgumentException(message);
        }
    }
}
