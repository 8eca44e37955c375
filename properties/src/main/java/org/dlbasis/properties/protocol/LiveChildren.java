package org.dlbasis.properties.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every implementation process that is still running, and one JVM shutdown hook that kills them
 * all: whatever ends the runner (the end of a run, Ctrl-C, SIGTERM, an uncaught error), no process
 * it started survives it.
 */
final class LiveChildren {
    private static final Set<ChildProcess> LIVE = new LinkedHashSet<>();
    private static boolean hooked;

    private LiveChildren() {
    }

    static synchronized void add(ChildProcess child) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveChildren::killAll, "dlbasis-kill-children"));
            hooked = true;
        }
        LIVE.add(child);
    }

    static synchronized void remove(ChildProcess child) {
        LIVE.remove(child);
    }

    /** Kills every live child; the shutdown hook's body. */
    static void killAll() {
        List<ChildProcess> children;
        synchronized (LiveChildren.class) {
            children = new ArrayList<>(LIVE);
        }
        children.forEach(ChildProcess::kill);
    }
}
