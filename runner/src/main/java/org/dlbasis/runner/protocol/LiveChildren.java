package org.dlbasis.runner.protocol;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every implementation process that is still running, and one JVM shutdown hook that kills them
 * all: whatever ends the runner (the end of a run, Ctrl-C, SIGTERM, an uncaught error), no process
 * it started survives it.
 *
 * <p>Starting a process and registering it happen under one lock, which the hook takes too: a
 * check that is still running while the runner shuts down cannot start a process after the hook
 * has looked (it is refused instead). Each process runs in a process group of its own
 * ({@code setsid}, where the platform has it), so that killing the group also reaches
 * grandchildren whose parent has already died.
 */
final class LiveChildren {
    private static final String SETSID = "/usr/bin/setsid";
    private static final boolean OWN_GROUP = new File(SETSID).canExecute();
    private static final Set<Process> LIVE = new LinkedHashSet<>();
    private static boolean hooked;
    private static boolean shuttingDown;

    private LiveChildren() {}

    /**
     * Starts {@code command} in a process group of its own and registers it.
     *
     * @throws IOException if it cannot start, or the runner is shutting down
     */
    static synchronized Process start(List<String> command) throws IOException {
        if (shuttingDown) {
            throw new IOException("not started: the runner is shutting down");
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveChildren::killAll, "dlbasis-kill-children"));
            hooked = true;
        }
        List<String> full = new ArrayList<>();
        if (OWN_GROUP) {
            full.add(SETSID);
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).start();
        LIVE.add(p);
        return p;
    }

    /**
     * Kills the process, its process group and every descendant, waits for it, and forgets it.
     * Safe to call more than once and from a shutdown hook.
     */
    static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        if (OWN_GROUP) {
            killGroup(process.pid());
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (LiveChildren.class) {
            LIVE.remove(process);
        }
    }

    /** Kills every live child and refuses new ones; the shutdown hook's body. */
    static void killAll() {
        List<Process> children;
        synchronized (LiveChildren.class) {
            shuttingDown = true;
            children = new ArrayList<>(LIVE);
        }
        children.forEach(LiveChildren::kill);
    }

    /** {@code kill -KILL -- -pgid}: the group setsid made, including grandchildren whose parent died. */
    private static void killGroup(long pgid) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pgid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the descendants are still destroyed one by one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
