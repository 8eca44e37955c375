package org.dlbasis.runner.gradcheck;

import java.util.function.Supplier;
import org.dlbasis.spec.error.SpecException;
import org.dlbasis.tck.suite.ImplementationFailure;

/**
 * The implementation under check failed during a gradient check: it raised an error, crashed,
 * timed out or answered nonsense. Every call into the implementation goes through {@link #call},
 * so anything thrown outside it is the suite's own failure, never blamed on the implementation;
 * the run ends with a report that carries this message.
 */
public final class ImplementationError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private ImplementationError(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs one call into the implementation; {@code what} says what it was for, e.g. "the cost J(θ)". */
    static <T> T call(String what, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | StackOverflowError e) {
            throw new ImplementationError(what + " failed: " + describe(e), e);
        }
        if (result == null) {
            throw new ImplementationError(what + " failed: the implementation returned null", null);
        }
        return result;
    }

    private static String describe(Throwable e) {
        if (e instanceof ImplementationFailure) {
            return e.getMessage();
        }
        if (e instanceof SpecException s) {
            return "the implementation raised " + s.kind() + ": " + s.getMessage();
        }
        return "the implementation threw " + e;
    }
}
