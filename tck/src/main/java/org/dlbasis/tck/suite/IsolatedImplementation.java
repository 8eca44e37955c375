package org.dlbasis.tck.suite;

import org.dlbasis.spec.api.Implementation;

/**
 * An implementation reached across a boundary that can fail on its own: a child process, a JVM,
 * a socket. After a failure its adapter refuses further calls in the same check, rather than
 * restarting a broken program once per shrinking step; the runner calls {@link #beginCheck()}
 * before every check, after which the next call may start a fresh one.
 */
public interface IsolatedImplementation extends Implementation {

    /** Forgets the previous check's failure. */
    void beginCheck();

    /**
     * The last call, in the words the implementation gave for it (spec/PROTOCOL.md "Terms"):
     * {@code grads = backward_propagation(parameters, cache, X, Y)} and a line that rebuilds its
     * inputs and makes it; failure messages show it in place of the API call.
     *
     * @return the call as text, or empty when the implementation gave no terms for it
     */
    default java.util.Optional<String> lastCallInItsTerms() {
        return java.util.Optional.empty();
    }
}
