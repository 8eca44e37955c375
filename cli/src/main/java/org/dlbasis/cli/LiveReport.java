package org.dlbasis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dlbasis.runner.report.ConformanceReport;
import org.dlbasis.runner.report.ConformanceRun;
import org.dlbasis.runner.report.ReportWriter;

/**
 * A conformance run whose report exists from its first second: a daemon thread rewrites it every
 * few seconds (marked incomplete), and a shutdown hook writes the last snapshot if the run is
 * interrupted (Ctrl-C, SIGTERM). The complete report is written by the caller when the run ends.
 */
final class LiveReport {
    private final ConformanceRun run;
    private final Path dir;
    private final long periodMillis;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean finished;

    LiveReport(ConformanceRun run, Path dir, long periodMillis) {
        this.run = run;
        this.dir = dir;
        this.periodMillis = periodMillis;
    }

    ConformanceReport run(ConformanceRun.Progress progress) {
        Thread hook = new Thread(this::interrupted, "dlbasis-partial-report");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread writer = new Thread(this::rewriteWhileRunning, "dlbasis-live-report");
        writer.setDaemon(true);
        writer.start();
        try {
            return run.run(progress);
        } finally {
            finished = true;
            done.countDown(); // not interrupt(): that would close a file being written
            joinQuietly(writer);
            removeQuietly(hook);
        }
    }

    private void rewriteWhileRunning() {
        try {
            while (!done.await(periodMillis, TimeUnit.MILLISECONDS)) {
                writeSnapshot();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void interrupted() {
        if (!finished) {
            writeSnapshot();
            System.err.println("\ndlbasis: interrupted; the partial report (verdict: incomplete) is in " + dir);
        }
    }

    private synchronized void writeSnapshot() {
        try {
            ReportWriter.writeAll(run.snapshot(), dir);
        } catch (IOException | RuntimeException e) {
            System.err.println("dlbasis: could not write the partial report: " + e);
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs and sees finished
        }
    }
}
