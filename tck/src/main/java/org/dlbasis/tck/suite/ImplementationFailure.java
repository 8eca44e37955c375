package org.dlbasis.tck.suite;

/**
 * Raised by an adapter when the implementation behind it crashed, timed out or answered
 * nonsense; the check is then reported as ERROR rather than FAIL. It is never one of the spec's
 * errors, so it can never satisfy a check that expects the implementation to raise one.
 *
 * <p>QuickTheories reports an exception thrown inside a property as a falsification and keeps
 * only its text; the runner therefore watches every call into the implementation
 * ({@link Watched}) and reports the first failure as the check's ERROR whatever the property did
 * with it.
 */
public class ImplementationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure of the implementation.
     *
     * @param message what went wrong, for the check's ERROR
     */
    public ImplementationFailure(String message) {
        this(message, null);
    }

    /**
     * A failure of the implementation, with its cause.
     *
     * @param message what went wrong, for the check's ERROR
     * @param cause the exception behind it, or null
     */
    public ImplementationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
