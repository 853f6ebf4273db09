package org.matrixas.bridge.irc.runtime;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a shared pool, one at a time per key and in submission order: the lines of one room (or one
 * channel) keep their order while different rooms proceed in parallel. A failed task does not stop the ones
 * after it.
 */
public final class SerialExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);
    private final ThreadPoolExecutor pool;
    private final Map<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public SerialExecutor(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), tf);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code task} after every task submitted before under {@code key}; the future completes with it. */
    public CompletableFuture<Void> submit(Object key, Runnable task) {
        return submitAfter(key, OPEN, task);
    }

    /**
     * Like {@link #submit}, and also not before {@code gate} completes (successfully or not); later tasks of the key
     * wait behind it. No thread waits meanwhile.
     */
    public CompletableFuture<Void> submitAfter(Object key, CompletableFuture<?> gate, Runnable task) {
        CompletableFuture<Void> mine = tails.compute(key, (k, prev) -> {
            CompletableFuture<Void> base = prev == null ? CompletableFuture.completedFuture(null)
                    : prev.handle((v, e) -> null);
            return base.thenCombine(gate.handle((v, e) -> null), (a, b) -> null)
                    .thenRunAsync(() -> run(key, task), pool);
        });
        mine.whenComplete((v, e) -> tails.remove(key, mine));
        return mine;
    }

    private void run(Object key, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (pool.isShutdown()) {
                LOG.debug("task for {} cut short by shutdown: {}", key, e.getMessage());
            } else {
                LOG.warn("task for {} failed", key, e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("worker threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
