package org.matrixas.bridge.irc.kicl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kitteh.irc.client.library.feature.sending.MessageSendingQueue;
import org.matrixas.bridge.irc.config.FloodConfig;

/**
 * KICL's delayed sending queue, run as tasks on the shared scheduler instead of a thread per client. A token
 * bucket ({@link FloodConfig}) paces the lines; at most one drain task per queue is ever pending or running, so a
 * client's lines leave in the order they were queued. {@link #whenWritten()} tells when the lines queued so far
 * have been handed to the socket, so a caller can acknowledge work only once it has reached IRC.
 */
final class ScheduledSendingQueue implements MessageSendingQueue {
    private final ScheduledExecutorService scheduler;
    private final FloodConfig flood;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private Consumer<String> consumer;
    private boolean sending;
    private boolean busy;
    private double tokens;
    private long refilledAt = System.nanoTime();
    private long queuedCount;
    private long writtenCount;
    /** Futures waiting for {@code writtenCount} to reach their target, in target order. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    private Runnable onShutdown = () -> { };

    private record Waiter(long target, CompletableFuture<Void> future) {
    }

    ScheduledSendingQueue(ScheduledExecutorService scheduler, FloodConfig flood) {
        this.scheduler = scheduler;
        this.flood = flood;
        this.tokens = flood.burst();
    }

    @Override
    public synchronized void beginSending(Consumer<String> newConsumer) {
        consumer = newConsumer;
        sending = true;
        kick();
    }

    @Override
    public synchronized boolean contains(String message) {
        return queue.contains(message);
    }

    @Override
    public synchronized Optional<Consumer<String>> getConsumer() {
        return Optional.ofNullable(consumer);
    }

    @Override
    public synchronized void pause() {
        sending = false;
    }

    @Override
    public synchronized void queue(String message) {
        queue.add(message);
        queuedCount++;
        kick();
    }

    /**
     * Completes once every line queued before this call has been written to the connection; fails if the queue is
     * shut down first (those lines were never sent).
     */
    synchronized CompletableFuture<Void> whenWritten() {
        if (writtenCount >= queuedCount) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiters.add(new Waiter(queuedCount, f));
        return f;
    }

    /** Runs {@code action} when the queue is shut down (its client is done). */
    synchronized void onShutdown(Runnable action) {
        onShutdown = action;
    }

    @Override
    public synchronized Queue<String> shutdown() {
        sending = false;
        consumer = null;
        Queue<String> left = new ArrayDeque<>(queue);
        queue.clear();
        IllegalStateException dropped = new IllegalStateException("the connection was shut down with "
                + left.size() + " lines unsent");
        waiters.forEach(w -> w.future().completeExceptionally(dropped));
        waiters.clear();
        onShutdown.run();
        return left;
    }

    /** Schedules a drain when there is something to send and none is pending. Holds the lock. */
    private void kick() {
        if (!sending || busy || queue.isEmpty() || scheduler.isShutdown()) {
            return;
        }
        busy = true;
        refill();
        long waitNanos = tokens >= 1 ? 0 : (long) ((1 - tokens) * TimeUnit.MILLISECONDS.toNanos(flood.intervalMs()));
        try {
            scheduler.schedule(this::drain, waitNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            busy = false;
        }
    }

    private void drain() {
        List<String> batch = new ArrayList<>();
        Consumer<String> target;
        synchronized (this) {
            refill();
            target = consumer;
            while (sending && target != null && !queue.isEmpty() && (flood.intervalMs() == 0 || tokens >= 1)) {
                batch.add(queue.poll());
                tokens -= 1;
            }
        }
        try {
            if (target != null) {
                batch.forEach(target);
                written(batch.size());
            }
        } finally {
            synchronized (this) {
                busy = false;
                kick();
            }
        }
    }

    private void written(int lines) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (this) {
            writtenCount += lines;
            while (!waiters.isEmpty() && waiters.peek().target() <= writtenCount) {
                done.add(waiters.poll().future());
            }
        }
        done.forEach(f -> f.complete(null)); // outside the lock: callers' continuations may queue more lines
    }

    private void refill() {
        long now = System.nanoTime();
        if (flood.intervalMs() == 0) {
            tokens = flood.burst();
        } else {
            double earned = (now - refilledAt) / (double) TimeUnit.MILLISECONDS.toNanos(flood.intervalMs());
            tokens = Math.min(flood.burst(), tokens + earned);
        }
        refilledAt = now;
    }
}
