package org.dlbasis.runner.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process spoken to one line at a time, which can never block the runner and never
 * outlives it.
 *
 * <ul>
 * <li>Requests are written by a writer thread and responses read by a reader thread, so a child
 *     that stops reading (a request larger than the pipe buffer) or stops writing is a timeout,
 *     not a hang.</li>
 * <li>The child is started by {@link LiveChildren} in a process group of its own, and
 *     {@link #close()} kills the whole group and every descendant: a command line run through
 *     {@code sh -c} leaves no grandchild behind, nor does a program that forks; the registry's
 *     shutdown hook does the same when the runner ends for any reason (Ctrl-C, SIGTERM).</li>
 * <li>The last lines of stderr are kept for error reports; after an exit, stderr is drained before
 *     its tail is read, so the line that explains a crash is never lost.</li>
 * </ul>
 */
final class ChildProcess implements AutoCloseable {
    /** Marks the end of the child's stdout in the line queue. */
    private static final String EOF = new String("<eof>");

    private static final int STDERR_TAIL_LINES = 30;
    private static final long DRAIN_MILLIS = 1000;

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrPump;
    private final ExecutorService writer;

    ChildProcess(List<String> command) throws IOException {
        process = LiveChildren.start(command);
        stdin = process.getOutputStream();
        daemon("dlbasis-child-stdout", () -> pump(process.getInputStream(), true));
        stderrPump = daemon("dlbasis-child-stderr", () -> pump(process.getErrorStream(), false));
        writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dlbasis-child-stdin");
            t.setDaemon(true);
            return t;
        });
    }

    /** A command line for a shell: {@code sh -c <line>}. */
    static List<String> shell(String commandLine) {
        return List.of("sh", "-c", commandLine);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void pump(InputStream in, boolean isStdout) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (isStdout) {
                    stdout.add(line);
                } else {
                    synchronized (stderrTail) {
                        stderrTail.addLast(line);
                        if (stderrTail.size() > STDERR_TAIL_LINES) {
                            stderrTail.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the child went away; EOF below tells the reader
        } finally {
            if (isStdout) {
                stdout.add(EOF);
            }
        }
    }

    /**
     * Sends one line within {@code timeoutMillis}.
     *
     * @throws IOException if the child no longer reads: "exited with status 5", "closed its input (…)"
     * @throws TimeoutException if the child did not take the whole line in time (stopped reading)
     */
    void send(String line, long timeoutMillis) throws IOException, TimeoutException, InterruptedException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        Future<?> write = writer.submit(() -> {
            stdin.write(bytes);
            stdin.flush();
            return null;
        });
        try {
            write.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            String status = exitStatus();
            throw new IOException(
                    status.isEmpty() ? "closed its input (" + e.getCause().getMessage() + ")" : "exited" + status,
                    e.getCause());
        }
    }

    /**
     * The next stdout line, or null on timeout.
     *
     * @throws IOException if the child closed its stdout (exited)
     */
    String receive(long timeoutMillis) throws IOException, InterruptedException {
        String line = stdout.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (line == EOF) {
            stdout.add(EOF);
            throw new IOException("exited" + exitStatus());
        }
        return line;
    }

    private String exitStatus() {
        try {
            return process.waitFor(500, TimeUnit.MILLISECONDS) ? " with status " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * The last lines the child wrote to stderr; if it has exited, after reading its stderr to the
     * end (bounded by a short wait), so that the lines that explain a crash are there.
     */
    String stderrTail() {
        if (!process.isAlive()) {
            try {
                stderrPump.join(DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    /**
     * Closes stdin, gives the child a moment to exit by itself, then kills its whole tree. Stdin is
     * closed by the writer thread, behind any write still blocked on a child that stopped reading
     * (closing it here would wait for that write's lock); the kill then unblocks that write.
     */
    @Override
    public void close() {
        Future<?> closing = writer.submit(() -> {
            stdin.close();
            return null;
        });
        try {
            closing.get(300, TimeUnit.MILLISECONDS);
            process.waitFor(300, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the child is not reading or already gone: kill it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    /** Kills the child's whole tree (see {@link LiveChildren#kill}). */
    void kill() {
        LiveChildren.kill(process);
        writer.shutdownNow();
    }
}
