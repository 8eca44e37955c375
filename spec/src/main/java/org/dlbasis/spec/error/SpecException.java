package org.dlbasis.spec.error;

/**
 * Base of every error the spec requires an implementation to raise (SPEC ERR-1). One subclass per
 * condition; the message names what was expected and what was found.
 */
public abstract class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The language-neutral kind of this error (serialized). */
    private final ErrorKind kind;

    /**
     * An error of one kind.
     *
     * @param kind the language-neutral kind
     * @param message what was expected and what was found (SPEC ERR-1)
     */
    protected SpecException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * The language-neutral kind of this error.
     *
     * @return the kind, e.g. {@link ErrorKind#SHAPE_MISMATCH}
     */
    public ErrorKind kind() {
        return kind;
    }
}
