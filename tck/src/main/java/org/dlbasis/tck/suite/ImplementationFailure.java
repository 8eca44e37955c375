package org.dlbasis.tck.suite;

/**
 * Raised by an adapter when the implementation behind it crashed, timed out or answered
 * nonsense; the check is then reported as ERROR rather than FAIL.
 *
 * <p>QuickTheories reports an exception thrown inside a property as a falsification and keeps
 * only its text, so the first failure of a check is also remembered per thread: the runner reads
 * it after the check ({@link #first()}), and adapters refuse further calls in the same check
 * rather than restarting a broken program once per shrinking step.
 */
public class ImplementationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<ImplementationFailure> FIRST = new ThreadLocal<>();

    public ImplementationFailure(String message) {
        this(message, null);
    }

    public ImplementationFailure(String message, Throwable cause) {
        super(message, cause);
        if (FIRST.get() == null) {
            FIRST.set(this);
        }
    }

    /** The first failure since the last {@link #reset()} on this thread, or null. */
    public static ImplementationFailure first() {
        return FIRST.get();
    }

    /** Forgets the failures of the previous check. */
    public static void reset() {
        FIRST.remove();
    }
}
