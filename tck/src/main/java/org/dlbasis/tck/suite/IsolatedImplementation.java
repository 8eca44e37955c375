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
}
