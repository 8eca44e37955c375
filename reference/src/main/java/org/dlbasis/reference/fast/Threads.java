package org.dlbasis.reference.fast;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads a training run may use: a fixed pool of daemon threads for the whole run, closed when
 * it ends. Work is split by the caller into pieces that do not depend on the thread count (see
 * {@link FirstLayerPass}), so one thread and many give the same result.
 */
final class Threads implements AutoCloseable {
    /** Below this many multiply-adds a batch of pieces runs on the calling thread: handing off costs more. */
    private static final long WORTH_A_THREAD = 1L << 16;

    private final int count;
    private ExecutorService pool;

    /**
     * @param count how many threads may work at once, at least 1
     */
    Threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + count);
        }
        this.count = count;
    }

    /**
     * Runs every piece, on the pool when there is enough work and more than one thread, and returns
     * when all are done.
     *
     * @param pieces independent pieces of work
     * @param work about how many multiply-adds they are together
     */
    void runAll(List<Callable<Void>> pieces, long work) {
        try {
            if (count == 1 || pieces.size() == 1 || work < WORTH_A_THREAD) {
                for (Callable<Void> piece : pieces) {
                    piece.call();
                }
                return;
            }
            for (Future<Void> f : pool().invokeAll(pieces)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(count, r -> {
                Thread t = new Thread(r, "dlbasis-reference-training");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
