package org.dlbasis.properties.suite;

/**
 * Raised by an adapter when the implementation behind it crashed, timed out or answered
 * nonsense; the runner reports the property as ERROR rather than FAIL.
 */
public class ImplementationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImplementationFailure(String message) {
        super(message);
    }

    public ImplementationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
