package org.dlbasis.properties.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process spoken to one line at a time: requests on its stdin, responses read from its
 * stdout by a daemon thread (so a silent child never blocks the runner), and the tail of its
 * stderr kept for error reports.
 */
final class ChildProcess implements AutoCloseable {
    /** Marks the end of the child's stdout in the line queue. */
    private static final String EOF = new String("<eof>");
    private static final int STDERR_TAIL_LINES = 30;

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();

    ChildProcess(String commandLine) throws IOException {
        process = new ProcessBuilder("sh", "-c", commandLine).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon("dlbasis-child-stdout", () -> pump(process.getInputStream(), true));
        daemon("dlbasis-child-stderr", () -> pump(process.getErrorStream(), false));
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
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

    /** Sends one line. @throws IOException if the child no longer reads */
    void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
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
            throw new IOException("the implementation exited" + exitStatus());
        }
        return line;
    }

    private String exitStatus() {
        try {
            return process.waitFor(200, TimeUnit.MILLISECONDS) ? " with status " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The last lines the child wrote to stderr. */
    String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
