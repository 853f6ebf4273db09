package org.matrixas.bridge.irc.kicl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.kitteh.irc.client.library.feature.sending.MessageSendingQueue;
import org.matrixas.bridge.irc.config.FloodConfig;

/**
 * KICL's delayed sending queue, run as tasks on the shared scheduler instead of a thread per client. A token
 * bucket ({@link FloodConfig}) paces the lines; at most one drain task per queue is ever pending or running, so a
 * client's lines leave in the order they were queued.
 *
 * <p>{@link #whenWritten()} tells when the lines queued so far have reached the IRC server, so a caller can mark
 * work done only then: it queues {@code PING :mxack<n>} behind them, and the server's {@code PONG} with that token
 * ({@link #acknowledged(long)}) proves it has read everything before it, as servers handle a client's lines in
 * order. (Handing a line to the socket proves nothing: a process killed at that moment loses what the kernel had
 * not sent.) The PING is paced like any line; a caller asking again before anything else was queued shares it.
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
    /**
     * The prefix of the PING tokens {@link #whenWritten()} queues, followed by {@code <queue id>.<line number of the
     * PING>}; the queue id keeps a PING left over from an earlier connection from acknowledging this one's lines.
     */
    static final String ACK_TOKEN = "mxack";
    private static final AtomicLong IDS = new AtomicLong();
    private final long id = IDS.incrementAndGet();
    private long queuedCount;
    /** The line count at the last queued PING, or -1: a caller arriving with nothing queued since shares it. */
    private long lastPing = -1;
    /** Futures waiting for the PONG of their PING, in target order. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private long acknowledgedCount;

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
     * Completes once the server has read every line queued before this call; fails if the queue is shut down
     * first (the lines may not have reached IRC).
     */
    synchronized CompletableFuture<Void> whenWritten() {
        if (acknowledgedCount >= queuedCount) {
            return CompletableFuture.completedFuture(null);
        }
        if (lastPing != queuedCount) {
            queue("PING :" + ACK_TOKEN + id + "." + (queuedCount + 1));
            lastPing = queuedCount;
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiters.add(new Waiter(lastPing, f));
        return f;
    }

    /**
     * A PONG with {@code token} arrived: if it answers one of this queue's PINGs, every line up to it has been read,
     * and the callers waiting for those lines complete. Any other token is ignored.
     */
    void acknowledged(String token) {
        String mine = ACK_TOKEN + id + ".";
        if (!token.startsWith(mine)) {
            return;
        }
        long pingLine;
        try {
            pingLine = Long.parseLong(token.substring(mine.length()));
        } catch (NumberFormatException e) {
            return;
        }
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (this) {
            acknowledgedCount = Math.max(acknowledgedCount, pingLine);
            while (!waiters.isEmpty() && waiters.peek().target() <= acknowledgedCount) {
                done.add(waiters.poll().future());
            }
        }
        done.forEach(f -> f.complete(null)); // outside the lock: callers' continuations may queue more lines
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
            }
        } finally {
            synchronized (this) {
                busy = false;
                kick();
            }
        }
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
