package org.dlbasis.spec.error;

/**
 * Base of every error the spec requires an implementation to raise (SPEC ERR-1). One subclass per
 * condition; the message names what was expected and what was found.
 */
public abstract class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    protected SpecException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** The language-neutral kind of this error. */
    public ErrorKind kind() {
        return kind;
    }
}
