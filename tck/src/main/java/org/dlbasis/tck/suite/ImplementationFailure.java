package org.dlbasis.tck.suite;

/**
 * Raised by an adapter when the implementation behind it crashed, timed out or answered
 * nonsense; the check is then reported as ERROR rather than FAIL. It is never one of the spec's
 * errors, so it can never satisfy a check that expects the implementation to raise one.
 *
 * <p>QuickTheories reports an exception thrown inside a property as a falsification and keeps
 * only its text; an adapter therefore also keeps its first failure of the check, and gives it
 * back through {@link IsolatedImplementation#failure()}.
 */
public class ImplementationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImplementationFailure(String message) {
        this(message, null);
    }

    public ImplementationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
